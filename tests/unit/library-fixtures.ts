import { episodeSchema, type Episode, type EpisodeInput } from '../../utils/chapters/schema';

/** A valid episode with `chapterCount` chapters, each with a description and bullets as real shows have. */
export function makeEpisode(overrides: Partial<EpisodeInput> = {}, chapterCount = 3): Episode {
  const chapters = Array.from({ length: chapterCount }, (_, i) => ({
    start: i * 240,
    end: (i + 1) * 240,
    title: `Chapter ${i + 1}: a topic worth a title of ordinary length`,
    description: 'The host and the guest talk about how the idea came about, what went wrong the first time, and what changed.',
    bullets: ['A first point the summary keeps', 'A second point, a little longer than the first one'],
  }));
  return episodeSchema.parse({
    id: 'test-show-episode-1',
    show: 'Test Show',
    title: 'Episode 1: Testing things',
    duration: chapterCount * 240,
    chapters,
    ...overrides,
  });
}
