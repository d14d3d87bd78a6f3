import { defineContentItem } from './content-storage';
import { LIBRARY_REVISION_STORAGE_KEY } from './keys';

/**
 * A number the background changes in the same write as any change to the library (import,
 * rename, delete, a link made on the options page). Content scripts watch it and look up their
 * page's episode again. A storage item rather than a message to every tab: it also reaches
 * embedded players inside other sites' pages, which `tabs.query` by URL cannot find, and needs no
 * `tabs` permission. Kept in its own module, without zod, because content scripts import it.
 */
export const LIBRARY_REVISION_KEY = LIBRARY_REVISION_STORAGE_KEY;

export const libraryRevisionItem = defineContentItem<number>(LIBRARY_REVISION_KEY, { fallback: 0 });

/** Above the previous revision and near the clock, so a value restored from a backup never repeats one. */
export function nextRevision(previous: unknown): number {
  const last = typeof previous === 'number' && Number.isFinite(previous) ? previous : 0;
  return Math.max(last + 1, Date.now());
}

export function watchLibraryRevision(callback: () => void, signal: AbortSignal): void {
  const unwatch = libraryRevisionItem.watch(() => callback());
  signal.addEventListener('abort', unwatch, { once: true });
}
