import { describe, expect, it } from 'vitest';
import { parseChapterFile } from '../../../utils/chapters/detect';
import { parseChapterbarJson } from '../../../utils/chapters/formats/chapterbar-json';
import { parseChapterbarText } from '../../../utils/chapters/formats/chapterbar-text';
import { parsePodcasting20Json } from '../../../utils/chapters/formats/podcasting20-json';
import { parsePodloveXml } from '../../../utils/chapters/formats/podlove-xml';
import { parseTimestampList } from '../../../utils/chapters/formats/timestamp-list';
import { parseWebvtt } from '../../../utils/chapters/formats/webvtt';
import { chapterSchema } from '../../../utils/chapters/schema';

// Inputs the fuzz suite found breaking the parsers' contract, kept so the bugs stay fixed.

describe('found by fuzzing', () => {
  it('a Chapterbar JSON file cannot smuggle a javascript: or data: link past the schema', () => {
    const file = {
      format: 'chapterbar',
      version: 1,
      episodes: [
        {
          title: 'Links',
          chapters: [
            { start: 0, title: 'Script', url: 'javascript:alert(1)' },
            { start: 10, title: 'Data', url: 'data:text/html,<script>alert(1)</script>' },
            { start: 20, title: 'Fine', url: 'https://example.com/notes' },
          ],
        },
      ],
    };
    const result = parseChapterbarJson(JSON.stringify(file));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.episodes[0]!.chapters.map((chapter) => chapter.url)).toEqual([undefined, undefined, 'https://example.com/notes']);
    expect(result.warnings).toEqual([
      { field: 'episodes[0].chapters[0].url', message: 'only http(s) links are kept; this one was dropped' },
      { field: 'episodes[0].chapters[1].url', message: 'only http(s) links are kept; this one was dropped' },
    ]);
    // The schema itself, the gate stored episodes pass too, refuses them.
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd']) {
      expect(chapterSchema.safeParse({ start: 0, title: 'x', url }).success, url).toBe(false);
    }
    expect(chapterSchema.safeParse({ start: 0, title: 'x', url: 'http://example.com/' }).success).toBe(true);
  });

  it('a Chapterbar JSON episode has the same 5000-chapter limit as every other format', () => {
    const chapters = Array.from({ length: 5001 }, (_, i) => ({ start: i, title: `C${i}` }));
    const file = {
      format: 'chapterbar',
      version: 1,
      episodes: [
        { title: 'Too long', chapters },
        { title: 'Fine', chapters: chapters.slice(0, 3) },
      ],
    };
    const result = parseChapterbarJson(JSON.stringify(file));
    expect(result.ok && result.episodes.map((episode) => episode.title)).toEqual(['Fine']);
    expect(result.ok && result.warnings).toEqual([
      {
        field: 'episodes[0].chapters[5000]',
        message: 'this episode was skipped: this episode has 5001 chapters; Chapterbar reads at most 5000',
      },
    ]);
  });

  it('XML a DOM parser refuses (a processing instruction without a name) is read as feed readers read it', () => {
    // happy-dom threw a DOMException here, browsers return a <parsererror>; the scanner reads the chapters.
    const text =
      '<?\nxml version="1.0"?>\n<psc:chapters version="1.2" xmlns:psc="http://podlove.org/simple-chapters">\n<psc:chapter start="0" title="A"/>\n</psc:chapters>';
    const result = parsePodloveXml(text);
    expect(result.ok && result.episode.chapters.map(({ start, title }) => ({ start, title }))).toEqual([{ start: 0, title: 'A' }]);
  });

  it.each([
    ['an empty file', () => parseChapterbarText('\n \n'), { line: 1 }],
    ['no CHAPTERS line', () => parseChapterbarText('Title\nYouTube: C6Zpjij5AF4\n- 0:00\nIntro'), { line: 3 }],
    ['CHAPTERS with nothing after it', () => parseChapterbarText('Title\n\nCHAPTERS\n'), { line: 3 }],
    ['no timestamps', () => parseTimestampList('\n\njust words'), { line: 3 }],
    ['no cues', () => parseWebvtt('WEBVTT\n\nNOTE nothing here\n'), { line: 3 }],
    ['JSON that is not an object', () => parsePodcasting20Json('\n  [1, 2]'), { line: 2 }],
    [
      'only hidden chapters',
      () => parsePodcasting20Json('{"version":"1.2.0","chapters":[{"startTime":0,"toc":false}]}'),
      { field: 'chapters' },
    ],
    ['a Chapterbar JSON file that is a list', () => parseChapterbarJson('[]'), { line: 1 }],
    ['a feed without Podlove chapters', () => parsePodloveXml('<rss><channel><title>x</title></channel></rss>'), { field: 'psc:chapters' }],
    ['a file of no known format', () => parseChapterFile('\nhello there', { fileName: 'notes.txt' }), { line: 2 }],
  ])('a problem about the whole file still names its place: %s', (_name, parse, place) => {
    const result = parse();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatchObject(place);
  });
});
