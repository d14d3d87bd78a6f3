import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePodcasting20Json } from '../../../utils/chapters/formats/podcasting20-json';
import { expectBothOutcomes, fuzz, mutatedJson, mutatedSeed, randomText, SEEDS } from './fuzz-kit';
import { podcasting20File } from './generators';

describe('fuzzing the Podcasting 2.0 JSON parser', () => {
  const seeds = SEEDS['podcasting20-json'];

  it('has seed files to mutate', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(5);
  });

  it('keeps its contract on 10,000 mutated, generated and random files', () => {
    const inputs = fc.oneof(
      { weight: 3, arbitrary: mutatedSeed(seeds) },
      { weight: 3, arbitrary: mutatedJson(seeds) },
      { weight: 3, arbitrary: podcasting20File },
      { weight: 1, arbitrary: randomText },
    );
    const stats = fuzz('podcasting20-json', inputs, (text) => parsePodcasting20Json(text, { fileName: 'fuzz.json', duration: 3600 }));
    expectBothOutcomes(stats);
  }, 60_000);
});
