import { describe, expect, it } from 'vitest';
import { parseChapterFile } from '../../../../utils/chapters/detect';
import { chapterEnds } from '../../../../utils/chapters/export/chapter-ends';
import { EXPORT_FORMATS, exportEpisode, type ExportFormat } from '../../../../utils/chapters/export';
import { parseChapterbarText } from '../../../../utils/chapters/formats/chapterbar-text';
import { validateEpisode, type Episode } from '../../../../utils/chapters/schema';
import { readSeed } from '../formats/shared-files';

/*
 * Every export reads back through Chapterbar's own importer (parseChapterFile, which tells the
 * format from the content and the file name an export gets) to the same chapters, as far as the
 * format carries them: Chapterbar's own formats everything, the others starts, titles and what
 * else they have a place for.
 */

function seedEpisode(): Episode {
  const result = parseChapterbarText(readSeed(), { fileName: 'no-priors-ep3-emad-mostaque.txt' });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { ...result.episode, ids: { youtube: ['C6Zpjij5AF4'] }, duration: 2702 };
}

/** Titles that are markup, entities, separators and timestamps in one format or another; fractional starts; links. */
function awkwardEpisode(): Episode {
  const result = validateEpisode({
    id: 'awkward',
    show: 'Show & Tell <live>',
    title: 'Ep. 12: "Quotes", <tags> & --> arrows',
    ids: { youtube: ['dQw4w9WgXcQ'] },
    duration: 4000.5,
    chapters: [
      { start: 0, title: 'Intro & <b>welcome</b>', description: 'Two\nlines', bullets: ['one', 'two'] },
      { start: 12.345, title: 'A --> B "quoted" \'single\'', url: 'https://example.com/a?b=1&c=2' },
      { start: 75.5, title: '3. Numbered title – with a dash' },
      { start: 3600, title: 'Past the hour: 1:00:00 in a title', url: 'https://example.org/' },
      { start: 3725.25, title: 'Ünïcödé ✓ 日本語' },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.episode;
}

/** Imports an export as the options page would; `withMedia` adds what the page knows (the media's title and length). */
function readBack(episode: Episode, format: ExportFormat, withMedia = true): Episode {
  const written = exportEpisode(episode, format);
  const media = withMedia ? { duration: episode.duration, title: episode.title } : {};
  const result = parseChapterFile(written.text, { fileName: `episode.${written.extension}`, ...media });
  if (!result.ok) throw new Error(`${format}: ${JSON.stringify(result.problems)}\n${written.text}`);
  expect(result.episodes).toHaveLength(1);
  return result.episodes[0]!;
}

const starts = (episode: Episode) => episode.chapters.map((chapter) => chapter.start);
const titles = (episode: Episode) => episode.chapters.map((chapter) => chapter.title.replace(/\s+/g, ' ').trim());
const links = (episode: Episode) => episode.chapters.map((chapter) => chapter.url ?? null);

describe.each([
  ['the bundled episode', seedEpisode],
  ['an episode with awkward titles, fractions and links', awkwardEpisode],
])('exports of %s', (_name, make) => {
  const episode = make();

  it('Chapterbar JSON reads back to the same episode, whole', () => {
    expect(readBack(episode, 'chapterbar-json', false)).toEqual(episode);
  });

  it('Chapterbar text reads back to the same episode, whole but for its id (the text format derives it from show and title)', () => {
    expect({ ...readBack(episode, 'chapterbar-text', false), id: episode.id }).toEqual(episode);
  });

  it('Podcasting 2.0 JSON reads back to the same starts, ends, titles, links, show and title', () => {
    const back = readBack(episode, 'podcasting20');
    expect(starts(back)).toEqual(starts(episode));
    expect(titles(back)).toEqual(titles(episode));
    expect(links(back)).toEqual(links(episode));
    expect(back.chapters.map((chapter) => chapter.end)).toEqual(
      episode.chapters.map((chapter, i) => chapter.end ?? (i === episode.chapters.length - 1 ? episode.duration : undefined)),
    );
    expect([back.show, back.title]).toEqual([episode.show, episode.title]);
  });

  it('Podlove Simple Chapters read back to the same starts, titles and links', () => {
    const back = readBack(episode, 'podlove');
    expect(starts(back)).toEqual(starts(episode));
    expect(titles(back)).toEqual(titles(episode));
    expect(links(back)).toEqual(links(episode));
  });

  it('WebVTT chapters read back to the same starts, ends and titles', () => {
    const back = readBack(episode, 'webvtt');
    expect(starts(back)).toEqual(starts(episode));
    expect(titles(back)).toEqual(titles(episode));
    expect(chapterEnds(back)).toEqual(chapterEnds(episode));
  });

  // Needs the mp4chaps importer (fractions, <url> links) from the formats work (issue 14); with
  // main's timestamp-list reading, ".000" is taken for part of the title.
  it('mp4chaps text reads back to the same starts, titles and links', () => {
    const back = readBack(episode, 'mp4chaps');
    expect(starts(back)).toEqual(starts(episode));
    expect(titles(back)).toEqual(titles(episode));
    expect(links(back)).toEqual(links(episode));
  });

  it('the YouTube description block reads back to the same whole-second starts and titles', () => {
    const back = readBack(episode, 'youtube');
    expect(starts(back)).toEqual(starts(episode).map(Math.floor));
    expect(titles(back)).toEqual(titles(episode));
  });
});

describe('the export list', () => {
  it('offers every format the issue names, once, each with a file name ending', () => {
    expect(EXPORT_FORMATS.map((format) => format.id)).toEqual([
      'youtube',
      'podcasting20',
      'podlove',
      'webvtt',
      'mp4chaps',
      'chapterbar-text',
      'chapterbar-json',
    ]);
    for (const format of EXPORT_FORMATS) expect(format.extension).toMatch(/^[a-z0-9.]+$/);
  });

  it('says what a format leaves out', () => {
    const episode = awkwardEpisode();
    expect(exportEpisode(episode, 'webvtt').notes).toContain('descriptions and bullets are not part of this format and are left out');
    expect(exportEpisode(episode, 'chapterbar-json').notes).toEqual([]);
  });

  it('gives a WebVTT cue an end when the media length is unknown, and says so', () => {
    const { duration: _unknown, ...rest } = awkwardEpisode();
    const episode = { ...rest, chapters: rest.chapters.map(({ end: _end, ...chapter }) => chapter) } as Episode;
    const written = exportEpisode(episode, 'webvtt');
    expect(written.text).toContain('01:02:05.250 --> 01:02:06.250');
    expect(written.notes[0]).toBe('chapter 5 has no known end (the media’s length is unknown), so its cue ends a second after it starts');
  });
});
