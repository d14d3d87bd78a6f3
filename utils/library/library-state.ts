import { storage } from 'wxt/utils/storage';
import type { Episode } from '../chapters/schema';
import { t } from '../i18n';
import { createLibrary, type Library, type LibraryItem } from './library';
import { LIBRARY_REVISION_KEY, libraryRevisionItem, nextRevision } from '../storage/library-revision';
import {
  allShardWrites,
  commitChange,
  episodeKey,
  loadEpisodeRecords,
  readIndex,
  scanEpisodeRecords,
  shardWrites,
  summarize,
  type DamagedValue,
  type EpisodeRecord,
  type IndexEntry,
  type StorageChange,
} from './store';
import { linksItem, readLinks, type Links } from './links';
import { findUnreadablePreferences, preferencesItem, readPreferences } from '../storage/preferences';
import { addToQuarantine, QUARANTINE_KEY, type NewSetAside } from './quarantine';

/**
 * The library as the background holds it, and the one way to change it. Loading repairs what it
 * can (a damaged index is rebuilt from the episodes; unreadable links, settings and records are set
 * aside, never deleted); every change is one storage write that happens completely or not at all.
 *
 * Changes run one after another. The state promise is replaced synchronously when a change starts,
 * so a content script that asks for its episode while a change is being written gets the new library.
 */

export interface State {
  library: Library;
  entries: ReadonlyMap<string, IndexEntry>;
  links: Links;
  revision: number;
}

export interface LibraryBooks {
  /** The library as of the last change started. */
  current(): Promise<State>;
  /** Runs a change after the ones before it; a change that throws leaves the state as it was. */
  mutate<T>(operation: (current: State) => Promise<{ next: State; result: T }>): Promise<T>;
  /** Writes a change to the library and returns the state it leads to. */
  write(
    current: State,
    change: StorageChange,
    entries: ReadonlyMap<string, IndexEntry>,
    links: Links,
    setAside?: readonly NewSetAside[],
  ): Promise<State>;
  build(entries: ReadonlyMap<string, IndexEntry>, links: Links, revision: number): State;
  setAsideEpisodes(current: State, damaged: readonly DamagedValue[], missingIds: readonly string[]): Promise<State>;
  readEpisodes(
    items: readonly LibraryItem[],
  ): Promise<{ episodes: Map<string, Episode>; damaged: DamagedValue[]; missing: string[]; upgraded: EpisodeRecord[] }>;
  tidyAfterRead(damaged: DamagedValue[], missing: string[], upgraded: EpisodeRecord[]): Promise<void>;
  /** Stops watching storage (tests). */
  close(): void;
}

export function createLibraryBooks({ bundled }: { bundled: readonly Episode[] }): LibraryBooks {
  /** Revisions this service wrote, so that its own writes are not mistaken for another writer's. */
  const ownRevisions = new Set<number>();
  let state: Promise<State> = load();

  function build(entries: ReadonlyMap<string, IndexEntry>, links: Links, revision: number): State {
    return { library: createLibrary({ bundled, imported: entries.values(), links }), entries, links, revision };
  }

  /** The storage change that also moves bad values to the quarantine and bumps the revision. */
  async function withBookkeeping(
    change: StorageChange,
    setAside: readonly NewSetAside[],
    current: State,
  ): Promise<{ change: StorageChange; revision: number }> {
    const revision = nextRevision(current.revision);
    ownRevisions.add(revision);
    const set: Record<string, unknown> = { ...change.set, [LIBRARY_REVISION_KEY]: revision };
    if (setAside.length > 0) set[QUARANTINE_KEY] = addToQuarantine(await storage.getItem(QUARANTINE_KEY), setAside);
    return { change: { set, remove: change.remove }, revision };
  }

  async function load(): Promise<State> {
    const [index, rawLinks, rawRevision, rawPreferences] = await Promise.all([
      readIndex(),
      linksItem.getValue(),
      libraryRevisionItem.getValue(),
      preferencesItem.getValue(),
    ]);
    const revision = typeof rawRevision === 'number' ? rawRevision : 0;
    const links = readLinks(rawLinks);
    const setAside: NewSetAside[] = [];
    const set: Record<string, unknown> = {};
    const remove: string[] = [];
    let entries = index.entries;

    if (index.damaged.length > 0) {
      // The index is derived from the episodes: keep the damaged copy aside and rebuild it.
      for (const damage of index.damaged) setAside.push(copied(damage, t('indexRebuilt')));
      const scan = await scanEpisodeRecords();
      entries = new Map(scan.records.map((record) => [record.episode.id, summarize(record)]));
      Object.assign(set, allShardWrites(entries));
      for (const damage of scan.damaged) {
        setAside.push(moved(damage));
        remove.push(damage.key);
      }
    }
    if (rawLinks !== null && JSON.stringify(rawLinks) !== JSON.stringify(links)) {
      setAside.push({
        key: linksItem.key,
        label: t('setAsideLinksLabel'),
        reason: t('setAsideLinksReason'),
        action: 'copied',
        value: rawLinks,
      });
      set[linksItem.key] = links;
    }
    const unreadable = findUnreadablePreferences(rawPreferences);
    if (unreadable.length > 0) {
      setAside.push({
        key: preferencesItem.key,
        label: t('setAsideSettingsLabel'),
        reason:
          unreadable.length === 1
            ? t('setAsideSettingsReasonOne', unreadable[0]!)
            : t('setAsideSettingsReasonMany', unreadable.join(t('listSeparator'))),
        action: 'copied',
        value: rawPreferences,
      });
      set[preferencesItem.key] = readPreferences(rawPreferences);
    }

    const current = build(entries, links, revision);
    if (setAside.length === 0 && Object.keys(set).length === 0) return current;
    const { change, revision: written } = await withBookkeeping({ set, remove }, setAside, current);
    try {
      await commitChange(change);
      return build(entries, links, written);
    } catch (error) {
      // The library still works from memory; the repair is tried again at the next start.
      console.warn('[Chapterbar] could not save the repaired library', error);
      return current;
    }
  }

  /** Runs a change after the ones before it; a change that throws leaves the state as it was. */
  function mutate<T>(operation: (current: State) => Promise<{ next: State; result: T }>): Promise<T> {
    const previous = state;
    const run = previous.then(operation);
    state = run.then(
      ({ next }) => next,
      () => previous,
    );
    return run.then(({ result }) => result);
  }

  /** Writes a change to the library and returns the state it leads to. */
  async function write(
    current: State,
    change: StorageChange,
    entries: ReadonlyMap<string, IndexEntry>,
    links: Links,
    setAside: readonly NewSetAside[] = [],
  ): Promise<State> {
    const { change: full, revision } = await withBookkeeping(change, setAside, current);
    await commitChange(full);
    return build(entries, links, revision);
  }

  /** Moves bad episode records to the quarantine and drops them from the index. */
  async function setAsideEpisodes(current: State, damaged: readonly DamagedValue[], missingIds: readonly string[]): Promise<State> {
    if (damaged.length === 0 && missingIds.length === 0) return current;
    const entries = new Map(current.entries);
    const ids: string[] = [];
    const notes: NewSetAside[] = damaged.map(moved);
    for (const damage of damaged) {
      const id = damage.key.slice(episodeKey('').length);
      entries.delete(id);
      ids.push(id);
    }
    for (const id of missingIds) {
      const entry = entries.get(id);
      entries.delete(id);
      ids.push(id);
      notes.push({
        key: episodeKey(id),
        label: entry?.title ?? id,
        reason: t('setAsideMissingReason'),
        action: 'missing',
        value: entry ?? null,
      });
    }
    return write(current, { set: shardWrites(entries, ids), remove: damaged.map((damage) => damage.key) }, entries, current.links, notes);
  }

  /** Full episodes by id: bundled from memory, imported from storage; bad records are set aside. */
  async function readEpisodes(
    items: readonly LibraryItem[],
  ): Promise<{ episodes: Map<string, Episode>; damaged: DamagedValue[]; missing: string[]; upgraded: EpisodeRecord[] }> {
    const episodes = new Map<string, Episode>();
    const imported = items.filter((item) => !item.episode);
    for (const item of items) if (item.episode) episodes.set(item.id, item.episode);
    const labels = new Map(imported.map((item) => [item.id, item.title]));
    const reads = await loadEpisodeRecords(
      imported.map((item) => item.id),
      labels,
    );
    const damaged: DamagedValue[] = [];
    const missing: string[] = [];
    const upgraded: EpisodeRecord[] = [];
    for (const [id, read] of reads) {
      if (read.kind === 'ok') {
        episodes.set(id, read.record.episode);
        if (read.upgraded) upgraded.push(read.record);
      } else if (read.kind === 'damaged') damaged.push(read.damage);
      else missing.push(id);
    }
    return { episodes, damaged, missing, upgraded };
  }

  /** After reading: quarantine what was bad, write back what a migration upgraded. */
  function tidyAfterRead(damaged: DamagedValue[], missing: string[], upgraded: EpisodeRecord[]): Promise<void> {
    if (damaged.length === 0 && missing.length === 0 && upgraded.length === 0) return Promise.resolve();
    return mutate(async (current) => {
      let next = await setAsideEpisodes(current, damaged, missing);
      if (upgraded.length > 0) {
        const set = Object.fromEntries(upgraded.map((record) => [episodeKey(record.episode.id), record]));
        next = await write(next, { set, remove: [] }, next.entries, next.links);
      }
      return { next, result: undefined };
    }).catch((error: unknown) => console.warn('[Chapterbar] could not tidy the library', error));
  }

  // Changes written by something else (another copy of the background after an update, a
  // developer's console) are read again; the service's own writes are already in memory.
  const unwatchRevision = libraryRevisionItem.watch((value) => {
    if (ownRevisions.delete(value)) return;
    state = state.then(load, load);
  });
  // Links written by anything but this service (a developer's console, an older copy of the
  // background during an update): keep matching in step with them.
  const unwatchLinks = linksItem.watch((value) => {
    const links = readLinks(value);
    state = state.then((current) =>
      JSON.stringify(current.links) === JSON.stringify(links) ? current : build(current.entries, links, current.revision),
    );
  });

  return {
    current: () => state,
    mutate,
    write,
    build,
    setAsideEpisodes,
    readEpisodes,
    tidyAfterRead,
    close() {
      unwatchRevision();
      unwatchLinks();
    },
  };
}

export function copied(damage: DamagedValue, consequence: string): NewSetAside {
  return { key: damage.key, label: damage.label, reason: `${damage.reason}; ${consequence}`, action: 'copied', value: damage.value };
}

export function moved(damage: DamagedValue): NewSetAside {
  return { key: damage.key, label: damage.label, reason: damage.reason, action: 'moved', value: damage.value };
}
