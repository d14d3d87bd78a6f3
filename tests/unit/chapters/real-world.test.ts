import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, parseChapterFile, type ChapterFormat } from '../../../utils/chapters/detect';

/*
 * Real chapter files from public repositories (tests/fixtures/chapters/real-world/SOURCES.md), each
 * imported as a person would and checked for what that person expects to see: times with their
 * fractions, titles without stray digits or "<url>", links kept, the episode's names.
 */

const DIR = path.resolve(process.cwd(), 'tests/fixtures/chapters/real-world');
const read = (file: string) => readFileSync(path.join(DIR, file), 'utf8');

interface Expected {
  format: ChapterFormat | null;
  /** The first chapters, [start, title, url?]. */
  first?: [number, string, string?][];
  count?: number;
  show?: string;
  title?: string;
  /** The whole import is refused with this message (first problem). */
  problem?: string;
}

const CASES: Record<string, Expected> = {
  'mp4chaps/podlove-chapters__decode.chapters.txt': {
    format: 'mp4chaps',
    first: [
      [0, 'Intro'],
      [119, 'Podlove', 'http://podlove.org/'],
    ],
    count: 2,
  },
  'mp4chaps/podlove-chapters__encode.chapters.txt': {
    format: 'mp4chaps',
    first: [
      [0, 'Intro'],
      [119, 'Podlove', 'http://podlove.org/'],
    ],
    count: 2,
  },
  'podlove-json/podlove-chapters__decode.json': {
    format: 'podlove-json',
    first: [
      [0, 'Intro'],
      [119, 'Podlove', 'http://podlove.org/'],
      [599, 'Podlove Logo'],
      [
        2511.792,
        'Erratum: Wir meinen Steve Jackson',
        'https://en.wikipedia.org/wiki/Steve_Jackson_(American_game_designer)#The_two_%22Steve_Jacksons%22',
      ],
    ],
    count: 4,
  },
  'podlove-json/podlove-ui__web-player_chapters.json': {
    format: 'podlove-json',
    first: [
      [0, 'Intro'],
      [42.922, 'Begrüßung'],
      [117.064, 'Vorstellung'],
    ],
    count: 13,
  },
  'podlove-json/podlove-ui__docs_podcast_chapters.json': {
    format: 'podlove-json',
    first: [
      [0, 'Begrüßung'],
      [26.196, 'Simon'],
      [116.397, 'Feedback'],
    ],
  },
  'podlove-json/podlove-ui__player_cypress_chapters.json': {
    format: 'podlove-json',
    first: [
      [0, "I'm a thing"],
      [6, 'Yes! In your face, Gandhi'],
      [8, 'Oh, you’re a dollar naughtier than most'.replace('’', "'"), 'http://link/to/chapter/content'],
    ],
    count: 3,
  },
  'podlove-json/podlove-web-player__cypress_chapters.json': {
    format: 'podlove-json',
    first: [
      [0, "I'm a thing"],
      [8, 'Yes! In your face, Gandhi'],
      [10, "Oh, you're a dollar naughtier than most"],
    ],
    count: 3,
  },
  'podlove-json/podlove-web-player__fg55.json': {
    format: 'podlove-json',
    first: [
      [0, 'Intro'],
      [43.137, 'Begrüßung'],
      [75.911, 'Universitäts-Sternwarte München'],
    ],
    count: 13,
  },
  'podlove-json/podlove-web-player__example_episode.json': {
    format: 'podlove-json',
    show: 'Freak Show',
    title: 'FS207 Berliner Leistungswasser',
    first: [
      [0, 'Intro'],
      [66.093, 'Begrüßung'],
      [325.332, 'Grafikdesign'],
    ],
    count: 20,
  },
  // The spec's own example opens <rss> and closes </feed>; a browser's XML parser refuses it.
  'podlove-xml/podlove-specifications__rss-example.xml': {
    format: 'podlove-xml',
    show: 'Podlove Podcast',
    title: 'Fiat Lux',
    first: [
      [0, 'Welcome'],
      [187, 'Introducing Podlove', 'http://podlove.org/'],
      [506.25, 'Podlove WordPress Plugin', 'http://podlove.org/podlove-podcast-publisher'],
      [762, 'Resumée'],
    ],
    count: 4,
  },
  'podlove-xml/podlove-chapters__decode.psc': {
    format: 'podlove-xml',
    first: [
      [0, 'Intro'],
      [119, 'Podlove', 'http://podlove.org/'],
      [599, 'Podlove Logo'],
      [
        2511.792,
        'Erratum: Wir meinen Steve Jackson',
        'https://en.wikipedia.org/wiki/Steve_Jackson_(American_game_designer)#The_two_%22Steve_Jacksons%22',
      ],
    ],
    count: 4,
  },
  'podlove-xml/podlove-chapters__encode.psc': {
    format: 'podlove-xml',
    first: [
      [0, 'Intro'],
      [119, 'Podlove', 'http://podlove.org/'],
    ],
    count: 4,
  },
  // No blank line between the header and the first cue: the first chapter used to be lost.
  'webvtt/mufastico-19572952__chapters.vtt': {
    format: 'webvtt',
    first: [
      [0, 'Conversando'],
      [2035, 'Ronaldinho'],
      [2250, 'Episódio 1'],
    ],
    count: 9,
  },
  'webvtt/nyumusedlab-bernstein__chapters.vtt': {
    format: 'webvtt',
    first: [
      [0, '1. What is Music All About?'],
      [78.883, 'Rossini - Overture to William Teller'],
    ],
    count: 28,
  },
  'webvtt/assassinave-chapter-bar__chapters.vtt': {
    format: 'webvtt',
    first: [
      [0, 'Intro'],
      [8, 'Stablecoins'],
      [16, 'Card Issuing'],
      [24, 'Wrap-up'],
    ],
    count: 4,
  },
  'webvtt/jwplayer-chapters-example__chapters.vtt': {
    format: 'webvtt',
    first: [
      [0, 'The First Half'],
      [15, 'The Second Half'],
    ],
    count: 2,
  },
  // Show notes: "00:00:00.000 Intro" keeps no "000" in its title, and the post's
  // "date: 2020-07-01 00:00:00" is no chapter.
  'show-notes/flossforscience__ep029-setuptools.markdown': {
    format: 'timestamp-list',
    first: [
      [0, 'Intro'],
      [23, 'Introducing Jason R. Coombs'],
      [88, 'The first programming languages he learned and how he got into Python'],
    ],
    count: 39,
  },
  'show-notes/flossforscience__ep002-composite-materials.markdown': {
    format: null,
    problem: 'no timestamps found: write one chapter per line, like “0:00 Intro”',
  },
};

describe('real chapter files import as a person reading them expects', () => {
  it('every file in the folder has a case, and every case a file', () => {
    const files = readdirSync(DIR, { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(txt|json|xml|psc|vtt|markdown)$/.test(name))
      .map((name) => name.split(path.sep).join('/'))
      .sort();
    expect(files).toEqual(Object.keys(CASES).sort());
  });

  it('SOURCES.md names every file', () => {
    const sources = read('SOURCES.md');
    for (const file of Object.keys(CASES)) expect(sources, file).toContain(`| ${file} |`);
  });

  it.each(Object.entries(CASES))('%s', (file, expected) => {
    const fileName = file.split('/').pop();
    const result = parseChapterFile(read(file), { fileName });
    expect(result.format).toBe(expected.format);
    if (expected.problem) {
      expect(!result.ok && result.problems[0]?.message).toBe(expected.problem);
      return;
    }
    if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
    const episode = result.episodes[0]!;
    const chapters = episode.chapters.map(({ start, title, url }) => (url ? [start, title, url] : [start, title]));
    expect(chapters.slice(0, expected.first?.length)).toEqual(expected.first);
    if (expected.count !== undefined) expect(episode.chapters).toHaveLength(expected.count);
    if (expected.show !== undefined) expect(episode.show).toBe(expected.show);
    if (expected.title !== undefined) expect(episode.title).toBe(expected.title);
    for (const chapter of episode.chapters) {
      expect(chapter.title, 'no <url> left in a title').not.toMatch(/<https?:/);
      expect(chapter.title, 'no stray fraction digits').not.toMatch(/^\d{3}\b/);
    }
    // Detection alone, without the name, agrees.
    expect(detectFormat(read(file))).toBe(expected.format);
  });
});
