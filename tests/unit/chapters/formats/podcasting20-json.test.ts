import { describe, expect, it } from 'vitest';
import { parsePodcasting20Json } from '../../../../utils/chapters/formats/podcasting20-json';
import type { Episode, ParseResult } from '../../../../utils/chapters/schema';
import { listRealWorld, readOwnFixture, readRealWorld } from './shared-files';

interface SpecChapter {
  startTime: number;
  title?: string;
  url?: string;
  toc?: boolean;
  endTime?: number;
}

function episodeOf(result: ParseResult): Episode {
  if (!result.ok) throw new Error(`expected ok, got problems: ${JSON.stringify(result.problems)}`);
  return result.episode;
}

describe('real-world Podcasting 2.0 chapter files', () => {
  const files = listRealWorld('podcasting20', '.json');

  it('finds the seven files', () => {
    expect(files).toHaveLength(7);
  });

  it.each(files)('%s', (fileName) => {
    const text = readRealWorld(`podcasting20/${fileName}`);
    const source = JSON.parse(text) as { title?: string; podcastName?: string; chapters: SpecChapter[] };
    const listed = source.chapters.filter((c) => c.toc !== false);

    const result = parsePodcasting20Json(text, { fileName });
    const episode = episodeOf(result);
    expect(episode.chapters.map((c) => c.start)).toEqual(listed.map((c) => c.startTime));
    expect(episode.chapters.map((c) => c.title)).toEqual(listed.map((c, i) => c.title ?? `Chapter ${i + 1}`));
    expect(episode.chapters.map((c) => c.url)).toEqual(listed.map((c) => c.url));
    expect(episode.chapters.every((c) => c.end === undefined)).toBe(true);
    expect(episode.show).toBe(source.podcastName ?? '');
    expect(episode.title).toBe(source.title ?? fileName.replace(/\.json$/, ''));
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('keeps fractional start times and hides toc:false chapters (cd SPILL, Outrun)', () => {
    const episode = episodeOf(parsePodcasting20Json(readRealWorld('podcasting20/cdspill__Outrun_chapters.json')));
    expect(episode.chapters).toHaveLength(34);
    expect(episode.chapters.find((c) => c.title === 'Ulike endings')).toEqual({
      start: 1944.116,
      title: 'Ulike endings',
      url: 'https://www.vgmuseum.com/end/arcade/c/out.htm',
      description: '',
      bullets: [],
    });
    expect(episode.chapters.some((c) => c.title === 'Amiga-port')).toBe(false);
  });

  it('reads title and show of the spec’s complex example, without its silent chapter', () => {
    const episode = episodeOf(parsePodcasting20Json(readRealWorld('podcasting20/podcast-namespace__exampleComplex.json')));
    expect(episode).toMatchObject({
      show: "John's Awesome Podcast",
      title: 'Episode 7 - Making Progress',
      id: 'john-s-awesome-podcast-episode-7-making-progress',
    });
    expect(episode.chapters.map((c) => c.start)).toEqual([0, 168, 260, 410, 3990, 4200, 4600, 5510, 5854, 6089]);
  });
});

describe('parsePodcasting20Json', () => {
  it('drops unsafe links and names untitled chapters, with warnings', () => {
    const result = parsePodcasting20Json(readOwnFixture('untitled-unsafe-hidden.json'), { duration: 60 });
    expect(episodeOf(result)).toMatchObject({
      show: 'Edge Cases FM',
      title: 'Untitled episode',
      chapters: [
        { start: 0.5, title: 'Fractional start' },
        { start: 10.25, title: 'Chapter 2' },
        { start: 30, end: 45.5, title: 'Kept link', url: 'https://example.com/page' },
        { start: 50, end: 60, title: 'Chapter 4' },
      ],
    });
    expect(
      episodeOf(result)
        .chapters.slice(0, 2)
        .every((c) => c.url === undefined),
    ).toBe(true);
    expect(result.ok && result.warnings).toEqual([
      { field: 'chapters[0].url', message: 'only http(s) links are kept; this one was dropped' },
      { field: 'chapters[1].title', message: 'this chapter has no title; it is called “Chapter 2”' },
      { field: 'chapters[1].url', message: 'only http(s) links are kept; this one was dropped' },
      { field: 'chapters[4].title', message: 'this chapter has no title; it is called “Chapter 4”' },
      { message: 'the file names no episode title; it is called “Untitled episode” for now' },
    ]);
  });

  it('a chapter out of order is a problem at its field', () => {
    expect(parsePodcasting20Json(readOwnFixture('unsafe-and-unordered.json'))).toEqual({
      ok: false,
      problems: [{ field: 'chapters[3].startTime', message: 'this chapter starts at 1:30, before the previous one starts at 2:00' }],
    });
  });

  it('field paths point at the file’s own index, counting hidden chapters', () => {
    const text = JSON.stringify({
      version: '1.2.0',
      chapters: [
        { startTime: 0, title: 'A' },
        { startTime: 5, toc: false },
        { startTime: 10, title: 'B', endTime: 8 },
      ],
    });
    expect(parsePodcasting20Json(text)).toEqual({
      ok: false,
      problems: [{ field: 'chapters[2].endTime', message: 'this chapter ends at 0:08, which is not after its start at 0:10' }],
    });
  });

  it('wrong types are problems with field paths', () => {
    const text = JSON.stringify({ version: '1.2.0', chapters: [{ startTime: 0 }, { startTime: '12' }, { startTime: -1, title: 3 }] });
    expect(parsePodcasting20Json(text)).toEqual({
      ok: false,
      problems: [
        { field: 'chapters[1].startTime', message: 'startTime must be a number of seconds, like 94 or 94.5' },
        { field: 'chapters[2].startTime', message: 'times cannot be negative' },
        { field: 'chapters[2].title', message: 'expected string' },
      ],
    });
    expect(parsePodcasting20Json('{"version":"1.2.0"}')).toEqual({
      ok: false,
      problems: [{ field: 'chapters', message: 'expected a "chapters" array' }],
    });
    expect(parsePodcasting20Json('[1, 2]')).toEqual({
      ok: false,
      problems: [{ line: 1, message: 'expected a JSON object with a "chapters" array' }],
    });
  });

  it('invalid JSON gives the line of the error', () => {
    const result = parsePodcasting20Json('{\n  "version": "1.2.0",\n  "chapters": [\n    { "startTime": 0, }\n  ]\n}');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]?.line).toBe(4);
    expect(!result.ok && result.problems[0]?.message).toMatch(/^this is not valid JSON \(.+\)$/);
  });

  it('a missing version is tolerated with a warning; only hidden chapters is a problem', () => {
    const result = parsePodcasting20Json('{"title":"T","chapters":[{"startTime":0,"title":"A"}]}');
    expect(result.ok && result.warnings).toEqual([
      { field: 'version', message: 'the spec requires a version such as "1.2.0"; read as version 1.2' },
    ]);
    expect(parsePodcasting20Json('{"version":"1.2.0","chapters":[{"startTime":0,"toc":false}]}')).toEqual({
      ok: false,
      problems: [{ field: 'chapters', message: 'every chapter is hidden (toc: false); there is nothing to list' }],
    });
    expect(parsePodcasting20Json('{"version":"1.2.0","chapters":[]}')).toEqual({
      ok: false,
      problems: [{ field: 'chapters', message: 'the chapters array is empty' }],
    });
  });
});
