import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChapterFile } from '../../../utils/chapters/detect';
import { expectBothOutcomes, fuzz, mutatedSeed, randomText, SEEDS } from './fuzz-kit';
import { chapterbarTextFile, podcasting20File, podloveFile, timestampListFile, webvttFile } from './generators';

const FILE_NAMES = ['chapters.txt', 'chapters.json', 'ep.chapterbar.json', 'chapters.vtt', 'feed.xml', 'ep.psc', 'feed.rss', 'notes.md', 'no-extension', '', '.json', 'x.VTT'];

describe('fuzzing parseChapterFile (format detection, then the parser it picks)', () => {
  const seeds = Object.values(SEEDS).flat();

  it('keeps its contract on 10,000 files of every format, under any file name', () => {
    const text = fc.oneof(
      { weight: 6, arbitrary: mutatedSeed(seeds) },
      { weight: 3, arbitrary: fc.oneof(chapterbarTextFile, podcasting20File, podloveFile, webvttFile, timestampListFile) },
      { weight: 1, arbitrary: randomText },
    );
    const inputs = fc.tuple(fc.constantFrom(...FILE_NAMES), text, fc.constantFrom(2702, undefined, Number.NaN, -1));
    const stats = fuzz('parseChapterFile', inputs, ([fileName, body, duration]) => parseChapterFile(body, { fileName, duration }));
    expectBothOutcomes(stats);
  }, 60_000);

  it('reads every seed file it is given', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(40);
  });
});
