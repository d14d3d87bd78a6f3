import { loadBundledEpisodes } from './bundled-episodes';
import type { Episode } from './chapters/schema';
import { indexEpisodes, matchEpisode, type EpisodeIndex } from './episode-match';
import type { EpisodeMatch } from './messaging';
import type { EpisodeRef } from './sites/types';

/**
 * The episodes Chapterbar knows, indexed for matching. Lives in the background, which is the only
 * place that reads and validates the library, so pages receive ready, trusted episodes.
 */
export interface Library {
  episodes(): readonly Episode[];
  find(ref: EpisodeRef): EpisodeMatch | null;
}

export function createLibrary(episodes: readonly Episode[] = loadBundledEpisodes()): Library {
  const index: EpisodeIndex = indexEpisodes(episodes);
  return {
    episodes: () => episodes,
    find(ref) {
      const episode = matchEpisode(index, ref);
      return episode ? { episode, offset: episode.offsets[ref.site] ?? 0 } : null;
    },
  };
}
