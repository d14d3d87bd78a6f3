import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readEmbeddedChapters, type EmbeddedChaptersResult } from '../../../utils/chapters/embedded';
import { episodeSchema } from '../../../utils/chapters/schema';
import { MAX_CHAPTERS } from '../../../utils/chapters/formats/guard';
import { box, chapFrame, concat, ctocFrame, fullBox, id3Frame, id3Tag, mp4File, syncsafe, textFrame, u32, ascii } from './builders';

/**
 * Audio files are untrusted binary: every answer is an episode the schema accepts or problems
 * with a message, never an exception, and the bytes read stay bounded whatever sizes and counts
 * the file claims.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);

/** A Blob that counts what is read from it. */
function countingBlob(bytes: Uint8Array): { blob: Blob; read: () => number } {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
  let read = 0;
  const slice = blob.slice.bind(blob);
  blob.slice = (...args: Parameters<Blob['slice']>) => {
    const part = slice(...args);
    read += part.size;
    return part;
  };
  return { blob, read: () => read };
}

function expectAnswer(result: EmbeddedChaptersResult) {
  if (result.ok) {
    for (const episode of result.episodes) expect(episodeSchema.safeParse(episode).success).toBe(true);
  } else {
    expect(result.problems.length).toBeGreaterThan(0);
    for (const problem of result.problems) expect(problem.message.trim()).not.toBe('');
  }
}

const SEEDS = [
  concat(
    id3Tag([
      textFrame('TIT2', 'T'),
      ctocFrame('toc', 3, ['a', 'b']),
      chapFrame('a', 0, 1000, [textFrame('TIT2', 'A')]),
      chapFrame('b', 1000, 2000, [textFrame('TIT2', 'B')]),
    ]),
    new Uint8Array(64),
  ),
  id3Tag([textFrame('TIT2', 'T', 3), chapFrame('a', 0, 1000, [textFrame('TIT2', 'A', 3)], 3)], { version: 3 }),
  mp4File({
    chapters: [
      { start: 0, title: 'A' },
      { start: 10, title: 'B' },
    ],
    meta: { title: 'T' },
  }),
  mp4File({
    chapters: [
      { start: 0, title: 'A' },
      { start: 10, title: 'B' },
    ],
    moovFirst: false,
    mediaBytes: 100,
  }),
];

/** A seed with bytes overwritten, cut short, or a slice repeated: sizes and counts turn hostile. */
const mutated = fc
  .record({
    seed: fc.constantFrom(...SEEDS),
    edits: fc.array(fc.record({ at: fc.nat(), value: fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0, 0xff, 0x7f, 0x80)) }), {
      maxLength: 8,
    }),
    cut: fc.option(fc.nat()),
    repeat: fc.option(fc.record({ from: fc.nat(), length: fc.nat({ max: 40 }), times: fc.nat({ max: 20 }) })),
  })
  .map(({ seed, edits, cut, repeat }) => {
    let bytes: Uint8Array = Uint8Array.from(seed);
    for (const { at, value } of edits) bytes[at % bytes.length] = value;
    if (repeat) {
      const from = repeat.from % bytes.length;
      const part = bytes.subarray(from, from + repeat.length);
      bytes = concat(bytes.subarray(0, from), ...Array.from({ length: repeat.times }, () => part), bytes.subarray(from));
    }
    return cut === null ? bytes : bytes.subarray(0, cut % (bytes.length + 1));
  });

describe('hostile audio files', () => {
  it('answers every mutated, truncated or random file without throwing, reading a bounded amount', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(mutated, fc.uint8Array({ maxLength: 300 })),
        fc.constantFrom('x.mp3', 'x.m4a', 'x.bin'),
        async (bytes, name) => {
          const { blob, read } = countingBlob(bytes);
          expectAnswer(await readEmbeddedChapters(blob, name));
          // A few 16 kB windows: a small file is never read much more than once, whatever it claims.
          expect(read()).toBeLessThanOrEqual(4 * 16 * 1024);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('stops at the chapter limit with a message that says it, however many chapters the file claims', async () => {
    const frames = Array.from({ length: MAX_CHAPTERS + 5 }, (_, i) =>
      chapFrame(`c${i}`, i * 1000, i * 1000 + 1000, [textFrame('TIT2', `C${i}`)]),
    );
    const id3 = await readEmbeddedChapters(new Blob([id3Tag(frames) as Uint8Array<ArrayBuffer>]), 'many.mp3');
    expect(id3.ok ? [] : id3.problems).toEqual([
      { message: `this file has more than ${MAX_CHAPTERS} chapters; Chapterbar reads at most ${MAX_CHAPTERS}` },
    ]);

    // A chapter track claiming a billion one-byte samples in one chunk.
    const file = mp4File({ chapters: [{ start: 0, title: 'A' }] });
    const hostile = replaceBox(file, 'stsz', fullBox('stsz', 0, u32(1), u32(1_000_000_000)));
    const { blob, read } = countingBlob(replaceBox(hostile, 'stsc', fullBox('stsc', 0, u32(1), u32(1), u32(1_000_000_000), u32(1))));
    const mp4 = await readEmbeddedChapters(blob, 'billion.m4a');
    expect(mp4.ok ? [] : mp4.problems.map((p) => p.message)).toEqual([
      `this file has more than ${MAX_CHAPTERS} chapters; Chapterbar reads at most ${MAX_CHAPTERS}`,
    ]);
    expect(read()).toBeLessThan(1024 * 1024);
  });

  it('refuses sizes that point past the end or loop, without reading the file whole', async () => {
    const zeroSize = concat(box('ftyp', ascii('M4A ')), u32(4), ascii('mdat'));
    expect(await problems(zeroSize)).toEqual([
      'the box “mdat” at byte 12 has an impossible size (4 bytes): the file is cut short or broken',
    ]);
    const pastEnd = concat(box('ftyp', ascii('M4A ')), u32(0x7fffffff), ascii('moov'), new Uint8Array(100));
    expect(await problems(pastEnd)).toEqual([
      'the file ends inside its movie box (moov): it is cut short, and its chapters cannot be read',
    ]);
    // Two thousand empty boxes: walked one header at a time, then "no moov".
    const many = concat(box('ftyp', ascii('M4A ')), ...Array.from({ length: 2000 }, () => box('free')));
    expect(await problems(many)).toEqual(['this file has no chapters: it has no movie box (moov), so it is cut short or not an MP4 file']);
    // An ID3 tag whose frame claims 200 MB, in a file of a few bytes.
    const tag = concat(
      ascii('ID3'),
      Uint8Array.of(4, 0, 0),
      syncsafe(200 * 1024 * 1024),
      id3Frame('CHAP', new Uint8Array(0)).subarray(0, 4),
      syncsafe(200 * 1024 * 1024),
      Uint8Array.of(0, 0),
    );
    const { blob, read } = countingBlob(tag);
    const result = await readEmbeddedChapters(blob, 'big.mp3');
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual([
      'this file has no chapters: its ID3 tag has no chapter frames (CHAP)',
    ]);
    expect(result.ok ? [] : result.problems).toHaveLength(1);
    expect(read()).toBeLessThan(1024);
  });
});

async function problems(bytes: Uint8Array): Promise<string[]> {
  const result = await readEmbeddedChapters(new Blob([bytes as Uint8Array<ArrayBuffer>]), 'x.m4a');
  return result.ok ? [] : result.problems.map((p) => p.message);
}

/** The file with its first `type` box replaced by `replacement`, and every box around it resized. */
function replaceBox(file: Uint8Array, type: string, replacement: Uint8Array): Uint8Array {
  const at = findType(file, type);
  const oldSize = new DataView(file.buffer, file.byteOffset).getUint32(at - 4);
  const delta = replacement.length - oldSize;
  const out = concat(file.subarray(0, at - 4), replacement, file.subarray(at - 4 + oldSize));
  const view = new DataView(out.buffer);
  // Parents: every box whose range contains the replaced one (moov, trak, mdia, minf, stbl).
  for (const parent of ['moov', 'trak', 'mdia', 'minf', 'stbl']) {
    let from = 0;
    for (;;) {
      const p = findType(out, parent, from);
      if (p < 0) break;
      const size = view.getUint32(p - 4);
      if (p - 4 < at && at < p - 4 + size - delta + 1) view.setUint32(p - 4, size + delta);
      from = p + 1;
    }
  }
  // stco points into mdat, which moved when moov before it grew.
  const stco = findType(out, 'stco');
  if (stco > 0 && stco < findType(out, 'mdat')) view.setUint32(stco + 12, view.getUint32(stco + 12) + delta);
  return out;
}

function findType(bytes: Uint8Array, type: string, from = 0): number {
  const code = ascii(type);
  for (let i = Math.max(4, from); i + 4 <= bytes.length; i++) if (code.every((c, j) => bytes[i + j] === c)) return i;
  return -1;
}
