import { loadBundledEpisodes } from './bundled-episodes';
import type { Episode } from './chapters/schema';
import { indexEpisodes, linkKey, matchEpisode, type EpisodeIndex } from './episode-match';
import type { Links } from './links';
import type { EpisodeMatch, EpisodeSummary } from './messaging';
import { findSite } from './sites/registry';
import type { EpisodeRef } from './sites/types';

/**
 * The episodes Chapterbar knows, indexed for matching. Lives in the background, which is the only
 * place that reads and validates the library, so pages receive ready, trusted episodes.
 */
export interface Library {
  episodes(): readonly Episode[];
  find(ref: EpisodeRef): EpisodeMatch | null;
  summaries(): EpisodeSummary[];
}

/** The first site page known for an episode, for "open" links in the popup and options. */
function episodeUrl(episode: Episode): string | null {
  for (const [site, ids] of Object.entries(episode.ids)) {
    const adapter = findSite(site);
    if (adapter?.mediaUrl && ids[0]) return adapter.mediaUrl(ids[0]);
  }
  return null;
}

export function createLibrary(episodes: readonly Episode[] = loadBundledEpisodes(), links: Links = {}): Library {
  const index: EpisodeIndex = indexEpisodes(episodes, links);
  return {
    episodes: () => episodes,
    find(ref) {
      const episode = matchEpisode(index, ref);
      if (!episode) return null;
      const linked = ref.mediaId !== undefined && links[linkKey(ref.site, ref.mediaId)] === episode.id;
      return { episode, offset: episode.offsets[ref.site] ?? 0, linked };
    },
    summaries: () =>
      episodes.map((episode) => ({
        id: episode.id,
        show: episode.show,
        title: episode.title,
        chapterCount: episode.chapters.length,
        url: episodeUrl(episode),
      })),
  };
}
