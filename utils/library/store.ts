import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { episodeSchema, type Episode } from '../chapters/schema';
import { readRecord, type Migrations, type RecordFormat } from './stored-record';
import { t } from '../i18n';
import { STORAGE_KEYS } from '../storage/keys';

/*
 * The imported episodes in storage.local, layout version 1:
 *
 *   local:episode:<id>            { v: 1, episode: Episode, importedAt, source? }    one per episode
 *   local:library-index-00 … -63  { v: 1, entries: { [id]: IndexEntry } }           summaries
 *   local:library-revision        number, changed in the same write (library-revision.ts)
 *
 * Why this shape:
 * - The background matches pages against every episode, but needs only titles, ids, offsets and
 *   durations for that: the index holds those (about 460 bytes an episode), and an episode's
 *   chapters (kilobytes, hundreds of kilobytes for long shows) are read only when a page plays it.
 * - The index is split into 64 shards by a hash of the id, because storage.onChanged hands every
 *   changed value, old and new, to every context that listens to storage.local, and content
 *   scripts listen (for preferences): one import rewrites one ~75 kB shard of a 10,000-episode
 *   library rather than a 4.6 MB index, in every open YouTube tab.
 * - Every write of a change is one `set` call, which Chrome and Firefox apply atomically.
 *
 * Quota: without `unlimitedStorage`, Chrome gives storage.local 10 MB (5 MB before Chrome 114).
 * The unit test "10,000 realistic episodes" measures 5.2 kB an episode of 15 chapters with
 * descriptions and bullets (51.6 MB for 10,000), so two thousand episodes would not fit; wxt.config.ts asks for `unlimitedStorage`
 * on Chrome, where it adds no install warning. Firefox counts storage.local against its
 * IndexedDB limits (a share of the disk), so it does not need it there.
 */

export const EPISODE_KEY_PREFIX = STORAGE_KEYS.episodePrefix.key;
export const INDEX_SHARD_COUNT = 64;
export const LIBRARY_FORMAT_VERSION = STORAGE_KEYS.episodePrefix.version;

/** Keys of storage.local as WXT's storage API spells them. */
export type LocalKey = `local:${string}`;

export const episodeKey = (id: string): LocalKey => `${EPISODE_KEY_PREFIX}${id}`;
export const indexShardKey = (shard: number): LocalKey => `${STORAGE_KEYS.indexShardPrefix.key}${String(shard).padStart(2, '0')}`;
export const INDEX_SHARD_KEYS = Array.from({ length: INDEX_SHARD_COUNT }, (_, shard) => indexShardKey(shard));

/** FNV-1a: stable across versions and machines, which the layout depends on (changing it is a migration). */
export function shardOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % INDEX_SHARD_COUNT;
}

/** Library ids are the storage key's suffix; longer ones are a wrong file, not an episode. */
export const MAX_EPISODE_ID_LENGTH = 200;

export const importSourceSchema = z.object({
  fileName: z.string().max(500).optional(),
  /** The detected format (a ChapterFormat), shown in the list as where the chapters came from. */
  format: z.string().max(60).optional(),
});
export type ImportSource = z.infer<typeof importSourceSchema>;

export const episodeRecordSchema = z.object({
  v: z.literal(LIBRARY_FORMAT_VERSION),
  episode: episodeSchema
    .refine((episode) => episode.id.length <= MAX_EPISODE_ID_LENGTH, {
      message: t('idTooLong', MAX_EPISODE_ID_LENGTH),
      path: ['id'],
    })
    // The id becomes an object key in the index; this one would change the object instead.
    .refine((episode) => episode.id !== '__proto__', { message: t('idReserved'), path: ['id'] }),
  /** Milliseconds since 1970, when the person saved it. */
  importedAt: z.number().finite(),
  source: importSourceSchema.optional(),
  /**
   * Raised by every save of the sidebar's editor (episode-edits.ts), so that a save made on an
   * older revision (another tab editing the same episode) is noticed. Optional: version 1 records
   * written before the editor have none, which reads as 0.
   */
  editRevision: z.number().int().nonnegative().optional(),
});
export type EpisodeRecord = z.infer<typeof episodeRecordSchema>;

export const indexEntrySchema = z.object({
  id: z.string().min(1),
  show: z.string(),
  title: z.string().min(1),
  altTitles: z.array(z.string()),
  ids: z.record(z.string(), z.array(z.string())),
  offsets: z.record(z.string(), z.number().finite()),
  duration: z.number().finite().nonnegative().optional(),
  chapterCount: z.number().int().positive(),
  importedAt: z.number().finite(),
  source: importSourceSchema.optional(),
});
export type IndexEntry = z.infer<typeof indexEntrySchema>;

const indexShardSchema = z.object({ v: z.literal(LIBRARY_FORMAT_VERSION), entries: z.record(z.string(), z.unknown()) });

/**
 * Version 1 is the first release, so there is nothing to migrate yet. When the record changes,
 * raise LIBRARY_FORMAT_VERSION and add `[2]: (v1) => v2` here; readRecord runs every step from a
 * record's version to the current one (tests/unit/library-store.test.ts shows the path working).
 */
export const EPISODE_RECORD_MIGRATIONS: Migrations = {};
export const INDEX_SHARD_MIGRATIONS: Migrations = {};

export const EPISODE_RECORD_FORMAT: RecordFormat<EpisodeRecord> = {
  label: 'recordEpisode',
  current: LIBRARY_FORMAT_VERSION,
  migrations: EPISODE_RECORD_MIGRATIONS,
  schema: episodeRecordSchema,
};

const INDEX_SHARD_FORMAT: RecordFormat<z.infer<typeof indexShardSchema>> = {
  label: 'recordIndexPart',
  current: LIBRARY_FORMAT_VERSION,
  migrations: INDEX_SHARD_MIGRATIONS,
  schema: indexShardSchema,
};

/** What matching and the lists need of an episode, without its chapters: the index's fields. */
export type EpisodeFacts = Omit<IndexEntry, 'importedAt' | 'source'>;

export function episodeFacts(episode: Episode): EpisodeFacts {
  return {
    id: episode.id,
    show: episode.show,
    title: episode.title,
    altTitles: episode.altTitles,
    ids: episode.ids,
    offsets: episode.offsets,
    ...(episode.duration !== undefined ? { duration: episode.duration } : {}),
    chapterCount: episode.chapters.length,
  };
}

export function summarize(record: EpisodeRecord): IndexEntry {
  return { ...episodeFacts(record.episode), importedAt: record.importedAt, ...(record.source ? { source: record.source } : {}) };
}

/** A stored value that did not validate, and why, for the quarantine. */
export interface DamagedValue {
  key: string;
  value: unknown;
  reason: string;
  label: string;
}

export interface IndexRead {
  entries: Map<string, IndexEntry>;
  damaged: DamagedValue[];
}

/** Reads every shard; a bad shard or entry is reported, the others are used. */
export async function readIndex(): Promise<IndexRead> {
  const values = await storage.getItems([...INDEX_SHARD_KEYS]);
  const entries = new Map<string, IndexEntry>();
  const damaged: DamagedValue[] = [];
  for (const { key, value } of values) {
    if (value === null || value === undefined) continue;
    const shard = readRecord(value, INDEX_SHARD_FORMAT);
    if (!shard.ok) {
      damaged.push({ key, value, reason: shard.reason, label: t('indexPartLabel') });
      continue;
    }
    const bad: Record<string, unknown> = {};
    for (const [id, raw] of Object.entries(shard.value.entries)) {
      const entry = indexEntrySchema.safeParse(raw);
      if (entry.success && entry.data.id === id) entries.set(id, entry.data);
      else bad[id] = raw;
    }
    const badIds = Object.keys(bad);
    if (badIds.length > 0) {
      damaged.push({
        key,
        value,
        reason:
          badIds.length === 1
            ? t('indexEntryDamaged', badIds.join(', '))
            : t('indexEntriesDamaged', badIds.length, badIds.slice(0, 3).join(', ')),
        label: t('indexPartLabel'),
      });
    }
  }
  return { entries, damaged };
}

export type EpisodeRecordRead =
  { kind: 'ok'; record: EpisodeRecord; upgraded: boolean } | { kind: 'missing' } | { kind: 'damaged'; damage: DamagedValue };

export function readEpisodeRecord(key: string, raw: unknown, label: string): EpisodeRecordRead {
  if (raw === null || raw === undefined) return { kind: 'missing' };
  const read = readRecord(raw, EPISODE_RECORD_FORMAT);
  if (!read.ok) return { kind: 'damaged', damage: { key, value: raw, reason: read.reason, label } };
  const expectedKey = episodeKey(read.value.episode.id);
  if (expectedKey !== key) {
    return { kind: 'damaged', damage: { key, value: raw, reason: t('recordWrongKey', read.value.episode.id), label } };
  }
  return { kind: 'ok', record: read.value, upgraded: read.upgraded };
}

export async function loadEpisodeRecords(
  ids: readonly string[],
  labels: ReadonlyMap<string, string> = new Map(),
): Promise<Map<string, EpisodeRecordRead>> {
  const keys = ids.map(episodeKey);
  const values = keys.length > 0 ? await storage.getItems(keys) : [];
  return new Map(
    values.map(({ key, value }, i) => {
      const id = ids[i]!;
      return [id, readEpisodeRecord(key, value, labels.get(id) ?? id)];
    }),
  );
}

/**
 * Every episode record in storage, for rebuilding a damaged index. Reads the whole area, so it
 * runs only when the index needs repair.
 */
export async function scanEpisodeRecords(): Promise<{ records: EpisodeRecord[]; damaged: DamagedValue[] }> {
  const everything = await storage.snapshot('local');
  const records: EpisodeRecord[] = [];
  const damaged: DamagedValue[] = [];
  const prefix = EPISODE_KEY_PREFIX.slice('local:'.length);
  for (const [driverKey, value] of Object.entries(everything)) {
    if (!driverKey.startsWith(prefix) || driverKey.endsWith('$')) continue;
    const key = `local:${driverKey}`;
    const read = readEpisodeRecord(key, value, driverKey.slice(prefix.length));
    if (read.kind === 'ok') records.push(read.record);
    else if (read.kind === 'damaged') damaged.push(read.damage);
  }
  return { records, damaged };
}

/** The shard values to write so that storage holds exactly these entries for the shards of `ids`. */
export function shardWrites(entries: ReadonlyMap<string, IndexEntry>, ids: Iterable<string>): Record<string, unknown> {
  return buildShards(entries, new Set([...ids].map(shardOf)));
}

/** Every shard rewritten from these entries (after a rebuild). */
export function allShardWrites(entries: ReadonlyMap<string, IndexEntry>): Record<string, unknown> {
  return buildShards(entries, new Set(INDEX_SHARD_KEYS.keys()));
}

function buildShards(entries: ReadonlyMap<string, IndexEntry>, shards: ReadonlySet<number>): Record<string, unknown> {
  const byShard = new Map<number, Record<string, IndexEntry>>([...shards].map((shard) => [shard, {}]));
  for (const [id, entry] of entries) {
    const shard = byShard.get(shardOf(id));
    if (shard) shard[id] = entry;
  }
  return Object.fromEntries(
    [...byShard].map(([shard, shardEntries]) => [indexShardKey(shard), { v: LIBRARY_FORMAT_VERSION, entries: shardEntries }]),
  );
}

export interface StorageChange {
  set: Record<string, unknown>;
  remove: string[];
}

/** Why a write failed, in words for the person; the cause is kept for the console. */
export class LibraryWriteError extends Error {
  constructor(cause: unknown) {
    const text = String(cause);
    const full = /quota/i.test(text);
    super(full ? t('storageFull') : t('storageFailed', text.slice(0, 160)), { cause });
    this.name = 'LibraryWriteError';
  }
}

/**
 * Applies a change: every set in one call, then the removals. If anything fails, the keys touched
 * are put back as they were, so a failed import or delete leaves the library as it was.
 */
export async function commitChange(change: StorageChange): Promise<void> {
  const setKeys = Object.keys(change.set);
  const touched = [...setKeys, ...change.remove] as LocalKey[];
  const before = touched.length > 0 ? await storage.getItems(touched) : [];
  try {
    if (setKeys.length > 0) await storage.setItems(setKeys.map((key) => ({ key: key as LocalKey, value: change.set[key] })));
    if (change.remove.length > 0) await storage.removeItems(change.remove as LocalKey[]);
  } catch (error) {
    await restore(before).catch((restoreError: unknown) => console.error('[Chapterbar] could not undo a failed write', restoreError));
    throw new LibraryWriteError(error);
  }
}

async function restore(before: Array<{ key: string; value: unknown }>): Promise<void> {
  const existed = before.filter(({ value }) => value !== null && value !== undefined);
  const absent = before.filter(({ value }) => value === null || value === undefined).map(({ key }) => key);
  if (existed.length > 0) await storage.setItems(existed.map(({ key, value }) => ({ key: key as LocalKey, value })));
  if (absent.length > 0) await storage.removeItems(absent as LocalKey[]);
}

/** An Episode as the store keeps it, from what the options page sends. */
export function createRecord(episode: Episode, source: ImportSource | undefined, importedAt = Date.now()): EpisodeRecord {
  return { v: LIBRARY_FORMAT_VERSION, episode, importedAt, ...(source ? { source } : {}) };
}
