/**
 * Tiny ID3v2 and MP4 byte builders: chapter-bearing audio files made in the test, so each test
 * shows the bytes it is about (sizes, flags, box order) without a binary fixture.
 */

export const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
export const utf8 = (text: string) => new TextEncoder().encode(text);

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export const u8 = (value: number) => Uint8Array.of(value & 0xff);
export const u16 = (value: number) => Uint8Array.of((value >>> 8) & 0xff, value & 0xff);
export const u32 = (value: number) => Uint8Array.of((value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
export const u64 = (value: number) => concat(u32(Math.floor(value / 2 ** 32)), u32(value >>> 0));
export const syncsafe = (value: number) => Uint8Array.of((value >>> 21) & 0x7f, (value >>> 14) & 0x7f, (value >>> 7) & 0x7f, value & 0x7f);

// ---- ID3v2 ----

export interface Id3Options {
  version?: 3 | 4;
  flags?: number;
  /** Bytes between the header and the frames (an extended header), as written. */
  extendedHeader?: Uint8Array;
  padding?: number;
  /** Overrides the size the header declares. */
  declaredSize?: number;
}

export function id3Tag(frames: Uint8Array[], options: Id3Options = {}): Uint8Array {
  const body = concat(options.extendedHeader ?? new Uint8Array(0), ...frames, new Uint8Array(options.padding ?? 0));
  return concat(
    ascii('ID3'),
    Uint8Array.of(options.version ?? 4, 0, options.flags ?? 0),
    syncsafe(options.declaredSize ?? body.length),
    body,
  );
}

export function id3Frame(id: string, data: Uint8Array, version: 3 | 4 = 4, formatFlags = 0): Uint8Array {
  return concat(ascii(id), version === 4 ? syncsafe(data.length) : u32(data.length), Uint8Array.of(0, formatFlags), data);
}

/** A text frame in UTF-8 (v2.4) or UTF-16 with BOM (v2.3, as most v2.3 writers do). */
export function textFrame(id: string, text: string, version: 3 | 4 = 4): Uint8Array {
  if (version === 3) {
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + i * 2] = text.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = text.charCodeAt(i) >>> 8;
    }
    return id3Frame(id, concat(u8(1), utf16, Uint8Array.of(0, 0)), 3);
  }
  return id3Frame(id, concat(u8(3), utf8(text)), 4);
}

export function linkFrame(url: string, version: 3 | 4 = 4): Uint8Array {
  return id3Frame('WXXX', concat(u8(0), ascii('link'), u8(0), ascii(url)), version);
}

export function chapFrame(elementId: string, startMs: number, endMs: number, subframes: Uint8Array[], version: 3 | 4 = 4): Uint8Array {
  return id3Frame(
    'CHAP',
    concat(ascii(elementId), u8(0), u32(startMs), u32(endMs), u32(0xffffffff), u32(0xffffffff), ...subframes),
    version,
  );
}

export function ctocFrame(elementId: string, flags: number, children: string[], version: 3 | 4 = 4): Uint8Array {
  return id3Frame(
    'CTOC',
    concat(ascii(elementId), u8(0), u8(flags), u8(children.length), ...children.map((id) => concat(ascii(id), u8(0)))),
    version,
  );
}

// ---- MP4 ----

export function box(type: string, ...content: Uint8Array[]): Uint8Array {
  const body = concat(...content);
  return concat(u32(8 + body.length), ascii(type), body);
}

export const fullBox = (type: string, version: number, ...content: Uint8Array[]) => box(type, Uint8Array.of(version, 0, 0, 0), ...content);

export interface Mp4Options {
  /** Seconds. */
  chapters: Array<{ start: number; title: string }>;
  duration?: number;
  nero?: boolean;
  track?: boolean;
  moovFirst?: boolean;
  meta?: { title?: string; artist?: string; album?: string };
  /** Bytes of (zero) media between the header and the chapter samples. */
  mediaBytes?: number;
}

const itunesItem = (type: string, text: string) => box(type, box('data', u32(1), u32(0), utf8(text)));

/**
 * A small M4A: ftyp, moov (mvhd, an audio track naming a text track as its chapters, the text
 * track, udta with chpl and ilst) and mdat with the chapter samples, moov before or after mdat.
 * Returned as three parts, its media zeros given only as a length, so that a 300 MB file can be
 * written sparsely (the bench): the head, `zeros` bytes of media, then the tail.
 */
export function mp4Layout(options: Mp4Options): { head: Uint8Array; zeros: number; tail: Uint8Array } {
  const timescale = 1000;
  const duration = options.duration ?? 300;
  const samples = options.chapters.map((c) => concat(u16(utf8(c.title).length), utf8(c.title)));
  const ftyp = box('ftyp', ascii('M4A '), u32(0), ascii('M4A isom'));
  const build = (mdatOffset: number) => {
    const track = options.track ?? true;
    const audio = box(
      'trak',
      fullBox('tkhd', 0, u32(0), u32(0), u32(1), u32(0), u32(duration * timescale)),
      ...(track ? [box('tref', box('chap', u32(2)))] : []),
    );
    const sampleStart = mdatOffset + 8 + (options.mediaBytes ?? 0);
    const stts = fullBox(
      'stts',
      0,
      u32(options.chapters.length),
      ...options.chapters.map((c, i) =>
        concat(u32(1), u32(Math.round(((options.chapters[i + 1]?.start ?? duration) - c.start) * timescale))),
      ),
    );
    const text = box(
      'trak',
      fullBox('tkhd', 0, u32(0), u32(0), u32(2), u32(0), u32(duration * timescale)),
      box(
        'mdia',
        fullBox('mdhd', 0, u32(0), u32(0), u32(timescale), u32(duration * timescale)),
        fullBox('hdlr', 0, u32(0), ascii('text')),
        box(
          'minf',
          box(
            'stbl',
            stts,
            fullBox('stsc', 0, u32(1), u32(1), u32(samples.length), u32(1)),
            fullBox('stsz', 0, u32(0), u32(samples.length), ...samples.map((s) => u32(s.length))),
            fullBox('stco', 0, u32(1), u32(sampleStart)),
          ),
        ),
      ),
    );
    const chpl = fullBox(
      'chpl',
      1,
      u32(0),
      u8(options.chapters.length),
      ...options.chapters.map((c) => concat(u64(Math.round(c.start * 10_000_000)), u8(utf8(c.title).length), utf8(c.title))),
    );
    const meta = options.meta;
    const ilst = meta
      ? [
          fullBox(
            'meta',
            0,
            fullBox('hdlr', 0, u32(0), ascii('mdirappl')),
            box(
              'ilst',
              ...(meta.title ? [itunesItem('\u00a9nam', meta.title)] : []),
              ...(meta.artist ? [itunesItem('\u00a9ART', meta.artist)] : []),
              ...(meta.album ? [itunesItem('\u00a9alb', meta.album)] : []),
            ),
          ),
        ]
      : [];
    const udta = box('udta', ...((options.nero ?? true) ? [chpl] : []), ...ilst);
    const moov = box(
      'moov',
      fullBox('mvhd', 0, u32(0), u32(0), u32(timescale), u32(duration * timescale)),
      audio,
      ...(track ? [text] : []),
      udta,
    );
    return moov;
  };
  const media = options.mediaBytes ?? 0;
  const sampleBytes = concat(...samples);
  const mdatHeader = concat(u32(8 + media + sampleBytes.length), ascii('mdat'));
  if (options.moovFirst ?? true) {
    const size = build(0).length;
    return { head: concat(ftyp, build(ftyp.length + size), mdatHeader), zeros: media, tail: sampleBytes };
  }
  return { head: concat(ftyp, mdatHeader), zeros: media, tail: concat(sampleBytes, build(ftyp.length)) };
}

/** The whole file in memory (small files for unit tests). */
export function mp4File(options: Mp4Options): Uint8Array {
  const { head, zeros, tail } = mp4Layout(options);
  return concat(head, new Uint8Array(zeros), tail);
}
