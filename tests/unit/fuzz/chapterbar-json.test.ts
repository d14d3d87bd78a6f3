import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatChapterbarJson, parseChapterbarJson } from '../../../utils/chapters/formats/chapterbar-json';
import { parseChapterFile } from '../../../utils/chapters/detect';
import { episodeSchema } from '../../../utils/chapters/schema';
import { expectBothOutcomes, fuzz, hostileTitle, mutatedJson, mutatedSeed, randomText, SEEDS, type Seed } from './fuzz-kit';

/** Exports of every seed file Chapterbar can read: what the export button would write. */
function exportSeeds(): Seed[] {
  const episodes = Object.values(SEEDS)
    .flat()
    .flatMap((seed) => {
      const result = parseChapterFile(seed.text, { fileName: seed.name });
      return result.ok ? result.episodes : [];
    });
  const single = episodes.map((episode, i) => ({ name: `export-${i}.chapterbar.json`, text: formatChapterbarJson([episode]) }));
  return [...single, { name: 'all.chapterbar.json', text: formatChapterbarJson(episodes) }];
}

/** An episode object written by hand or by another tool, with hostile values in every field. */
const handWritten = fc
  .record(
    {
      id: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor', '')),
      show: hostileTitle,
      title: hostileTitle,
      altTitles: fc.array(hostileTitle, { maxLength: 2 }),
      ids: fc.dictionary(fc.constantFrom('youtube', 'spotify', '', '__proto__'), fc.array(fc.string({ maxLength: 12 }), { maxLength: 2 })),
      offsets: fc.dictionary(fc.constantFrom('youtube', 'spotify'), fc.oneof(fc.double(), fc.integer())),
      duration: fc.oneof(fc.double(), fc.nat()),
      chapters: fc.array(
        fc.record(
          {
            start: fc.oneof(fc.nat({ max: 5000 }), fc.double()),
            end: fc.oneof(fc.nat({ max: 5000 }), fc.double()),
            title: hostileTitle,
            description: hostileTitle,
            bullets: fc.array(hostileTitle, { maxLength: 2 }),
            url: fc.constantFrom('https://example.com/', 'javascript:alert(1)', 'data:text/html,x', 'ftp://x', 'nope'),
          },
          { requiredKeys: ['start', 'title'] },
        ),
        { maxLength: 6 },
      ),
    },
    { requiredKeys: ['title', 'chapters'] },
  )
  .map((episode) => JSON.stringify({ format: 'chapterbar', version: 1, episodes: [episode] }));

describe('fuzzing the Chapterbar JSON parser', () => {
  const seeds = exportSeeds();

  it('has exports of the real files to mutate', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(15);
  });

  it('keeps its contract on 10,000 mutated, hand-written and random files', () => {
    const inputs = fc.oneof(
      { weight: 3, arbitrary: mutatedSeed(seeds) },
      { weight: 4, arbitrary: mutatedJson(seeds) },
      { weight: 2, arbitrary: handWritten },
      { weight: 1, arbitrary: randomText },
    );
    const stats = fuzz('chapterbar-json', inputs, (text) => parseChapterbarJson(text));
    expectBothOutcomes(stats);
  }, 60_000);

  it('never keeps a link that is not http(s), whatever the file says', () => {
    fc.assert(
      fc.property(handWritten, (text) => {
        const result = parseChapterbarJson(text);
        if (!result.ok) return;
        for (const episode of result.episodes) {
          expect(episodeSchema.safeParse(episode).success).toBe(true);
          for (const chapter of episode.chapters) if (chapter.url !== undefined) expect(chapter.url).toMatch(/^https?:\/\//);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
