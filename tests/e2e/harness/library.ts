import type { Worker } from 'playwright-core';
import type { Episode } from '../../../utils/chapters/schema';
import { createRecord, episodeKey, indexShardKey, shardOf, summarize } from '../../../utils/library/store';

/**
 * Puts episodes into the extension's library as an import would leave them (the layout of
 * utils/library/store.ts, written through the extension's own storage), without going through the
 * options page. The background and every open tab read the library again at once, because the
 * revision changes: a tab of a video one of them names shows its chapters.
 */
export async function storeEpisodes(worker: Worker, episodes: readonly Episode[], fileName = 'fixture.chapterbar.json'): Promise<void> {
  const writes: Record<string, unknown> = {};
  for (const episode of episodes) {
    const record = createRecord(episode, { fileName, format: 'chapterbar-json' });
    writes[episodeKey(episode.id)] = record;
    const shard = indexShardKey(shardOf(episode.id));
    const entries = (writes[shard] as { entries: Record<string, unknown> } | undefined)?.entries ?? {};
    writes[shard] = { v: 1, entries: { ...entries, [episode.id]: summarize(record) } };
  }
  // A revision the background did not write makes it (and every tab) read the library again. The
  // key is LIBRARY_REVISION_KEY of utils/storage/library-revision.ts, whose storage item cannot be
  // imported outside the extension (defining it reads storage).
  writes['local:library-revision'] = Date.now() + 1000;
  // chrome.storage.local names keys without WXT's "local:" area prefix.
  const driverWrites = Object.fromEntries(Object.entries(writes).map(([key, value]) => [key.replace(/^local:/, ''), value]));
  await worker.evaluate(async (items) => {
    type Shard = { entries?: Record<string, unknown> };
    const local = (
      globalThis as unknown as {
        chrome: { storage: { local: { get(keys: string[]): Promise<Record<string, Shard>>; set(items: object): Promise<void> } } };
      }
    ).chrome.storage.local;
    // Keep whatever the shards already hold.
    const current = await local.get(Object.keys(items));
    for (const [key, value] of Object.entries(items as Record<string, Shard>)) {
      if (key.startsWith('library-index-') && current[key]?.entries) value.entries = { ...current[key].entries, ...value.entries };
    }
    await local.set(items);
  }, driverWrites);
}
