import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimestampList } from '../../../utils/chapters/formats/timestamp-list';
import { expectBothOutcomes, fuzz, mutatedSeed, randomText, SEEDS } from './fuzz-kit';
import { timestampListFile } from './generators';

describe('fuzzing the timestamp-list parser', () => {
  const seeds = SEEDS['timestamp-list'];

  it('has real descriptions to mutate', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(10);
  });

  it('keeps its contract on 10,000 mutated, generated and random descriptions', () => {
    const inputs = fc.oneof(
      { weight: 6, arbitrary: mutatedSeed(seeds) },
      { weight: 3, arbitrary: timestampListFile },
      { weight: 1, arbitrary: randomText },
    );
    // Half the calls know the media's length, which adds the "past the end" path.
    const stats = fuzz('timestamp-list', fc.tuple(inputs, fc.option(fc.constantFrom(1800, 0, -5, Number.NaN))), ([text, duration]) =>
      parseTimestampList(text, duration === null ? {} : { duration }),
    );
    expectBothOutcomes(stats);
  }, 60_000);
});
