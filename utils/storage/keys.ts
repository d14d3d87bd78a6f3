/**
 * Every storage key Chapterbar uses, in one place: where it lives, the version of what is stored
 * there, who writes it and who reads it, and which module's reader validates it (storage is
 * untrusted input: an older or newer version, another tool, a half-written value). Plain data,
 * without zod, because content scripts import it. `tests/unit/storage-keys.test.ts` checks that
 * each reader accepts what Chapterbar writes and survives what it does not.
 *
 * Versions: records that carry `v` (episodes, index shards, the quarantine) are migrated by
 * `utils/library/stored-record.ts`; the rest are read field by field, so an older or newer shape
 * degrades to defaults instead of breaking, and have no version of their own (0).
 */
/**
 * The keys content scripts read or watch, on their own: a content script that imported the
 * catalogue below would carry its descriptions to every YouTube and Spotify page (0.3 KB gzipped).
 */
export const PREFERENCES_KEY = 'local:preferences';
export const OFFSETS_KEY = 'local:offsets';
export const LIBRARY_REVISION_STORAGE_KEY = 'local:library-revision';
export const LINKS_KEY = 'local:links';
export const REFUSALS_KEY = 'local:refusals';
export const FIRST_PAINT_STORAGE_KEY = 'local:first-paint';
export const STYLESHEET_KEY_PREFIX = 'local:sidebar-stylesheet:';
/**
 * What `findEpisode`'s answer depends on besides what it is asked and the library's records: a
 * change to any of them makes a kept answer no answer (utils/sidebar/early-start.ts,
 * utils/background/first-paint.ts).
 */
export const MATCH_INPUT_KEYS: readonly string[] = [LIBRARY_REVISION_STORAGE_KEY, LINKS_KEY, REFUSALS_KEY, OFFSETS_KEY];

export const STORAGE_KEYS = {
  /** The person's settings (sidebar position, theme, collapsed, …): the options page and the sidebar write it. */
  preferences: {
    key: PREFERENCES_KEY,
    version: 0,
    readBy: 'content, pages, background',
    schema: 'utils/storage/preferences.ts readPreferences',
  },
  /** Timing corrections per episode and site: the background writes them for the sidebar. */
  offsets: { key: OFFSETS_KEY, version: 0, readBy: 'background, options', schema: 'utils/storage/offsets.ts readOffset' },
  /** Bumped in the same write as every library change; content scripts watch it to look up again. */
  libraryRevision: { key: LIBRARY_REVISION_STORAGE_KEY, version: 0, readBy: 'content, options, background', schema: 'a finite number' },
  /** The person's links from a site's media to a library episode (`site:mediaId` → episode id). */
  links: { key: LINKS_KEY, version: 1, readBy: 'background', schema: 'utils/library/links.ts readLinks' },
  /** "Not this one": the episode a person said a media is not (`site:mediaId` → episode id). */
  refusals: { key: REFUSALS_KEY, version: 0, readBy: 'background', schema: 'utils/library/refusals.ts readRefusals' },
  /** One imported episode: `local:episode:<id>`. */
  episodePrefix: { key: 'local:episode:', version: 1, readBy: 'background', schema: 'utils/library/store.ts episodeRecordSchema' },
  /** The library index, 64 shards: `local:library-index-00` … `-63`. */
  indexShardPrefix: {
    key: 'local:library-index-',
    version: 1,
    readBy: 'background',
    schema: 'utils/library/store.ts (index shard format)',
  },
  /** Values that did not validate, kept aside for the person (never used, never silently deleted). */
  quarantine: { key: 'local:quarantine', version: 1, readBy: 'background, options', schema: 'utils/library/quarantine.ts readQuarantine' },
  /** The background's latest episode matches per media, for the next page's first paint without its worker (utils/storage/first-paint.ts). */
  firstPaint: {
    key: FIRST_PAINT_STORAGE_KEY,
    version: 0,
    readBy: 'content, background',
    schema: 'utils/storage/first-paint.ts readFirstPaint',
  },
  /** A content script's stylesheet as the background served it, per entrypoint: `local:sidebar-stylesheet:youtube`. */
  stylesheetPrefix: {
    key: STYLESHEET_KEY_PREFIX,
    version: 0,
    readBy: 'content',
    schema: 'utils/storage/first-paint.ts readStoredStylesheet',
  },
} as const;
