import type { Episode } from '../chapters/schema';
import { indexEpisodes, linkKey, matchEpisode, type EpisodeIndex, type MatchableEpisode } from './episode-match';
import { episodeFacts, type IndexEntry, type ImportSource } from './store';
import type { Links } from './links';
import type { EpisodeSummary, LibraryEntry } from '../messaging/protocol';
import { findSite } from '../sites/registry';
import type { EpisodeRef } from '../sites/types';

/** One episode of the library, as the background knows it without reading its chapters. */
export interface LibraryItem extends MatchableEpisode {
  chapterCount: number;
  origin: 'bundled' | 'imported';
  replacesBundled: boolean;
  importedAt: number | null;
  source: ImportSource | null;
  /** In memory for bundled episodes; imported ones are read from storage when a page plays them. */
  episode: Episode | null;
}

export interface LibraryMatch {
  item: LibraryItem;
  /** Seconds added to the site's media time to reach the episode's timeline. */
  offset: number;
  linked: boolean;
}

/**
 * The episodes Chapterbar knows, indexed for matching. Lives in the background, which is the only
 * place that reads and validates the library, so pages receive ready, trusted episodes.
 */
export interface Library {
  items(): readonly LibraryItem[];
  get(id: string): LibraryItem | undefined;
  match(ref: EpisodeRef): LibraryMatch | null;
  /** The popup's list. */
  summaries(): EpisodeSummary[];
  /** The options page's list. */
  entries(): LibraryEntry[];
}

/** The first site page known for an episode, for "open" links in the popup and options. */
function episodeUrl(episode: Pick<Episode, 'ids'>): string | null {
  for (const [site, ids] of Object.entries(episode.ids)) {
    const adapter = findSite(site);
    if (adapter?.mediaUrl && ids[0]) return adapter.mediaUrl(ids[0]);
  }
  return null;
}

export function bundledItem(episode: Episode): LibraryItem {
  return {
    ...episodeFacts(episode),
    origin: 'bundled',
    replacesBundled: false,
    importedAt: null,
    source: null,
    episode,
  };
}

export function importedItem(entry: IndexEntry, replacesBundled: boolean): LibraryItem {
  const { importedAt, source, ...facts } = entry;
  return {
    ...facts,
    origin: 'imported',
    replacesBundled,
    importedAt,
    source: source ?? null,
    episode: null,
  };
}

export interface LibraryContents {
  bundled?: readonly Episode[];
  imported?: Iterable<IndexEntry>;
  links?: Links;
}

/** Newest first, then by title: the order of the list, and who wins when two imports claim one video. */
const byRecency = (a: IndexEntry, b: IndexEntry) => b.importedAt - a.importedAt || a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1);

/**
 * Imported episodes come first, so that when an import and a bundled episode claim the same
 * video or title, the person's import wins; an import with a bundled episode's id replaces it.
 */
export function createLibrary({ bundled = [], imported = [], links = {} }: LibraryContents = {}): Library {
  const bundledIds = new Set(bundled.map((episode) => episode.id));
  const importedItems = [...imported].sort(byRecency).map((entry) => importedItem(entry, bundledIds.has(entry.id)));
  const importedIds = new Set(importedItems.map((item) => item.id));
  const items = [...importedItems, ...bundled.filter((episode) => !importedIds.has(episode.id)).map(bundledItem)];
  const byId = new Map(items.map((item) => [item.id, item]));
  const index: EpisodeIndex<LibraryItem> = indexEpisodes(items, links);
  const linksByEpisode = new Map<string, Array<{ site: string; mediaId: string }>>();
  for (const [key, episodeId] of Object.entries(links)) {
    const separator = key.indexOf(':');
    const list = linksByEpisode.get(episodeId) ?? [];
    list.push({ site: key.slice(0, separator), mediaId: key.slice(separator + 1) });
    linksByEpisode.set(episodeId, list);
  }

  return {
    items: () => items,
    get: (id) => byId.get(id),
    match(ref) {
      const item = matchEpisode(index, ref);
      if (!item) return null;
      const linked = ref.mediaId !== undefined && links[linkKey(ref.site, ref.mediaId)] === item.id;
      return { item, offset: item.offsets[ref.site] ?? 0, linked };
    },
    summaries: () =>
      items.map((item) => ({ id: item.id, show: item.show, title: item.title, chapterCount: item.chapterCount, url: episodeUrl(item) })),
    entries: () =>
      items.map((item) => ({
        id: item.id,
        show: item.show,
        title: item.title,
        altTitles: item.altTitles,
        chapterCount: item.chapterCount,
        duration: item.duration ?? null,
        origin: item.origin,
        replacesBundled: item.replacesBundled,
        importedAt: item.importedAt,
        source: item.source,
        ids: item.ids,
        links: linksByEpisode.get(item.id) ?? [],
        offsets: item.offsets,
        url: episodeUrl(item),
      })),
  };
}
