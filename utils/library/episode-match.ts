import type { Episode } from '../chapters/schema';
import type { EpisodeRef } from '../sites/types';

/**
 * Folds the ways one title is written on different pages into one key: case, accents, curly
 * quotes, punctuation, the " - YouTube" tab suffix and the show's name around the title.
 */
export function normalizeTitle(title: string, show = ''): string {
  const fold = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[\u2018\u2019\u201a\u201b\u2032'`´]/g, '')
      .replace(/&/g, ' and ')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  let key = fold(title.replace(/\s+-\s+YouTube\s*$/i, ''));
  const showKey = fold(show);
  if (showKey && key !== showKey) {
    if (key.startsWith(`${showKey} `)) key = key.slice(showKey.length + 1);
    if (key.endsWith(` ${showKey}`)) key = key.slice(0, -showKey.length - 1);
  }
  return key;
}

/**
 * What matching needs of an episode: the library's index holds only this for imported episodes,
 * whose chapters are read from storage once a page plays one.
 */
export type MatchableEpisode = Pick<Episode, 'id' | 'show' | 'title' | 'altTitles' | 'ids' | 'offsets' | 'duration'>;

/** How far a page's media length may stray from the episode's: editions differ by intros and ads. */
function durationFits(episode: MatchableEpisode, ref: EpisodeRef): boolean {
  if (episode.duration === undefined || ref.duration === undefined || !(ref.duration > 0)) return true;
  const offset = Math.abs(episode.offsets[ref.site] ?? 0);
  const tolerance = Math.max(30, episode.duration * 0.05) + offset;
  return Math.abs(episode.duration - ref.duration) <= tolerance;
}

export interface EpisodeIndex<T extends MatchableEpisode = Episode> {
  byMediaId: Map<string, T>;
  byTitle: Map<string, T[]>;
}

const mediaKey = (site: string, mediaId: string) => `${site}:${mediaId}`;

/**
 * Built once per library change so matching a page is two map look-ups, not a scan. When two
 * episodes claim the same media id or title, the earlier one in `episodes` wins.
 */
export function indexEpisodes<T extends MatchableEpisode>(episodes: readonly T[], links: Readonly<Record<string, string>> = {}): EpisodeIndex<T> {
  const byMediaId = new Map<string, T>();
  const byTitle = new Map<string, T[]>();
  const byId = new Map<string, T>();
  for (const episode of episodes) if (!byId.has(episode.id)) byId.set(episode.id, episode);
  for (const episode of episodes) {
    for (const [site, ids] of Object.entries(episode.ids)) {
      for (const id of ids) if (!byMediaId.has(mediaKey(site, id))) byMediaId.set(mediaKey(site, id), episode);
    }
    for (const title of [episode.title, ...episode.altTitles]) {
      // Indexed with and without the show so a page that names the show elsewhere still matches.
      for (const key of new Set([normalizeTitle(title, episode.show), normalizeTitle(title)])) {
        if (!key) continue;
        const list = byTitle.get(key) ?? [];
        if (!list.includes(episode)) list.push(episode);
        byTitle.set(key, list);
      }
    }
  }
  // A person's explicit link ("use these chapters for this video") beats everything else.
  for (const [key, episodeId] of Object.entries(links)) {
    const episode = byId.get(episodeId);
    if (episode) byMediaId.set(key, episode);
  }
  return { byMediaId, byTitle };
}

export { mediaKey as linkKey };

/** The library episode a page plays: a known media id first, then the title, checked by duration. */
export function matchEpisode<T extends MatchableEpisode>(index: EpisodeIndex<T>, ref: EpisodeRef): T | null {
  if (ref.mediaId) {
    const known = index.byMediaId.get(mediaKey(ref.site, ref.mediaId));
    if (known) return known;
  }
  if (!ref.title) return null;
  const candidates = [
    ...(index.byTitle.get(normalizeTitle(ref.title, ref.show ?? '')) ?? []),
    ...(index.byTitle.get(normalizeTitle(ref.title)) ?? []),
  ];
  return (
    candidates.find((episode) => {
      // A page that names its show must name the episode's show, when the episode has one.
      const showFits = !ref.show || !episode.show || normalizeTitle(ref.show) === normalizeTitle(episode.show);
      return showFits && durationFits(episode, ref);
    }) ?? null
  );
}
