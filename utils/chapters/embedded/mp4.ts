/**
 * Chapters in MP4, M4A and M4B files, in the two ways tools write them (ffmpeg writes both):
 * - the QuickTime chapter track (Apple's; Auphonic, Forecast, GarageBand, ffmpeg): a text track
 *   that another track names in `tref/chap`; each sample is a chapter title, its time in `stts`
 *   and its place in the file from `stsz`, `stsc` and `stco`/`co64`;
 * - Nero's `chpl` list in `moov/udta`: start times in 100 ns units and titles.
 * The chapter track is preferred when both are there (it is what Apple's players show); `chpl`
 * is the fallback. Episode title, artist and album come from iTunes' `©nam`, `©ART`, `©alb`.
 */
import { uint16, uint32, uint64, type ByteSource } from './byte-source';
import { childBoxes, findBox, findMoov, type Box } from './mp4-boxes';
import { cleanText, decodeQuickTimeText, decodeUtf8 } from './text';

/** A real `moov` is kilobytes (a few megabytes for a long audiobook's sample tables). */
export const MAX_MOOV_BYTES = 32 * 1024 * 1024;
/** A chapter title's sample: two bytes of length, the text, maybe an encoding box. */
const MAX_SAMPLE_BYTES = 4096;

export interface Mp4Chapter {
  /** Seconds. */
  start: number;
  title: string;
  /** Where it is in the file, for messages: "chpl[3]", "chapter track, sample 4". */
  place: string;
}

export type Mp4Read =
  | {
      ok: true;
      title: string;
      artist: string;
      album: string;
      duration: number | undefined;
      chapters: Mp4Chapter[];
      kind: 'track' | 'nero' | null;
      tooManyChapters: boolean;
    }
  | { ok: false; reason: 'no-moov' | 'moov-too-large' | 'moov-truncated' | 'too-many-boxes' }
  | { ok: false; reason: 'bad-size'; box: string; offset: number; size: number };

export async function readMp4Chapters(file: ByteSource, maxChapters: number): Promise<Mp4Read> {
  const found = await findMoov(file);
  if (!found.ok) return found;
  const moovBox = found.moov;
  if (!moovBox) return { ok: false, reason: 'no-moov' };
  if (moovBox.end - moovBox.start > MAX_MOOV_BYTES) return { ok: false, reason: 'moov-too-large' };
  const moov = await file.read(moovBox.start, moovBox.end - moovBox.start);
  if (moov.length < moovBox.end - moovBox.start) return { ok: false, reason: 'moov-truncated' };

  const limit = { maxChapters, tooMany: false };
  const track = await readChapterTrack(file, moov, limit);
  const nero = track.length > 0 ? [] : readNero(moov, limit);
  const meta = readItunesMetadata(moov);
  return {
    ok: true,
    ...meta,
    duration: readDuration(moov),
    chapters: track.length > 0 ? track : nero,
    kind: track.length > 0 ? 'track' : nero.length > 0 ? 'nero' : null,
    tooManyChapters: limit.tooMany,
  };
}

interface Limit {
  maxChapters: number;
  tooMany: boolean;
}

/** `mvhd`: the movie's length in its own time scale. */
function readDuration(moov: Uint8Array): number | undefined {
  const mvhd = findBox(moov, 0, moov.length, 'mvhd');
  if (!mvhd) return undefined;
  const v1 = moov[mvhd.start] === 1;
  const timescale = uint32(moov, mvhd.start + (v1 ? 20 : 12));
  const duration = v1 ? uint64(moov, mvhd.start + 24) : uint32(moov, mvhd.start + 16);
  const seconds = timescale > 0 ? duration / timescale : NaN;
  // 0xFFFFFFFF means "unknown"; a fragmented file leaves it 0.
  return Number.isFinite(seconds) && seconds > 0 && duration !== 0xffffffff ? seconds : undefined;
}

/** Nero's `chpl`: version, flags, (v1) four reserved bytes, a one-byte count, then the entries. */
function readNero(moov: Uint8Array, limit: Limit): Mp4Chapter[] {
  const chpl = findBox(moov, 0, moov.length, 'udta', 'chpl');
  if (!chpl) return [];
  let at = chpl.start + 4 + (moov[chpl.start] === 1 ? 4 : 0);
  const count = moov[at++] ?? 0;
  const chapters: Mp4Chapter[] = [];
  for (let i = 0; i < count && at + 9 <= chpl.end; i++) {
    if (chapters.length >= limit.maxChapters) {
      limit.tooMany = true;
      break;
    }
    const start = uint64(moov, at) / 10_000_000;
    const length = moov[at + 8]!;
    const title = cleanText(decodeUtf8(moov.subarray(at + 9, Math.min(chpl.end, at + 9 + length))));
    chapters.push({ start, title, place: `chpl[${i}]` });
    at += 9 + length;
  }
  return chapters;
}

/** `moov/udta/meta/ilst`: iTunes' title, artist and album, each in a `data` box of UTF-8. */
function readItunesMetadata(moov: Uint8Array): { title: string; artist: string; album: string } {
  const meta = findBox(moov, 0, moov.length, 'udta', 'meta');
  const found = { title: '', artist: '', album: '' };
  if (!meta) return found;
  // ISO's `meta` is a full box (four bytes of version and flags); QuickTime's is a plain one.
  const start = childBoxes(moov, meta.start, meta.end)[0]?.type === 'hdlr' ? meta.start : meta.start + 4;
  const ilst = findBox(moov, start, meta.end, 'ilst');
  if (!ilst) return found;
  const keys: Record<string, keyof typeof found> = { '\u00a9nam': 'title', '\u00a9ART': 'artist', '\u00a9alb': 'album' };
  for (const item of childBoxes(moov, ilst.start, ilst.end)) {
    const key = keys[item.type];
    const data = key && findBox(moov, item.start, item.end, 'data');
    // data: version and type (1 is UTF-8), four bytes of locale, then the text.
    if (key && data && uint32(moov, data.start) === 1) found[key] = cleanText(decodeUtf8(moov.subarray(data.start + 8, data.end)));
  }
  return found;
}

interface Track {
  box: Box;
  id: number;
  chapterRefs: number[];
}

/** The text track another track names as its chapters (`tref/chap`), read sample by sample. */
async function readChapterTrack(file: ByteSource, moov: Uint8Array, limit: Limit): Promise<Mp4Chapter[]> {
  const tracks: Track[] = childBoxes(moov, 0, moov.length)
    .filter((box) => box.type === 'trak')
    .map((box) => {
      const tkhd = findBox(moov, box.start, box.end, 'tkhd');
      const chap = findBox(moov, box.start, box.end, 'tref', 'chap');
      const refs: number[] = [];
      if (chap) for (let at = chap.start; at + 4 <= chap.end; at += 4) refs.push(uint32(moov, at));
      const id = tkhd ? uint32(moov, tkhd.start + (moov[tkhd.start] === 1 ? 20 : 12)) : 0;
      return { box, id, chapterRefs: refs };
    });
  const chapterIds = new Set(tracks.flatMap((track) => track.chapterRefs));
  const chapterTrack = tracks.find((track) => track.id !== 0 && chapterIds.has(track.id));
  return chapterTrack ? readTextSamples(file, moov, chapterTrack.box, limit) : [];
}

async function readTextSamples(file: ByteSource, moov: Uint8Array, trak: Box, limit: Limit): Promise<Mp4Chapter[]> {
  const mdia = findBox(moov, trak.start, trak.end, 'mdia');
  const mdhd = mdia && findBox(moov, mdia.start, mdia.end, 'mdhd');
  const stbl = mdia && findBox(moov, mdia.start, mdia.end, 'minf', 'stbl');
  if (!mdhd || !stbl) return [];
  const timescale = uint32(moov, mdhd.start + (moov[mdhd.start] === 1 ? 20 : 12));
  const table = (type: string) => findBox(moov, stbl.start, stbl.end, type);
  const stts = table('stts');
  const stsz = table('stsz');
  const stsc = table('stsc');
  const co64 = table('co64');
  const stco = table('stco') ?? co64;
  if (!(timescale > 0) || !stts || !stsz || !stsc || !stco) return [];

  // Sample count: stsz's, bounded by the limit (one more, to know it was passed).
  const fixedSize = uint32(moov, stsz.start + 4);
  const declared = uint32(moov, stsz.start + 8);
  const sizeCount = fixedSize === 0 ? Math.min(declared, Math.floor((stsz.end - stsz.start - 12) / 4)) : declared;
  const count = Math.min(sizeCount, limit.maxChapters + 1);
  if (sizeCount > limit.maxChapters) limit.tooMany = true;
  const sizeOf = (i: number) => (fixedSize !== 0 ? fixedSize : uint32(moov, stsz.start + 12 + 4 * i));

  const starts = sampleStarts(moov, stts, count);
  const offsets = sampleOffsets(moov, stsc, stco, co64 === stco, count, sizeOf);
  const chapters: Mp4Chapter[] = [];
  for (let i = 0; i < Math.min(count, starts.length, offsets.length, limit.maxChapters); i++) {
    const sample = await file.read(offsets[i]!, Math.min(sizeOf(i), MAX_SAMPLE_BYTES));
    const length = uint16(sample, 0);
    const title = decodeQuickTimeText(sample.subarray(2, 2 + length));
    chapters.push({ start: starts[i]! / timescale, title, place: `chapter track, sample ${i + 1}` });
  }
  return chapters;
}

/** `stts`: runs of (count, duration); each sample starts where the ones before it end. */
function sampleStarts(moov: Uint8Array, stts: Box, count: number): number[] {
  const starts: number[] = [];
  const entries = uint32(moov, stts.start + 4);
  let time = 0;
  for (let e = 0, at = stts.start + 8; e < entries && at + 8 <= stts.end && starts.length < count; e++, at += 8) {
    const run = uint32(moov, at);
    const delta = uint32(moov, at + 4);
    for (let i = 0; i < run && starts.length < count; i++) {
      starts.push(time);
      time += delta;
    }
  }
  return starts;
}

/**
 * Each sample's byte offset: chunks start at `stco`/`co64` offsets, `stsc` says how many samples
 * each run of chunks holds, and samples follow each other within a chunk.
 */
function sampleOffsets(moov: Uint8Array, stsc: Box, stco: Box, wide: boolean, count: number, sizeOf: (i: number) => number): number[] {
  const chunkCount = Math.min(uint32(moov, stco.start + 4), Math.floor((stco.end - stco.start - 8) / (wide ? 8 : 4)));
  const chunkOffset = (c: number) => (wide ? uint64(moov, stco.start + 8 + 8 * c) : uint32(moov, stco.start + 8 + 4 * c));
  const runs: Array<{ firstChunk: number; perChunk: number }> = [];
  const entries = uint32(moov, stsc.start + 4);
  for (let e = 0, at = stsc.start + 8; e < entries && at + 12 <= stsc.end; e++, at += 12) {
    runs.push({ firstChunk: uint32(moov, at) - 1, perChunk: uint32(moov, at + 4) });
  }
  const offsets: number[] = [];
  let run = 0;
  for (let chunk = 0; chunk < chunkCount && offsets.length < count; chunk++) {
    while (run + 1 < runs.length && runs[run + 1]!.firstChunk <= chunk) run++;
    const perChunk = runs[run]?.perChunk ?? 0;
    let offset = chunkOffset(chunk);
    for (let i = 0; i < perChunk && offsets.length < count; i++) {
      offsets.push(offset);
      offset += sizeOf(offsets.length - 1);
    }
  }
  return offsets;
}
