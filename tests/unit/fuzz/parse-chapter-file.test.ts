import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHAPTER_FORMATS, detectFormat, parseChapterFile } from '../../../utils/chapters/detect';
import { checkParse, expectBothOutcomes, fuzz, FUZZ_SEED, mutatedSeed, newStats, randomText, RUNS_PER_FORMAT, SEEDS } from './fuzz-kit';
import { denseWebvttFile, hugeLineFile, hugeListFile, mp4chapsFile, podloveJsonFile } from './generators-more';
import { chapterbarTextFile, podcasting20File, podloveFile, timestampListFile, webvttFile } from './generators';

/** Megabyte inputs cost about a second each: a few dozen per run (a hundredth of the others' count). */
const HUGE_RUNS = Math.max(20, Math.round(RUNS_PER_FORMAT / 100));
/** 110,000 lines parsed twice (detection, then the parser) on a busy two-core machine. */
const HUGE_INPUT_MS = 15_000;

const FILE_NAMES = [
  'chapters.txt',
  'chapters.json',
  'ep.chapterbar.json',
  'chapters.vtt',
  'feed.xml',
  'ep.psc',
  'feed.rss',
  'notes.md',
  'no-extension',
  '',
  '.json',
  'x.VTT',
  'ep.chapters.txt',
];

describe('fuzzing parseChapterFile (format detection, then the parser it picks)', () => {
  const seeds = Object.values(SEEDS).flat();

  it('keeps its contract on 10,000 files of every format, under any file name', () => {
    const text = fc.oneof(
      { weight: 6, arbitrary: mutatedSeed(seeds) },
      {
        weight: 3,
        arbitrary: fc.oneof(
          chapterbarTextFile,
          podcasting20File,
          podloveFile,
          webvttFile,
          timestampListFile,
          mp4chapsFile,
          podloveJsonFile,
          denseWebvttFile,
        ),
      },
      { weight: 1, arbitrary: randomText },
    );
    const inputs = fc.tuple(fc.constantFrom(...FILE_NAMES), text, fc.constantFrom(2702, undefined, Number.NaN, -1));
    const stats = fuzz('parseChapterFile', inputs, ([fileName, body, duration]) => {
      // Detection alone, outside any guard: a recogniser that throws fails here.
      const format = detectFormat(body, fileName);
      if (format !== null && !CHAPTER_FORMATS.some((candidate) => candidate.id === format)) throw new Error(`unknown format ${format}`);
      return parseChapterFile(body, { fileName, duration });
    });
    expectBothOutcomes(stats);
  }, 180_000);

  it('answers every huge line and huge list, detection included', () => {
    const stats = newStats();
    fc.assert(
      fc.property(fc.oneof(hugeLineFile, hugeListFile), fc.constantFrom(...FILE_NAMES), (body, fileName) => {
        checkParse(
          () => {
            detectFormat(body, fileName);
            return parseChapterFile(body, { fileName });
          },
          body,
          stats,
          HUGE_INPUT_MS,
        );
      }),
      { numRuns: HUGE_RUNS, seed: FUZZ_SEED },
    );
    console.log(`[fuzz] huge lines and lists: ${stats.accepted + stats.rejected} inputs; slowest ${stats.slowestMs.toFixed(0)} ms`);
    expect(stats.accepted + stats.rejected).toBe(HUGE_RUNS);
  }, 600_000);

  it('reads every seed file it is given', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(40);
  });
});
