import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePodloveXml } from '../../../utils/chapters/formats/podlove-xml';
import { expectBothOutcomes, fuzz, mutatedSeed, randomText, SEEDS } from './fuzz-kit';
import { podloveFile } from './generators';

describe('fuzzing the Podlove Simple Chapters parser', () => {
  const seeds = SEEDS['podlove-xml'];
  const inputs = fc.oneof(
    { weight: 6, arbitrary: mutatedSeed(seeds) },
    { weight: 3, arbitrary: podloveFile },
    { weight: 1, arbitrary: randomText },
  );

  it('has seed files to mutate', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(5);
  });

  it('keeps its contract on 10,000 files', () => {
    const stats = fuzz('podlove-xml', inputs, (text) => parsePodloveXml(text, { fileName: 'fuzz.xml' }));
    expectBothOutcomes(stats);
  }, 60_000);
});
