import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChapterbarText } from '../../../utils/chapters/formats/chapterbar-text';
import { expectBothOutcomes, fuzz, mutatedSeed, randomText, SEEDS } from './fuzz-kit';
import { chapterbarTextFile } from './generators';

describe('fuzzing the Chapterbar text parser', () => {
  const seeds = SEEDS['chapterbar-text'];

  it('has seed files to mutate', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps its contract on 10,000 mutated, generated and random files', () => {
    const inputs = fc.oneof(
      { weight: 6, arbitrary: mutatedSeed(seeds) },
      { weight: 3, arbitrary: chapterbarTextFile },
      { weight: 1, arbitrary: randomText },
    );
    const stats = fuzz('chapterbar-text', inputs, (text) => parseChapterbarText(text, { fileName: 'fuzz.txt', duration: 2702 }));
    expectBothOutcomes(stats);
  }, 60_000);
});
