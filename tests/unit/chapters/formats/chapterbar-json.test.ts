import { describe, expect, it } from 'vitest';
import { formatChapterbarJson, parseChapterbarJson } from '../../../../utils/chapters/formats/chapterbar-json';
import { parseChapterbarText } from '../../../../utils/chapters/formats/chapterbar-text';
import { parsePodcasting20Json } from '../../../../utils/chapters/formats/podcasting20-json';
import type { Episode, ParseResult } from '../../../../utils/chapters/schema';
import { readOwnFixture, readRealWorld, readSeed } from './shared-files';

function episodeOf(result: ParseResult): Episode {
  if (!result.ok) throw new Error(`expected ok, got problems: ${JSON.stringify(result.problems)}`);
  return result.episode;
}

const seed: Episode = {
  ...episodeOf(parseChapterbarText(readSeed())),
  ids: { youtube: ['C6Zpjij5AF4'] },
  altTitles: ['How can we make sure that everyone has access to AI?'],
  duration: 2702,
  offsets: { spotify: -120 },
};
const withLinks = episodeOf(parsePodcasting20Json(readRealWorld('podcasting20/cdspill__Outrun_chapters.json'), { duration: 6000 }));
const withOpenEnds = episodeOf(parseChapterbarText(readOwnFixture('with-headers.txt')));

describe('Chapterbar JSON', () => {
  it('round trips one episode', () => {
    const text = formatChapterbarJson([seed]);
    expect(JSON.parse(text)).toMatchObject({ format: 'chapterbar', version: 1 });
    expect(parseChapterbarJson(text)).toEqual({ ok: true, episodes: [seed], warnings: [] });
  });

  it('round trips several episodes: fractional times, links, open ends', () => {
    const episodes = [seed, withLinks, withOpenEnds];
    const result = parseChapterbarJson(formatChapterbarJson(episodes));
    expect(result).toEqual({ ok: true, episodes, warnings: [] });
    expect(result.ok && result.episodes[1]?.chapters.find((c) => c.url)?.url).toBe('https://www.vgmuseum.com/end/arcade/c/out.htm');
  });

  it('refuses files from a newer Chapterbar with a clear message', () => {
    const text = JSON.stringify({ format: 'chapterbar', version: 3, library: { whatever: true } });
    expect(parseChapterbarJson(text)).toEqual({
      ok: false,
      problems: [{ field: 'version', message: 'made by a newer Chapterbar (version 3); update Chapterbar to import it' }],
    });
  });

  it('refuses files that are not Chapterbar files', () => {
    const result = parseChapterbarJson(JSON.stringify({ version: '1.2.0', chapters: [] }));
    expect(!result.ok && result.problems).toEqual([
      { field: 'format', message: 'not a Chapterbar file: "format" must be "chapterbar"' },
      { field: 'version', message: '"version" must be a whole number' },
      { field: 'episodes', message: '"episodes" must be a list of episodes' },
    ]);
  });

  it('skips an invalid episode with a warning when others are fine', () => {
    const broken = {
      ...seed,
      id: 'broken',
      chapters: [
        { start: 10, title: '  ' },
        { start: 5, title: 'Earlier' },
      ],
    };
    const result = parseChapterbarJson(JSON.stringify({ format: 'chapterbar', version: 1, episodes: [seed, broken] }));
    expect(result.ok && result.episodes).toEqual([seed]);
    expect(result.ok && result.warnings).toEqual([
      { field: 'episodes[1].chapters[0].title', message: 'this episode was skipped: a chapter needs a title' },
      { field: 'episodes[1].chapters[1].start', message: 'this episode was skipped: chapters must be in time order' },
    ]);
  });

  it('refuses a file whose episodes are all invalid, and one with none', () => {
    expect(parseChapterbarJson('{"format":"chapterbar","version":1,"episodes":[{"title":"T","chapters":[]}]}')).toEqual({
      ok: false,
      problems: [{ field: 'episodes[0].chapters', message: 'an episode needs at least one chapter' }],
    });
    expect(parseChapterbarJson('{"format":"chapterbar","version":1,"episodes":[]}')).toEqual({
      ok: false,
      problems: [{ field: 'episodes', message: 'the file holds no episodes' }],
    });
  });

  it('derives a missing id from show and title, and fills defaults', () => {
    const result = parseChapterbarJson(
      '{"format":"chapterbar","version":1,"episodes":[{"show":"S","title":"T","chapters":[{"start":0,"title":"A"}]}]}',
    );
    expect(result).toEqual({
      ok: true,
      warnings: [],
      episodes: [
        {
          id: 's-t',
          show: 'S',
          title: 'T',
          altTitles: [],
          ids: {},
          offsets: {},
          chapters: [{ start: 0, title: 'A', description: '', bullets: [] }],
        },
      ],
    });
  });

  it('invalid JSON gives its line', () => {
    const result = parseChapterbarJson('{\n"format": "chapterbar",\n"version": 1,\n"episodes": [,]\n}');
    expect(!result.ok && result.problems[0]?.line).toBe(4);
  });
});
