import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
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

  it('keeps its contract on 10,000 files, read with DOMParser (pages)', () => {
    expect(typeof globalThis.DOMParser).toBe('function');
    const stats = fuzz('podlove-xml (DOMParser)', inputs, (text) => parsePodloveXml(text, { fileName: 'fuzz.xml' }));
    expectBothOutcomes(stats);
  }, 60_000);

  it('keeps its contract on 10,000 files, read by the scanner (service workers have no DOMParser)', () => {
    vi.stubGlobal('DOMParser', undefined);
    try {
      const stats = fuzz('podlove-xml (scanner)', inputs, (text) => parsePodloveXml(text, { fileName: 'fuzz.xml' }));
      expectBothOutcomes(stats);
    } finally {
      vi.unstubAllGlobals();
    }
  }, 60_000);
});
