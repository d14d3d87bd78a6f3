import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import type { Episode } from '../chapters/schema';
import { fieldPath } from '../chapters/formats/problems';
import { episodeRefSchema } from './episode-ref-schema';
import { t } from '../i18n';
import { createLibrary, type Library, type LibraryItem } from './library';
import { LIBRARY_REVISION_KEY, libraryRevisionItem, nextRevision } from '../storage/library-revision';
import {
  allShardWrites,
  commitChange,
  createRecord,
  episodeKey,
  episodeRecordSchema,
  importSourceSchema,
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
import { readMediaLink } from './media-address';
import { loadOffset, MAX_OFFSET_SECONDS, saveOffset } from '../storage/offsets';
import type { EpisodeMatch, EpisodeSummary, LibraryListing, LibraryResult } from '../messaging/protocol';
import { findUnreadablePreferences, preferencesItem, readPreferences } from '../storage/preferences';
import { addToQuarantine, loadQuarantine, QUARANTINE_KEY, removeFromQuarantine, type NewSetAside } from './quarantine';

/**
 * The background's library: bundled episodes, imported ones (index in memory, chapters in
 * storage) and the person's links. Every request from a page is validated here with zod; every
 * change is one storage write that either happens completely or not at all.
 *
 * Changes run one after another. `state` is replaced synchronously when a change starts, so a
 * content script that asks for its episode while a change is being written gets the new library.
 */

interface State {
  library: Library;
  entries: ReadonlyMap<string, IndexEntry>;
  links: Links;
  revision: number;
}

export interface LibraryService {
  ready: Promise<unknown>;
  findEpisode(data: unknown): Promise<EpisodeMatch | null>;
  saveOffset(data: unknown): Promise<LibraryResult>;
  summaries(): Promise<EpisodeSummary[]>;
  listLibrary(): Promise<LibraryListing>;
  getEpisodes(data: unknown): Promise<{ episodes: Episode[]; problems: string[] }>;
  saveEpisodes(data: unknown): Promise<LibraryResult<{ saved: string[] }>>;
  renameEpisode(data: unknown): Promise<LibraryResult>;
  linkMediaAddress(data: unknown): Promise<LibraryResult<{ site: string; mediaId: string }>>;
  unlinkMedia(data: unknown): Promise<LibraryResult>;
  /** The popup's link and unlink: it reloads its own tab, so no library revision is written. */
  setLink(data: unknown, remove: boolean): Promise<void>;
  deleteEpisodes(data: unknown): Promise<LibraryResult<{ removed: EpisodeRecord[] }>>;
  restoreEpisodes(data: unknown): Promise<LibraryResult>;
  getSetAside(data: unknown): Promise<{ key: string; value: unknown } | null>;
  dismissSetAside(data: unknown): Promise<LibraryResult>;
  /** Stops watching storage (tests). */
  close(): void;
}

/** Larger requests are a page bug or an attack on the background, not a person's import. */
const MAX_EPISODES_PER_REQUEST = 20_000;
const idSchema = z.string().min(1).max(200);
const textSchema = (max: number) => z.string().max(max);

const saveSchema = z.object({
  episodes: z
    .array(z.object({ episode: z.unknown(), source: importSourceSchema.optional() }))
    .min(1, t('requestNothingToSave'))
    .max(MAX_EPISODES_PER_REQUEST, t('requestTooMany', MAX_EPISODES_PER_REQUEST)),
});
const idsSchema = z.object({ ids: z.array(idSchema).max(MAX_EPISODES_PER_REQUEST) });
const renameSchema = z.object({
  id: idSchema,
  title: z.string().trim().min(1, t('requestNeedsTitle')).max(500, t('requestTitleTooLong', 500)),
  show: z.string().trim().max(500, t('requestShowTooLong', 500)),
});
const linkAddressSchema = z.object({ episodeId: idSchema, address: textSchema(2000) });
const mediaSchema = z.object({ site: z.string().min(1).max(40), mediaId: z.string().min(1).max(200) });
const popupLinkSchema = mediaSchema.extend({ episodeId: idSchema });
const restoreSchema = z.object({ records: z.array(z.unknown()).min(1).max(MAX_EPISODES_PER_REQUEST) });
const setAsideIdSchema = z.object({ id: z.string().min(1).max(100) });
const offsetRequestSchema = z.object({
  episodeId: idSchema,
  site: mediaSchema.shape.site,
  seconds: z.number().finite().min(-MAX_OFFSET_SECONDS).max(MAX_OFFSET_SECONDS).nullable(),
});

const invalidRequest = (error: z.ZodError): { ok: false; message: string } => ({
  ok: false,
  message: t('requestInvalid', error.issues.map((issue) => `${fieldPath(issue.path) || t('theRequest')}: ${issue.message}`).join('; ')),
});

const quote = (text: string) => t('quotedTitle', text.length > 80 ? `${text.slice(0, 79)}…` : text);

export function createLibraryService({ bundled }: { bundled: readonly Episode[] }): LibraryService {
  /** Revisions this service wrote, so that its own writes are not mistaken for another writer's. */
  const ownRevisions = new Set<number>();
  let state: Promise<State> = load();

  function build(entries: ReadonlyMap<string, IndexEntry>, links: Links, revision: number): State {
    return { library: createLibrary({ bundled, imported: entries.values(), links }), entries, links, revision };
  }

  /** The storage change that also moves bad values to the quarantine and bumps the revision. */
  async function withBookkeeping(change: StorageChange, setAside: readonly NewSetAside[], current: State): Promise<{ change: StorageChange; revision: number }> {
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
        reason: unreadable.length === 1 ? t('setAsideSettingsReasonOne', unreadable[0]!) : t('setAsideSettingsReasonMany', unreadable.join(t('listSeparator'))),
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
  async function write(current: State, change: StorageChange, entries: ReadonlyMap<string, IndexEntry>, links: Links, setAside: readonly NewSetAside[] = []): Promise<State> {
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
  async function readEpisodes(items: readonly LibraryItem[]): Promise<{ episodes: Map<string, Episode>; damaged: DamagedValue[]; missing: string[]; upgraded: EpisodeRecord[] }> {
    const episodes = new Map<string, Episode>();
    const imported = items.filter((item) => !item.episode);
    for (const item of items) if (item.episode) episodes.set(item.id, item.episode);
    const labels = new Map(imported.map((item) => [item.id, item.title]));
    const reads = await loadEpisodeRecords(imported.map((item) => item.id), labels);
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

  async function findEpisode(data: unknown): Promise<EpisodeMatch | null> {
    const ref = episodeRefSchema.safeParse(data);
    if (!ref.success) return null;
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = await state;
      const match = current.library.match(ref.data);
      if (!match) return null;
      const read = await readEpisodes([match.item]);
      const episode = read.episodes.get(match.item.id);
      if (episode) {
        void tidyAfterRead([], [], read.upgraded);
        const savedOffset = await loadOffset(episode.id, ref.data.site).catch(() => undefined);
        return { episode, offset: match.offset, linked: match.linked, ...(savedOffset !== undefined && { savedOffset }) };
      }
      // Its record was bad or gone: set it aside and look again (another episode may match).
      await tidyAfterRead(read.damaged, read.missing, []);
    }
    return null;
  }

  async function restoreOrSave(records: EpisodeRecord[]): Promise<string[]> {
    return mutate(async (current) => {
      const entries = new Map(current.entries);
      const set: Record<string, unknown> = {};
      for (const record of records) {
        entries.set(record.episode.id, summarize(record));
        set[episodeKey(record.episode.id)] = record;
      }
      const ids = records.map((record) => record.episode.id);
      Object.assign(set, shardWrites(entries, ids));
      const next = await write(current, { set, remove: [] }, entries, current.links);
      return { next, result: ids };
    });
  }

  const failure = (error: unknown): { ok: false; message: string } => ({
    ok: false,
    message: error instanceof Error ? error.message : t('somethingWentWrong', String(error)),
  });

  async function changeLinks(change: (links: Links) => Links): Promise<void> {
    await mutate(async (current) => {
      const links = change({ ...current.links });
      const next = await write(current, { set: { [linksItem.key]: links }, remove: [] }, current.entries, links);
      return { next, result: undefined };
    });
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
    state = state.then((current) => (JSON.stringify(current.links) === JSON.stringify(links) ? current : build(current.entries, links, current.revision)));
  });

  return {
    ready: state,
    findEpisode,

    async saveOffset(data) {
      const request = offsetRequestSchema.safeParse(data);
      if (!request.success) return invalidRequest(request.error);
      const { episodeId, site, seconds } = request.data;
      try {
        await saveOffset(episodeId, site, seconds);
        return { ok: true };
      } catch (error) {
        return { ok: false, message: String(error) };
      }
    },
    summaries: async () => (await state).library.summaries(),

    async listLibrary() {
      // After the state: loading it may have just set values aside.
      const current = await state;
      const setAside = await loadQuarantine();
      return {
        entries: current.library.entries(),
        setAside: setAside.map(({ id, key, label, reason, action, at }) => ({ id, key, label, reason, action, at })),
      };
    },

    async getEpisodes(data) {
      const request = idsSchema.safeParse(data);
      if (!request.success) return { episodes: [], problems: [invalidRequest(request.error).message] };
      const current = await state;
      const items = request.data.ids.map((id) => current.library.get(id));
      const known = items.filter((item): item is LibraryItem => item !== undefined);
      const read = await readEpisodes(known);
      await tidyAfterRead(read.damaged, read.missing, read.upgraded);
      const problems = [
        ...request.data.ids.filter((id) => !current.library.get(id)).map((id) => t('exportGone', quote(id))),
        ...read.damaged.map((damage) => t('exportDamaged', quote(damage.label), damage.reason)),
        ...read.missing.map((id) => t('exportMissing', quote(current.library.get(id)?.title ?? id))),
      ];
      const episodes = known.flatMap((item) => read.episodes.get(item.id) ?? []);
      return { episodes, problems };
    },

    async saveEpisodes(data) {
      const request = saveSchema.safeParse(data);
      if (!request.success) return invalidRequest(request.error);
      const now = Date.now();
      const records: EpisodeRecord[] = [];
      const problems: string[] = [];
      request.data.episodes.forEach(({ episode, source }, index) => {
        const record = episodeRecordSchema.safeParse(createRecord(episode as Episode, source, now));
        if (record.success) records.push(record.data);
        else {
          const title = (episode as { title?: unknown } | null)?.title;
          const name = typeof title === 'string' ? quote(title) : `episode ${index + 1}`;
          const details = record.error.issues.slice(0, 3).map((issue) => `${fieldPath(issue.path.slice(1)) || t('theEpisode')}: ${issue.message}`);
          problems.push(`${name}: ${details.join('; ')}`);
        }
      });
      if (problems.length > 0) {
        return { ok: false, message: t(problems.length === 1 ? 'saveInvalidOne' : 'saveInvalidMany', problems.join('. ')) };
      }
      try {
        return { ok: true, saved: await restoreOrSave(records) };
      } catch (error) {
        return failure(error);
      }
    },

    async renameEpisode(data) {
      const request = renameSchema.safeParse(data);
      if (!request.success) return invalidRequest(request.error);
      const { id, title, show } = request.data;
      try {
        return await mutate<LibraryResult>(async (current) => {
          const item = current.library.get(id);
          if (!item) return { next: current, result: { ok: false, message: t('episodeGone') } };
          if (item.origin === 'bundled') {
            return { next: current, result: { ok: false, message: t('bundledKeepsName') } };
          }
          const reads = await loadEpisodeRecords([id], new Map([[id, item.title]]));
          const read = reads.get(id);
          if (read?.kind !== 'ok') {
            const next = await setAsideEpisodes(current, read?.kind === 'damaged' ? [read.damage] : [], read?.kind === 'missing' ? [id] : []);
            return { next, result: { ok: false, message: t('renameUnreadable', quote(item.title)) } };
          }
          const old = read.record.episode;
          // The old title keeps matching the pages it matched: renaming is for the list, not for YouTube.
          const altTitles = title !== old.title && !old.altTitles.includes(old.title) ? [...old.altTitles, old.title] : old.altTitles;
          const record = episodeRecordSchema.parse({ ...read.record, episode: { ...old, title, show, altTitles } });
          const entries = new Map(current.entries).set(id, summarize(record));
          const next = await write(current, { set: { [episodeKey(id)]: record, ...shardWrites(entries, [id]) }, remove: [] }, entries, current.links);
          return { next, result: { ok: true } };
        });
      } catch (error) {
        return failure(error);
      }
    },

    async linkMediaAddress(data) {
      const request = linkAddressSchema.safeParse(data);
      if (!request.success) return invalidRequest(request.error);
      const media = readMediaLink(request.data.address);
      if (!media) {
        return {
          ok: false,
          message: t('addressUnknown', quote(request.data.address.trim() || t('emptyAddress'))),
        };
      }
      const current = await state;
      if (!current.library.get(request.data.episodeId)) return { ok: false, message: t('episodeGone') };
      try {
        await changeLinks((links) => ({ ...links, [`${media.site}:${media.mediaId}`]: request.data.episodeId }));
        return { ok: true, ...media };
      } catch (error) {
        return failure(error);
      }
    },

    async unlinkMedia(data) {
      const request = mediaSchema.safeParse(data);
      if (!request.success) return invalidRequest(request.error);
      try {
        await changeLinks((links) => {
          delete links[`${request.data.site}:${request.data.mediaId}`];
          return links;
        });
        return { ok: true };
      } catch (error) {
        return failure(error);
      }
    },

    async setLink(data, remove) {
      const request = (remove ? mediaSchema : popupLinkSchema).safeParse(data);
      if (!request.success) return;
      const { site, mediaId } = request.data;
      const episodeId = 'episodeId' in request.data ? (request.data.episodeId as string) : null;
      await mutate(async (current) => {
        const links = { ...current.links };
        if (episodeId === null) delete links[`${site}:${mediaId}`];
        else links[`${site}:${mediaId}`] = episodeId;
        await linksItem.setValue(links);
        return { next: build(current.entries, links, current.revision), result: undefined };
      });
    },

    async deleteEpisodes(data) {
      const request = idsSchema.safeParse(data);
      if (!request.success) return invalidRequest(request.error);
      try {
        return await mutate<LibraryResult<{ removed: EpisodeRecord[] }>>(async (current) => {
          const items = request.data.ids.map((id) => current.library.get(id)).filter((item): item is LibraryItem => item !== undefined);
          const bundledOnes = items.filter((item) => item.origin === 'bundled');
          if (bundledOnes.length > 0) {
            const message = t('bundledNoDelete', quote(bundledOnes[0]!.title));
            return { next: current, result: { ok: false, message } };
          }
          const ids = items.map((item) => item.id);
          const reads = await loadEpisodeRecords(ids);
          const removed: EpisodeRecord[] = [];
          const setAside: NewSetAside[] = [];
          const remove: string[] = [];
          for (const [id, read] of reads) {
            if (read.kind === 'ok') {
              removed.push(read.record);
              remove.push(episodeKey(id));
            } else if (read.kind === 'damaged') {
              // Deleting a value Chapterbar cannot read would lose it for good: keep it aside instead.
              setAside.push(moved(read.damage));
              remove.push(read.damage.key);
            }
          }
          const entries = new Map(current.entries);
          for (const id of ids) entries.delete(id);
          const next = await write(current, { set: shardWrites(entries, ids), remove }, entries, current.links, setAside);
          return { next, result: { ok: true, removed } };
        });
      } catch (error) {
        return failure(error);
      }
    },

    async restoreEpisodes(data) {
      const request = restoreSchema.safeParse(data);
      if (!request.success) return invalidRequest(request.error);
      const records: EpisodeRecord[] = [];
      for (const raw of request.data.records) {
        const record = episodeRecordSchema.safeParse(raw);
        if (!record.success) return { ok: false, message: t('undoInvalid') };
        records.push(record.data);
      }
      try {
        await restoreOrSave(records);
        return { ok: true };
      } catch (error) {
        return failure(error);
      }
    },

    async getSetAside(data) {
      const request = setAsideIdSchema.safeParse(data);
      if (!request.success) return null;
      const entry = (await loadQuarantine()).find((candidate) => candidate.id === request.data.id);
      return entry ? { key: entry.key, value: entry.value } : null;
    },

    async dismissSetAside(data) {
      const request = setAsideIdSchema.safeParse(data);
      if (!request.success) return invalidRequest(request.error);
      try {
        await mutate(async (current) => {
          await commitChange({ set: { [QUARANTINE_KEY]: removeFromQuarantine(await storage.getItem(QUARANTINE_KEY), request.data.id) }, remove: [] });
          return { next: current, result: undefined };
        });
        return { ok: true };
      } catch (error) {
        return failure(error);
      }
    },

    close() {
      unwatchRevision();
      unwatchLinks();
    },
  };
}

function copied(damage: DamagedValue, consequence: string): NewSetAside {
  return { key: damage.key, label: damage.label, reason: `${damage.reason}; ${consequence}`, action: 'copied', value: damage.value };
}

function moved(damage: DamagedValue): NewSetAside {
  return { key: damage.key, label: damage.label, reason: damage.reason, action: 'moved', value: damage.value };
}
