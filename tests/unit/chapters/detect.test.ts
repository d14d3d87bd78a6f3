import { describe, expect, it } from 'vitest';
import { detectFormat, parseChapterFile, type ChapterFormat } from '../../../utils/chapters/detect';
import { formatChapterbarJson } from '../../../utils/chapters/formats/chapterbar-json';
import { parseChapterbarText } from '../../../utils/chapters/formats/chapterbar-text';
import { listRealWorld, readOwnFixture, readRealWorld, readSeed } from './formats/shared-files';

const REAL_WORLD_FORMATS: [folder: string, extension: string, format: ChapterFormat][] = [
  ['podcasting20', '.json', 'podcasting20-json'],
  ['podlove', '.xml', 'podlove-xml'],
  ['webvtt', '.vtt', 'webvtt'],
];

const realWorldFiles = REAL_WORLD_FORMATS.flatMap(([folder, extension, format]) =>
  listRealWorld(folder, extension).map((name) => [`${folder}/${name}`, format] as const),
);

describe('detectFormat on every real-world chapter fixture', () => {
  it('covers the fixtures', () => {
    expect(realWorldFiles).toHaveLength(7 + 6 + 2);
  });

  it.each(realWorldFiles)('%s → %s, from content alone and with its name', (file, format) => {
    const text = readRealWorld(file);
    expect(detectFormat(text)).toBe(format);
    expect(detectFormat(text, file.split('/').pop())).toBe(format);
    // A misleading name does not override clear content.
    expect(detectFormat(text, 'chapters.txt')).toBe(format);
  });

  it('every YouTube description case (plain text and HTML) is a timestamp list', () => {
    const plain = JSON.parse(readRealWorld('youtube-descriptions/get_youtube_chapters_cases.json')) as { cases: { input: string }[] };
    const html = JSON.parse(readRealWorld('youtube-descriptions/youtube_dl_description_chapter_cases.json')) as {
      cases: { description_html: string; expected_chapters: unknown[] }[];
    };
    expect(plain.cases.map((c) => detectFormat(c.input))).toEqual(plain.cases.map(() => 'timestamp-list'));
    // The negative case has a time only inside a sentence: no format.
    expect(html.cases.map((c) => detectFormat(c.description_html))).toEqual(
      html.cases.map((c) => (c.expected_chapters.length > 0 ? 'timestamp-list' : null)),
    );
  });

  it('the bundled seed is Chapterbar text', () => {
    expect(detectFormat(readSeed())).toBe('chapterbar-text');
    expect(detectFormat(readSeed(), 'seed.txt')).toBe('chapterbar-text');
  });

  it.each([
    ['youtube-data/GJLlxj_dtq8__ytInitialData.json', 'JSON that is not a chapter file'],
    ['youtube-data/NOTES_youtube_chapter_paths.md', 'notes'],
    ['podcasting20/podcast-namespace__jsonChapters.md', 'the spec text'],
    ['SOURCES.md', 'a table of sources'],
  ])('%s (%s) is no chapter format', (file) => {
    expect(detectFormat(readRealWorld(file), file)).toBeNull();
  });
});

describe('detectFormat on content', () => {
  it.each([
    [formatChapterbarJson([]), 'chapterbar-json'],
    ['{"format":"chapterbar","version":1,"episodes":[', 'chapterbar-json'],
    ['{"version":"1.2.0","chapters":[{"startTime":0,}]}', 'podcasting20-json'],
    ['{"chapters":[]}', 'podcasting20-json'],
    ['\uFEFF  {"episodes":[]}', 'chapterbar-json'],
    ['{"something":"else"}', null],
    ['[1,2,3]', null],
    ['WEBVTT\n\n00:00.000 --> 00:01.000\nA', 'webvtt'],
    ['00:00.000 --> 00:01.000\nA', 'webvtt'],
    ['<?xml version="1.0"?><rss><channel/></rss>', 'podlove-xml'],
    ['<psc:chapters><psc:chapter start="0" title="A"/></psc:chapters>', 'podlove-xml'],
    ['Title\nCHAPTERS\n- 0:00 – 1:00\nIntro', 'chapterbar-text'],
    ['Description\nChapters:\n0:00 Intro\n1:00 More', 'timestamp-list'],
    ['[0:00] Intro\n[1:55] Reaction', 'timestamp-list'],
    ['{0:00} braces are odd but fine', 'timestamp-list'],
    ['[1, 2', 'podcasting20-json'],
    ['no chapters in here, just 12 words', null],
    ['', null],
  ] as const)('%j → %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });

  it('the file name breaks ties and stands in when the content shows nothing', () => {
    const both = 'Title\nCHAPTERS\n- 0:00 – 1:00\nIntro\n\n00:00.000 --> 00:01.000\nA';
    expect(detectFormat(both)).toBe('chapterbar-text');
    expect(detectFormat(both, 'x.vtt')).toBe('webvtt');
    expect(detectFormat('garbage', 'chapters.vtt')).toBe('webvtt');
    expect(detectFormat('garbage', 'feed.xml')).toBe('podlove-xml');
    expect(detectFormat('garbage', 'notes.txt')).toBeNull();
    expect(detectFormat('{broken', 'my.chapterbar.json')).toBe('chapterbar-json');
  });
});

describe('parseChapterFile', () => {
  it('parses the seed into one episode', () => {
    const result = parseChapterFile(readSeed(), { fileName: 'no-priors-ep3-emad-mostaque.txt' });
    expect(result.ok && result.format).toBe('chapterbar-text');
    expect(result.ok && result.episodes.map((e) => [e.show, e.chapters.length])).toEqual([['No Priors', 16]]);
  });

  it('parses a Chapterbar JSON export into all its episodes', () => {
    const one = parseChapterbarText(readSeed());
    const two = parseChapterbarText(readOwnFixture('with-headers.txt'));
    if (!one.ok || !two.ok) throw new Error('fixtures must parse');
    const result = parseChapterFile(formatChapterbarJson([one.episode, two.episode]));
    expect(result).toEqual({ ok: true, format: 'chapterbar-json', episodes: [one.episode, two.episode], warnings: [] });
  });

  it.each(realWorldFiles)('%s parses as %s', (file, format) => {
    const result = parseChapterFile(readRealWorld(file), { fileName: file.split('/').pop() });
    expect(result.format).toBe(format);
    // The one Podlove feed that only links to an external chapter file has nothing to import.
    expect(result.ok).toBe(!file.endsWith('atomsimplechapterexternal.xml'));
  });

  it('passes context through: the duration closes the last chapter', () => {
    const result = parseChapterFile('0:00 Intro\n1:00 Middle\n2:00 End', { duration: 200 });
    expect(result.ok && result.episodes[0]?.chapters.at(-1)?.end).toBe(200);
  });

  it('an unknown format lists the supported ones', () => {
    const result = parseChapterFile('hello world');
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : (result.problems[0]?.message ?? '');
    expect(message).toMatch(/^Chapterbar cannot tell what kind of chapter file this is\. It reads: /);
    for (const name of ['Chapterbar text', 'Chapterbar JSON', 'Podcasting 2.0', 'Podlove', 'WebVTT', 'timestamp lists']) {
      expect(message).toContain(name);
    }
  });

  it('empty and oversized files are refused before detection', () => {
    expect(parseChapterFile('  \n')).toEqual({ ok: false, format: null, problems: [{ line: 1, message: 'the file is empty' }] });
    const huge = parseChapterFile(readSeed().padEnd(6 * 1024 * 1024, ' '));
    expect(huge.ok).toBe(false);
    expect(!huge.ok && huge.problems[0]?.message).toContain('up to 5 MB');
  });
});
