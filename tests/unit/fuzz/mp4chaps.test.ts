import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMp4chaps } from '../../../utils/chapters/formats/mp4chaps';
import { expectBothOutcomes, fuzz, mutatedSeed, randomText, SEEDS } from './fuzz-kit';
import { mp4chapsFile } from './generators-more';

describe('fuzzing the mp4chaps parser', () => {
  const seeds = SEEDS.mp4chaps;

  it('has seed files to mutate', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps its contract on 10,000 mutated, generated and random files', () => {
    const inputs = fc.oneof(
      { weight: 4, arbitrary: mutatedSeed(seeds) },
      { weight: 5, arbitrary: mp4chapsFile },
      { weight: 1, arbitrary: randomText },
    );
    const stats = fuzz('mp4chaps', inputs, (text) => parseMp4chaps(text, { fileName: 'fuzz.chapters.txt' }));
    expectBothOutcomes(stats);
  }, 120_000);
});
