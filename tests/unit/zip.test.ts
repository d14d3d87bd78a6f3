import { describe, expect, it } from 'vitest';
import { crc32, createZip } from '../../utils/options/zip';

/** CRC-32 bit by bit, independent of the table-driven one under test. */
function slowCrc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** Reads a stored (uncompressed) archive through its central directory, as unzip does. */
function readZip(buffer: ArrayBuffer): Array<{ name: string; text: string; crcOk: boolean; utf8Flag: boolean }> {
  const view = new DataView(buffer);
  const end = buffer.byteLength - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  const files = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const flags = view.getUint16(at + 8, true);
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(new Uint8Array(buffer, at + 46, nameLength));
    expect(view.getUint32(local, true)).toBe(0x04034b50);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = new Uint8Array(buffer, dataStart, size);
    files.push({ name, text: decoder.decode(data), crcOk: slowCrc32(data) === crc, utf8Flag: (flags & 0x0800) !== 0 });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return files;
}

describe('createZip', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('holds every file, with UTF-8 names and text, and unique names', async () => {
    const zip = createZip([
      { name: 'no-priors-ep-3.txt', text: 'No Priors Ep. 3 | With Stability AI’s Emad Mostaque\nCHAPTERS\n' },
      { name: 'café-épisode.txt', text: 'Café ☕\n' },
      { name: 'no-priors-ep-3.txt', text: 'another one with the same title' },
    ]);
    expect(zip.type).toBe('application/zip');
    const files = readZip(await zip.arrayBuffer());
    expect(files.map(({ name, crcOk, utf8Flag }) => [name, crcOk, utf8Flag])).toEqual([
      ['no-priors-ep-3.txt', true, true],
      ['café-épisode.txt', true, true],
      ['no-priors-ep-3-2.txt', true, true],
    ]);
    expect(files[1]!.text).toBe('Café ☕\n');
  });

  it('refuses more files than an archive without ZIP64 can count', () => {
    expect(() => createZip(Array.from({ length: 0x10000 }, (_, i) => ({ name: `${i}.txt`, text: '' })))).toThrow(RangeError);
  });
});
