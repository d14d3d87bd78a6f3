import { browser } from 'wxt/browser';
import type { EpisodeMatch } from '../messaging/protocol';
import { MATCH_INPUT_KEYS, STORAGE_KEYS } from '../storage/keys';
import { LIBRARY_REVISION_KEY } from '../storage/library-revision';
import { canonicalJson, FIRST_PAINT_ENTRIES, FIRST_PAINT_KEY, readFirstPaint, type FirstPaint } from '../storage/first-paint';

interface LocalArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string): Promise<void>;
}

type StorageChanges = Pick<typeof browser.storage.onChanged, 'addListener'>;

const revisionName = LIBRARY_REVISION_KEY.slice('local:'.length);
const matchInputs = MATCH_INPUT_KEYS.map((key) => key.slice('local:'.length));
/**
 * The library's own records: the background writes them with a new revision, but anything else
 * that writes one (another tool, a half-finished write) leaves the revision as it was, and a kept
 * copy of the episode would hide the damage the next look-up finds and sets aside.
 */
const recordPrefixes = [STORAGE_KEYS.episodePrefix.key, STORAGE_KEYS.indexShardPrefix.key].map((key) => key.slice('local:'.length));
const changesWhatMatches = (name: string) => matchInputs.includes(name) || recordPrefixes.some((prefix) => name.startsWith(prefix));

/**
 * Keeps the background's latest answers to `findEpisode` where content scripts can read them
 * without waking the worker (utils/storage/first-paint.ts). Written only when an answer changes
 * what is kept, so that a page that finds what it found before costs no write (every tab's content
 * script hears each write of storage.local). Writes are queued, one at a time.
 *
 * A page that finds a kept match takes it as the answer and asks nothing, so what is kept must be
 * an answer now: each value names the library revision and the extension's version it was made
 * in, the whole value goes when a link, a refusal, a timing correction or a library record
 * changes, and an answer whose look-up began before such a change (`stamp`) is not kept.
 *
 * What was kept is also remembered in the worker's memory, for as long as the library's revision
 * stays, so that a page that asks again (a navigation to media it has not looked up) costs no read
 * of storage either: a read hands the whole kept value across processes, on the busiest moment of
 * a navigation.
 */
export function createFirstPaintMemo(
  area: LocalArea = browser.storage.local,
  changes: StorageChanges = browser.storage.onChanged,
  version: string = browser.runtime.getManifest().version,
) {
  let queue: Promise<void> = Promise.resolve();
  /** Counts the changes to what a match reads: an answer looked up before one is not kept. */
  let generation = 0;
  /** `site:mediaId` → the match kept for it (JSON, "null" for none), as storage has it now. */
  const kept = new Map<string, string>();
  /**
   * The canonical JSON of episodes already seen. Each look-up builds a new match, but a bundled
   * episode is the same object every time, and its chapters are most of what a match spells (about
   * 2 ms of the worker per navigation, spelled anew each time).
   */
  const spelledEpisodes = new WeakMap<object, string>();
  /** A match as compared with what is kept: equal strings for equal matches, whatever their key order. */
  const spell = (match: EpisodeMatch | null) => {
    if (!match) return 'null';
    const { episode, ...rest } = match;
    // A kept entry from another version may lack its episode: spelled whole, as it is.
    if (typeof episode !== 'object' || episode === null) return canonicalJson(match);
    let json = spelledEpisodes.get(episode);
    if (json === undefined) spelledEpisodes.set(episode, (json = canonicalJson(episode)));
    return `${canonicalJson(rest)}\n${json}`;
  };
  changes.addListener((changed, areaName) => {
    if (areaName !== 'local') return;
    // The value removed (storage cleared): storage decides again.
    if (FIRST_PAINT_KEY in changed && changed[FIRST_PAINT_KEY]?.newValue === undefined) kept.clear();
    if (!Object.keys(changed).some(changesWhatMatches)) return;
    generation++;
    kept.clear();
    // The library's own changes come with a new revision, which already outdates the kept value:
    // removing it too would be one more write that every tab hears (an edit saves as one types).
    if (!(revisionName in changed))
      queue = queue
        .then(() => area.remove(FIRST_PAINT_KEY))
        .catch((error: unknown) => console.warn('[Chapterbar] first-paint memo', error));
  });
  return {
    /** Taken before a look-up, and given back with its answer to `remember`. */
    stamp: () => generation,
    remember(ref: unknown, match: EpisodeMatch | null, stamp: number): void {
      if (stamp !== generation) return;
      // The request was validated by the service; here only its media key is read.
      const { site, mediaId } = (typeof ref === 'object' && ref !== null ? ref : {}) as { site?: unknown; mediaId?: unknown };
      if (typeof site !== 'string' || typeof mediaId !== 'string') return;
      const key = `${site}:${mediaId}`;
      const json = spell(match);
      if (kept.get(key) === json) return;
      queue = queue
        .then(async () => {
          const stored = await area.get([FIRST_PAINT_KEY, revisionName]);
          const revision = typeof stored[revisionName] === 'number' ? (stored[revisionName] as number) : 0;
          const value = stored[FIRST_PAINT_KEY] as FirstPaint | undefined;
          // A look-up that began before a change to what it reads may end after it: not kept.
          if (stamp !== generation) return;
          const entries = value?.revision === revision && value.version === version && Array.isArray(value.entries) ? value.entries : [];
          const known = readFirstPaint(value, revision, key, version);
          // What storage holds now, for every media it names; this one's "none" too.
          const remembered = (now: FirstPaint['entries']) => {
            kept.clear();
            for (const entry of now) if (entry?.match) kept.set(entry.key, spell(entry.match));
            if (!match) kept.set(key, 'null');
          };
          if (match ? spell(known) === json : known === null && entries.length === value?.entries?.length) return void remembered(entries);
          const others = entries.filter((entry) => entry?.key !== key);
          const next: FirstPaint = {
            revision,
            version,
            entries: match ? [{ key, match }, ...others].slice(0, FIRST_PAINT_ENTRIES) : others,
          };
          await area.set({ [FIRST_PAINT_KEY]: next });
          remembered(next.entries);
        })
        .catch((error: unknown) => console.warn('[Chapterbar] first-paint memo', error));
    },
  };
}
