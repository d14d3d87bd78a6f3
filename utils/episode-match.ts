import type { Episode } from './chapters/schema';
import type { EpisodeRef } from './sites/types';

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

/** How far a page's media length may stray from the episode's: editions differ by intros and ads. */
function durationFits(episode: Episode, ref: EpisodeRef): boolean {
  if (episode.duration === undefined || ref.duration === undefined || !(ref.duration > 0)) return true;
  const offset = Math.abs(episode.offsets[ref.site] ?? 0);
  const tolerance = Math.max(30, episode.duration * 0.05) + offset;
  return Math.abs(episode.duration - ref.duration) <= tolerance;
}

export interface EpisodeIndex {
  byMediaId: Map<string, Episode>;
  byTitle: Map<string, Episode[]>;
}

const mediaKey = (site: string, mediaId: string) => `${site}:${mediaId}`;

/** Built once per library change so matching a page is two map look-ups, not a scan. */
export function indexEpisodes(episodes: readonly Episode[], links: Readonly<Record<string, string>> = {}): EpisodeIndex {
  const byMediaId = new Map<string, Episode>();
  const byTitle = new Map<string, Episode[]>();
  const byId = new Map(episodes.map((episode) => [episode.id, episode]));
  for (const episode of episodes) {
    for (const [site, ids] of Object.entries(episode.ids)) {
      for (const id of ids) byMediaId.set(mediaKey(site, id), episode);
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
export function matchEpisode(index: EpisodeIndex, ref: EpisodeRef): Episode | null {
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
