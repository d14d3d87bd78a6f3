/**
 * ISO base media (MP4, M4A, M4B) boxes: the top level walked through the file by headers alone
 * (`mdat` is most of the file and is never read), and the boxes inside `moov`, which is read
 * whole since it is small (kilobytes to a few megabytes) and everything else points from it.
 */
import { fourCC, uint32, uint64, type ByteSource } from './byte-source';

export interface Box {
  type: string;
  /** Where the box starts, and where its content starts and ends (after the header). */
  offset: number;
  start: number;
  end: number;
}

/** Top-level boxes in a real file are a handful; a walk past this is a hostile or broken file. */
const MAX_TOP_LEVEL_BOXES = 10_000;

export type TopLevelResult =
  | { ok: true; moov: Box | null }
  | { ok: false; reason: 'bad-size'; box: string; offset: number; size: number }
  | { ok: false; reason: 'too-many-boxes' | 'moov-truncated' };

/** Finds `moov` among the top-level boxes, wherever it sits (before `mdat` or after it). */
export async function findMoov(file: ByteSource): Promise<TopLevelResult> {
  let at = 0;
  for (let count = 0; at + 8 <= file.size; count++) {
    if (count >= MAX_TOP_LEVEL_BOXES) return { ok: false, reason: 'too-many-boxes' };
    const header = await file.read(at, 16);
    const box = readBoxHeader(header, 0, file.size - at);
    if (!box && fourCC(header, 4) === 'moov') return { ok: false, reason: 'moov-truncated' };
    if (!box) return { ok: false, reason: 'bad-size', box: printable(fourCC(header, 4)), offset: at, size: uint32(header, 0) };
    if (box.type === 'moov') return { ok: true, moov: { ...box, offset: at, start: at + box.start, end: at + box.end } };
    at += box.end;
  }
  return { ok: true, moov: null };
}

/**
 * The box whose header is at `at` in `bytes`, with offsets relative to `at`, or null when its
 * size cannot be (smaller than its header, or past `room`, the bytes left where it sits).
 */
function readBoxHeader(bytes: Uint8Array, at: number, room: number): Box | null {
  if (at + 8 > bytes.length) return null;
  let size = uint32(bytes, at);
  let header = 8;
  if (size === 1) {
    if (at + 16 > bytes.length) return null;
    size = uint64(bytes, at + 8);
    header = 16;
  } else if (size === 0) {
    size = room;
  }
  if (size < header || size > room) return null;
  return { type: fourCC(bytes, at + 4), offset: 0, start: header, end: size };
}

/** The boxes directly inside [start, end) of `bytes`; stops at the first that does not fit. */
export function childBoxes(bytes: Uint8Array, start: number, end: number): Box[] {
  const boxes: Box[] = [];
  let at = start;
  while (at + 8 <= end) {
    const box = readBoxHeader(bytes, at, end - at);
    if (!box) break;
    boxes.push({ type: box.type, offset: at, start: at + box.start, end: at + box.end });
    at += box.end;
  }
  return boxes;
}

/** The first box along `path` ("udta", "chpl") below [start, end), or null. */
export function findBox(bytes: Uint8Array, start: number, end: number, ...path: string[]): Box | null {
  let found: Box | null = null;
  let [from, to] = [start, end];
  for (const type of path) {
    found = childBoxes(bytes, from, to).find((box) => box.type === type) ?? null;
    if (!found) return null;
    [from, to] = [found.start, found.end];
  }
  return found;
}

/** A box type as it can be shown: four printable characters, or their codes. */
function printable(type: string): string {
  return /^[\x20-\x7e©]{4}$/.test(type) ? type : [...type].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join(' ');
}
