/**
 * ID3v2.3 and v2.4 tags at the start of an MP3: the ID3 Chapter Frame addendum's `CHAP` frames
 * (start and end in milliseconds, with `TIT2` title, `TIT3` description and `WXXX` link
 * sub-frames), `CTOC` tables of contents (their order), and the file's own `TIT2`, `TALB`, `TPE1`.
 *
 * A tag of a few megabytes is read in one go; a larger one is walked through a ByteSource at its
 * frames' offsets, reading only the frames this needs: a chapter's picture (APIC, often hundreds
 * of kilobytes) is skipped, not loaded.
 * A tag unsynchronised as a whole (v2.3) has to be read whole, since unsynchronisation moves every
 * offset after the first FF byte; it is bounded like every read (byte-source.ts).
 */
import { createMemorySource, fourCC, uint32, type ByteSource } from './byte-source';
import { readId3TextFrame, terminatorAt, decodeId3Text, cleanText } from './text';

export interface Id3Chapter {
  elementId: string;
  /** Milliseconds. */
  start: number;
  end: number;
  title: string;
  description: string;
  url: string;
}

export interface Id3Toc {
  elementId: string;
  topLevel: boolean;
  ordered: boolean;
  children: string[];
}

export interface Id3Tag {
  version: number;
  title: string;
  artist: string;
  album: string;
  chapters: Id3Chapter[];
  tocs: Id3Toc[];
  /** Frames that are compressed or encrypted (this reads neither). */
  skippedFrames: number;
  /** The tag says it is longer than the file, or a frame runs past its end. */
  truncated: boolean;
  /** More chapters than `maxChapters`: the walk stopped there. */
  tooManyChapters: boolean;
}

const HEADER_BYTES = 10;
/** Text frames longer than this are not titles; what is past it is not read. */
const MAX_TEXT_BYTES = 64 * 1024;
/** A CTOC lists at most 255 element ids of at most a few bytes each; this covers them with room. */
const MAX_TOC_BYTES = 70 * 1024;
/** Frames in one tag (each is at least 10 bytes): a bound on the walk's time whatever the tag says. */
const MAX_FRAMES = 200_000;
/** Tags up to this size are read in one go; larger ones frame by frame, pictures skipped. */
const READ_WHOLE_TAG_BYTES = 8 * 1024 * 1024;
/** A chapter frame unsynchronised on its own is read whole, up to this (its picture included). */
const MAX_UNSYNC_FRAME_BYTES = 4 * 1024 * 1024;

const syncsafe = (bytes: Uint8Array, at: number) =>
  ((bytes[at]! & 0x7f) << 21) | ((bytes[at + 1]! & 0x7f) << 14) | ((bytes[at + 2]! & 0x7f) << 7) | (bytes[at + 3]! & 0x7f);

/** Undoes unsynchronisation: every FF 00 was written for FF. */
export function resynchronise(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let length = 0;
  for (let i = 0; i < bytes.length; i++) {
    out[length++] = bytes[i]!;
    if (bytes[i] === 0xff && bytes[i + 1] === 0x00) i++;
  }
  return out.subarray(0, length);
}

/** True when the bytes start an ID3v2 tag ("ID3", a version, flags and a syncsafe size). */
export function isId3Header(bytes: Uint8Array): boolean {
  // Versions 2 to 4 only: a text file that starts "ID3 tags" is not a tag.
  return (
    bytes.length >= HEADER_BYTES &&
    fourCC(bytes, 0).startsWith('ID3') &&
    [2, 3, 4].includes(bytes[3]!) &&
    [6, 7, 8, 9].every((i) => bytes[i]! < 0x80)
  );
}

interface Frame {
  id: string;
  /** Where the frame's data starts and ends in the source (after any extra header bytes). */
  start: number;
  end: number;
  unsync: boolean;
}

interface Walk {
  source: ByteSource;
  version: number;
  tag: Id3Tag;
  frames: number;
  maxChapters: number;
}

/** Reads the ID3v2 tag at the start of `file`, or null when there is none (or a version before 2.3). */
export async function readId3Tag(file: ByteSource, maxChapters: number): Promise<Id3Tag | null> {
  const header = await file.read(0, HEADER_BYTES);
  if (!isId3Header(header)) return null;
  const version = header[3]!;
  const flags = header[5]!;
  const size = syncsafe(header, 6);
  const tag: Id3Tag = {
    version,
    title: '',
    artist: '',
    album: '',
    chapters: [],
    tocs: [],
    skippedFrames: 0,
    truncated: false,
    tooManyChapters: false,
  };
  // ID3v2.2 (three-letter frames) predates the chapter addendum; its tags have no chapters.
  if (version < 3 || version > 4) return tag;
  let end = HEADER_BYTES + size;
  if (end > file.size) {
    tag.truncated = true;
    end = file.size;
  }
  let source = file;
  let start = HEADER_BYTES;
  // Whole-tag unsynchronisation: v2.3 applies it to the frames' headers too; v2.4 marks each frame.
  if (flags & 0x80 && version === 3) {
    source = createMemorySource(resynchronise(await file.read(HEADER_BYTES, end - HEADER_BYTES)));
    start = 0;
    end = source.size;
  } else if (end - HEADER_BYTES <= READ_WHOLE_TAG_BYTES) {
    // One read of a few megabytes costs less than dozens of small ones: in Chromium each Blob
    // read is a round trip to the browser process (the bench's 60 chapters with pictures: about
    // 0.9 s as 60 reads of 16 kB, about 0.1 s as one of 6 MB). Larger tags are walked in windows.
    source = createMemorySource(await file.read(HEADER_BYTES, end - HEADER_BYTES));
    start = 0;
    end = source.size;
  }
  if (flags & 0x40) {
    const ext = await source.read(start, 4);
    // v2.3 counts the extended header's size without its own four bytes; v2.4 with them, syncsafe.
    start += version === 3 ? 4 + uint32(ext, 0) : syncsafe(ext, 0);
  }
  const walk: Walk = { source, version, tag, frames: 0, maxChapters };
  await walkFrames(walk, start, end, async (frame) => {
    if (frame.id === 'CHAP') await readChapter(walk, frame);
    else if (frame.id === 'CTOC') await readToc(walk, frame);
    else if (frame.id === 'TIT2') tag.title ||= await readText(walk, frame);
    else if (frame.id === 'TPE1') tag.artist ||= await readText(walk, frame);
    else if (frame.id === 'TALB') tag.album ||= await readText(walk, frame);
    return !tag.tooManyChapters;
  });
  return tag;
}

/** Visits the frames in [start, end) until padding, a frame that is not one, or `visit` says stop. */
async function walkFrames(walk: Walk, start: number, end: number, visit: (frame: Frame) => Promise<boolean>): Promise<void> {
  let at = start;
  while (at + HEADER_BYTES <= end) {
    if (++walk.frames > MAX_FRAMES) return;
    const header = await walk.source.read(at, HEADER_BYTES);
    if (header.length < HEADER_BYTES || header[0] === 0) return;
    const id = fourCC(header, 0);
    if (!/^[A-Z0-9]{4}$/.test(id)) return;
    const size = walk.version === 4 ? syncsafe(header, 4) : uint32(header, 4);
    const frameEnd = at + HEADER_BYTES + size;
    if (frameEnd > end) {
      walk.tag.truncated = true;
      return;
    }
    const format = header[9]!;
    const v4 = walk.version === 4;
    const compressed = v4 ? format & 0x08 : format & 0x80;
    const encrypted = v4 ? format & 0x04 : format & 0x40;
    const grouped = v4 ? format & 0x40 : format & 0x20;
    // Extra bytes before the data: a group id, and v2.4's data length (v2.3 has it only when compressed).
    const extra = (grouped ? 1 : 0) + (v4 && format & 0x01 ? 4 : 0);
    if (compressed || encrypted) walk.tag.skippedFrames++;
    else if (!(await visit({ id, start: at + HEADER_BYTES + extra, end: frameEnd, unsync: v4 && (format & 0x02) !== 0 }))) return;
    at = frameEnd;
  }
}

async function readData(walk: Walk, frame: Frame, limit: number): Promise<Uint8Array> {
  const data = await walk.source.read(frame.start, Math.min(limit, frame.end - frame.start));
  return frame.unsync ? resynchronise(data) : data;
}

const readText = async (walk: Walk, frame: Frame) => readId3TextFrame(await readData(walk, frame, MAX_TEXT_BYTES));

/** A `CHAP` frame: element id, start and end (ms), two byte offsets nobody needs, then sub-frames. */
async function readChapter(walk: Walk, frame: Frame): Promise<void> {
  if (walk.tag.chapters.length >= walk.maxChapters) {
    walk.tag.tooManyChapters = true;
    return;
  }
  let sub: Walk = walk;
  let at = frame.start;
  let end = frame.end;
  if (frame.unsync) {
    if (end - at > MAX_UNSYNC_FRAME_BYTES) return;
    const bytes = resynchronise(await walk.source.read(at, end - at));
    sub = { ...walk, source: createMemorySource(bytes) };
    [at, end] = [0, bytes.length];
  }
  const head = await sub.source.read(at, Math.min(end - at, 256 + 16));
  const idEnd = head.indexOf(0);
  if (idEnd === -1 || idEnd + 17 > head.length) return;
  const chapter: Id3Chapter = {
    elementId: cleanText(decodeId3Text(head.subarray(0, idEnd), 0)),
    start: uint32(head, idEnd + 1),
    end: uint32(head, idEnd + 5),
    title: '',
    description: '',
    url: '',
  };
  await walkFrames(sub, at + idEnd + 17, end, async (child) => {
    if (child.id === 'TIT2') chapter.title ||= await readText(sub, child);
    else if (child.id === 'TIT3') chapter.description ||= await readText(sub, child);
    else if (child.id === 'WXXX') chapter.url ||= readLink(await readData(sub, child, MAX_TEXT_BYTES));
    return true;
  });
  if (sub !== walk) walk.frames = sub.frames;
  walk.tag.chapters.push(chapter);
}

/** `WXXX`: encoding, a description in it, then the URL, always ISO-8859-1. */
function readLink(data: Uint8Array): string {
  const encoding = data[0] ?? 0;
  const descriptionEnd = terminatorAt(data, 1, encoding);
  const urlStart = descriptionEnd + (encoding === 1 || encoding === 2 ? 2 : 1);
  const urlEnd = terminatorAt(data, urlStart, 0);
  return cleanText(decodeId3Text(data.subarray(urlStart, urlEnd), 0));
}

/** A `CTOC` frame: element id, flags (top-level 2, ordered 1), the count and the children's ids. */
async function readToc(walk: Walk, frame: Frame): Promise<void> {
  if (walk.tag.tocs.length >= 1000) return;
  const data = await readData(walk, frame, MAX_TOC_BYTES);
  const idEnd = data.indexOf(0);
  if (idEnd === -1 || idEnd + 3 > data.length) return;
  const flags = data[idEnd + 1]!;
  const count = data[idEnd + 2]!;
  const children: string[] = [];
  let at = idEnd + 3;
  for (let i = 0; i < count && at < data.length; i++) {
    const childEnd = terminatorAt(data, at, 0);
    children.push(cleanText(decodeId3Text(data.subarray(at, childEnd), 0)));
    at = childEnd + 1;
  }
  walk.tag.tocs.push({
    elementId: cleanText(decodeId3Text(data.subarray(0, idEnd), 0)),
    topLevel: (flags & 0x02) !== 0,
    ordered: (flags & 0x01) !== 0,
    children,
  });
}
