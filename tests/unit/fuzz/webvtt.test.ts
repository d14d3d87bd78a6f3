import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWebvtt } from '../../../utils/chapters/formats/webvtt';
import { expectBothOutcomes, fuzz, mutatedSeed, randomText, SEEDS } from './fuzz-kit';
import { webvttFile } from './generators';
import { denseWebvttFile } from './generators-more';

describe('fuzzing the WebVTT parser', () => {
  const seeds = SEEDS.webvtt;

  it('has seed files to mutate', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps its contract on 10,000 mutated, generated and random files', () => {
    const inputs = fc.oneof(
      { weight: 6, arbitrary: mutatedSeed(seeds) },
      { weight: 2, arbitrary: webvttFile },
      { weight: 1, arbitrary: denseWebvttFile },
      { weight: 1, arbitrary: randomText },
    );
    const stats = fuzz('webvtt', inputs, (text) => parseWebvtt(text, { fileName: 'fuzz.vtt' }));
    expectBothOutcomes(stats);
  }, 60_000);
});
