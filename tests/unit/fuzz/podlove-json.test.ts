import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePodloveJson } from '../../../utils/chapters/formats/podlove-json';
import { expectBothOutcomes, fuzz, mutatedJson, mutatedSeed, randomText, SEEDS } from './fuzz-kit';
import { podloveJsonFile } from './generators-more';

describe('fuzzing the Podlove JSON parser', () => {
  const seeds = SEEDS['podlove-json'];

  it('has seed files to mutate', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(5);
  });

  it('keeps its contract on 10,000 mutated, generated and random files', () => {
    const inputs = fc.oneof(
      { weight: 3, arbitrary: mutatedJson(seeds) },
      { weight: 2, arbitrary: mutatedSeed(seeds) },
      { weight: 4, arbitrary: podloveJsonFile },
      { weight: 1, arbitrary: randomText },
    );
    const stats = fuzz('podlove-json', inputs, (text) => parsePodloveJson(text, { fileName: 'fuzz.json' }));
    expectBothOutcomes(stats);
  }, 120_000);
});
