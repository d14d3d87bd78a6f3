import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEmbeddedChapterFile, readEmbeddedChapters, type EmbeddedChaptersResult } from '../../../utils/chapters/embedded';
import { createBlobSource } from '../../../utils/chapters/embedded/byte-source';
import { readId3Tag } from '../../../utils/chapters/embedded/id3';
import { chapFrame, concat, ctocFrame, id3Frame, id3Tag, linkFrame, mp4File, textFrame } from './builders';

const fixture = (name: string) => new Blob([readFileSync(resolve(process.cwd(), 'tests/fixtures/audio', name))]);
const blob = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]);
/** An MPEG audio frame header's first bytes, standing in for the audio after the tag. */
const AUDIO = Uint8Array.of(0xff, 0xfb, 0x90, 0x64, ...new Uint8Array(60));

function episode(result: EmbeddedChaptersResult) {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
  expect(result.episodes).toHaveLength(1);
  return result.episodes[0]!;
}
const rows = (result: EmbeddedChaptersResult) => episode(result).chapters.map((c) => [c.start, c.end, c.title]);
const problems = (result: EmbeddedChaptersResult) => (result.ok ? [] : result.problems.map((p) => p.message));

describe('MP3 ID3 chapters', () => {
  const podcast = (version: 3 | 4) =>
    concat(
      id3Tag(
        [
          textFrame('TIT2', 'Unrelated talk', version),
          textFrame('TALB', 'Conference Talks', version),
          textFrame('TPE1', 'A. Speaker', version),
          ctocFrame('toc', 0x03, ['ch0', 'ch1', 'ch2'], version),
          chapFrame('ch0', 0, 61_500, [textFrame('TIT2', 'Welcome', version)], version),
          chapFrame(
            'ch1',
            61_500,
            150_000,
            [textFrame('TIT2', 'The talk', version), linkFrame('https://example.com/slides', version)],
            version,
          ),
          chapFrame('ch2', 150_000, 300_000, [textFrame('TIT2', 'Questions', version)], version),
        ],
        { version, padding: 512 },
      ),
      AUDIO,
    );

  it.each([3, 4] as const)('reads CHAP frames, their titles and links, and the episode title and show (ID3v2.%i)', async (version) => {
    const result = await readEmbeddedChapters(blob(podcast(version)), 'talk.mp3');
    expect(result.ok && result.format).toBe('id3-chapters');
    const read = episode(result);
    expect([read.title, read.show]).toEqual(['Unrelated talk', 'Conference Talks']);
    expect(rows(result)).toEqual([
      [0, 61.5, 'Welcome'],
      [61.5, 150, 'The talk'],
      [150, 300, 'Questions'],
    ]);
    expect(read.chapters[1]!.url).toBe('https://example.com/slides');
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('follows the ordered top-level table of contents, nested tables included', async () => {
    const tag = id3Tag([
      ctocFrame('top', 0x03, ['part1', 'c3']),
      ctocFrame('part1', 0x01, ['c1', 'c2']),
      chapFrame('c3', 20_000, 30_000, [textFrame('TIT2', 'Third')]),
      chapFrame('c2', 10_000, 20_000, [textFrame('TIT2', 'Second')]),
      chapFrame('c1', 0, 10_000, [textFrame('TIT2', 'First')]),
    ]);
    expect(rows(await readEmbeddedChapters(blob(tag), 'x.mp3')).map((row) => row[2])).toEqual(['First', 'Second', 'Third']);
  });

  it('orders by start time without a table of contents, and names untitled chapters with a warning', async () => {
    const tag = id3Tag([chapFrame('b', 5_000, 0xffffffff, []), chapFrame('a', 0, 5_000, [textFrame('TIT2', 'Intro')])]);
    const result = await readEmbeddedChapters(blob(tag), 'no-title.mp3');
    expect(rows(result)).toEqual([
      [0, 5, 'Intro'],
      [5, undefined, 'Chapter 2'],
    ]);
    expect(result.ok && result.warnings).toEqual([{ field: 'CHAP b', message: 'this chapter has no title; it is called “Chapter 2”' }]);
    // No TIT2 in the tag: the file's name is the title, as for text formats.
    expect(episode(result).title).toBe('no-title');
  });

  it('reads a tag unsynchronised as a whole (v2.3) and one with an extended header', async () => {
    // FF bytes in the chapter's start time are written FF 00 by unsynchronisation.
    const plain = id3Tag([textFrame('TIT2', 'Synced', 3), chapFrame('c', 0xff00, 0x1ff00, [textFrame('TIT2', 'Ÿ', 3)], 3)], { version: 3 });
    const body = plain.subarray(10);
    const unsynced: number[] = [];
    for (const byte of body) {
      unsynced.push(byte);
      if (byte === 0xff) unsynced.push(0);
    }
    const tag = concat(
      plain.subarray(0, 5),
      Uint8Array.of(0x80),
      id3Tag([], { declaredSize: unsynced.length }).subarray(6, 10),
      Uint8Array.from(unsynced),
    );
    expect(rows(await readEmbeddedChapters(blob(tag), 'u.mp3'))).toEqual([[0xff00 / 1000, 0x1ff00 / 1000, 'Ÿ']]);

    const extended = id3Tag([textFrame('TIT2', 'Extended'), chapFrame('c', 0, 1000, [textFrame('TIT2', 'One')])], {
      flags: 0x40,
      extendedHeader: Uint8Array.of(0, 0, 0, 6, 1, 0),
    });
    const read = episode(await readEmbeddedChapters(blob(extended), 'e.mp3'));
    expect([read.title, read.chapters[0]!.title]).toEqual(['Extended', 'One']);
  });

  it('reads a frame unsynchronised on its own (v2.4) and skips pictures without reading them', async () => {
    const chap = chapFrame('c', 0, 0xff00, [textFrame('TIT2', 'Unsynced')]);
    const data = chap.subarray(10);
    const unsynced: number[] = [];
    for (const byte of data) {
      unsynced.push(byte);
      if (byte === 0xff) unsynced.push(0);
    }
    // Past 8 MB a tag is walked frame by frame rather than read in one go.
    const picture = id3Frame('APIC', new Uint8Array(9 * 1024 * 1024));
    const tag = id3Tag([picture, id3Frame('CHAP', Uint8Array.from(unsynced), 4, 0x02)]);
    const file = blob(concat(tag, AUDIO));
    let bytesRead = 0;
    const slice = file.slice.bind(file);
    file.slice = (...args: Parameters<Blob['slice']>) => {
      const part = slice(...args);
      bytesRead += part.size;
      return part;
    };
    expect(rows(await readEmbeddedChapters(file, 'p.mp3'))).toEqual([[0, 0xff00 / 1000, 'Unsynced']]);
    expect(bytesRead).toBeLessThan(1024 * 1024);
    // A smaller tag is one read of the whole tag, and nothing after it.
    bytesRead = 0;
    const small = blob(
      concat(
        id3Tag([id3Frame('APIC', new Uint8Array(100_000)), id3Frame('CHAP', Uint8Array.from(unsynced), 4, 0x02)]),
        new Uint8Array(1_000_000),
      ),
    );
    const smallSlice = small.slice.bind(small);
    small.slice = (...args: Parameters<Blob['slice']>) => {
      const part = smallSlice(...args);
      bytesRead += part.size;
      return part;
    };
    expect(rows(await readEmbeddedChapters(small, 'p.mp3'))).toEqual([[0, 0xff00 / 1000, 'Unsynced']]);
    expect(bytesRead).toBeLessThan(200_000);
  });

  it('drops links that are not http(s), with a warning', async () => {
    const tag = id3Tag([chapFrame('c', 0, 1000, [textFrame('TIT2', 'One'), linkFrame('javascript:alert(1)')])]);
    const result = await readEmbeddedChapters(blob(tag), 'j.mp3');
    expect(episode(result).chapters[0]!.url).toBeUndefined();
    expect(result.ok && result.warnings.map((w) => w.field)).toEqual(['CHAP c']);
  });

  it('says when a file has no chapters, or no tag at all', async () => {
    expect(problems(await readEmbeddedChapters(blob(concat(id3Tag([textFrame('TIT2', 'Just music')]), AUDIO)), 'song.mp3'))).toEqual([
      'this file has no chapters: its ID3 tag has no chapter frames (CHAP)',
    ]);
    expect(problems(await readEmbeddedChapters(blob(AUDIO), 'bare.mp3'))).toEqual([
      'this file has no chapters: it has no ID3 tag, where MP3 files keep them',
    ]);
  });

  it('reads real files: music-metadata’s chapters.mp3 (v2.3, UTF-16, WXXX) and mutagen’s tags', async () => {
    const result = await readEmbeddedChapters(fixture('music-metadata-chapters.mp3'), 'chapters.mp3');
    const read = episode(result);
    expect(read.chapters.map((c) => [c.start, c.end, c.title])).toEqual([
      [0, 1, 'Introduction'],
      [1, 2, 'New chapter'],
      [2, 2.025, 'Chapter 1'],
    ]);
    expect(read.chapters[0]!.url).toBe('https://github.com/Borewit/music-metadata');
    // mutagen's tags have no chapters, and say so; their frames read right through the extended
    // header and the whole-tag unsynchronisation.
    expect(problems(await readEmbeddedChapters(fixture('mutagen-id3v24-extended-header.id3'), 'x.mp3'))).toEqual([
      'this file has no chapters: its ID3 tag has no chapter frames (CHAP)',
    ]);
    const names = async (file: string) => {
      const tag = await readId3Tag(createBlobSource(fixture(file)), 10);
      return [tag?.version, tag?.title, tag?.artist, tag?.album];
    };
    expect(await names('mutagen-id3v24-extended-header.id3')).toEqual([4, 'One Second of Silence', 'Snild Dolkow', 'Mutagen Bug Reports']);
    expect(await names('mutagen-id3v23-unsynch.id3')).toEqual([3, 'My babe just cares for me', 'Nina Simone', '100% Jazz']);
  });
});

describe('M4A chapters', () => {
  const chapters = [
    { start: 0, title: 'Cold open' },
    { start: 42.5, title: 'Interview' },
    { start: 250, title: 'Credits' },
  ];
  const meta = { title: 'Some other video', artist: 'Host', album: 'Fixture Channel' };

  it.each([true, false])('reads the chapter track with moov first: %s', async (moovFirst) => {
    const file = mp4File({ chapters, moovFirst, meta, nero: false, mediaBytes: 4096 });
    const result = await readEmbeddedChapters(blob(file), 'ep.m4a');
    expect(result.ok && result.format).toBe('mp4-chapters');
    const read = episode(result);
    expect([read.title, read.show, read.duration]).toEqual(['Some other video', 'Fixture Channel', 300]);
    expect(rows(result)).toEqual([
      [0, undefined, 'Cold open'],
      [42.5, undefined, 'Interview'],
      [250, 300, 'Credits'],
    ]);
  });

  it('falls back to Nero chpl when there is no chapter track', async () => {
    const file = mp4File({ chapters, track: false, moovFirst: false });
    expect(rows(await readEmbeddedChapters(blob(file), 'Nero Episode.m4b'))).toEqual([
      [0, undefined, 'Cold open'],
      [42.5, undefined, 'Interview'],
      [250, 300, 'Credits'],
    ]);
  });

  it('says when there are no chapters, and when moov is missing or cut short', async () => {
    expect(problems(await readEmbeddedChapters(blob(mp4File({ chapters, track: false, nero: false })), 'x.m4a'))).toEqual([
      'this file has no chapters: it has neither a chapter track nor a Nero chapter list (chpl)',
    ]);
    const moovLast = mp4File({ chapters, moovFirst: false, mediaBytes: 1000 });
    const mdatEnd = 24 + 8 + 1000 + 31; // ftyp, then mdat: its header, the media, three titles with their lengths
    expect(problems(await readEmbeddedChapters(blob(moovLast.subarray(0, mdatEnd - 10)), 'x.m4a'))).toEqual([
      'the box “mdat” at byte 24 has an impossible size (1039 bytes): the file is cut short or broken',
    ]);
    expect(problems(await readEmbeddedChapters(blob(moovLast.subarray(0, mdatEnd)), 'x.m4a'))).toEqual([
      'this file has no chapters: it has no movie box (moov), so it is cut short or not an MP4 file',
    ]);
    expect(problems(await readEmbeddedChapters(blob(moovLast.subarray(0, mdatEnd + 100)), 'x.m4a'))).toEqual([
      'the file ends inside its movie box (moov): it is cut short, and its chapters cannot be read',
    ]);
  });

  it('reads real files: mutagen’s nero-chapters.m4b (112 chpl chapters) and music-metadata’s issue-2672.m4b (moov last, chapter track)', async () => {
    const nero = episode(await readEmbeddedChapters(fixture('mutagen-nero-chapters.m4b'), 'nero-chapters.m4b'));
    expect(nero.chapters).toHaveLength(112);
    expect(nero.chapters.map((c) => c.title)).toEqual(Array.from({ length: 112 }, (_, i) => String(i + 1).padStart(3, '0')));
    const track = await readEmbeddedChapters(fixture('music-metadata-issue-2672.m4b'), 'issue-2672.m4b');
    expect(rows(track)[0]).toEqual([0, expect.any(Number), 'Chapter 1']);
  });
});

describe('isEmbeddedChapterFile', () => {
  it('knows audio by its first bytes or its extension, and text by neither', () => {
    expect(isEmbeddedChapterFile('a.bin', id3Tag([]).subarray(0, 12))).toBe(true);
    expect(isEmbeddedChapterFile('a.bin', mp4File({ chapters: [] }).subarray(0, 12))).toBe(true);
    expect(isEmbeddedChapterFile('episode.MP3', new Uint8Array(0))).toBe(true);
    expect(isEmbeddedChapterFile('episode.m4b', new Uint8Array(0))).toBe(true);
    expect(isEmbeddedChapterFile('chapters.txt', new TextEncoder().encode('0:00 Intro\n'))).toBe(false);
    expect(isEmbeddedChapterFile('chapters.json', new TextEncoder().encode('{"version":"1.2.0"'))).toBe(false);
    expect(isEmbeddedChapterFile('notes.txt', new TextEncoder().encode('ID3 tags and chapters\n'))).toBe(false);
    expect(isEmbeddedChapterFile('notes.txt', new TextEncoder().encode('1:00ftyp of a talk'))).toBe(false);
  });
});
