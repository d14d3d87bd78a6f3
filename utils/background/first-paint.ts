import { browser } from 'wxt/browser';
import type { EpisodeMatch } from '../messaging/protocol';
import { LIBRARY_REVISION_KEY } from '../storage/library-revision';
import { FIRST_PAINT_ENTRIES, FIRST_PAINT_KEY, readFirstPaint, type FirstPaint } from '../storage/first-paint';

interface LocalArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const revisionName = LIBRARY_REVISION_KEY.slice('local:'.length);

/**
 * Keeps the background's latest answers to `findEpisode` where content scripts can read them
 * without waking the worker (utils/storage/first-paint.ts). Written only when an answer changes
 * what is kept, so that a page that finds what it found before costs no write (every tab's content
 * script hears each write of storage.local). Writes are queued, one at a time.
 */
export function createFirstPaintMemo(area: LocalArea = browser.storage.local) {
  let queue: Promise<void> = Promise.resolve();
  return {
    remember(ref: unknown, match: EpisodeMatch | null): void {
      // The request was validated by the service; here only its media key is read.
      const { site, mediaId } = (typeof ref === 'object' && ref !== null ? ref : {}) as { site?: unknown; mediaId?: unknown };
      if (typeof site !== 'string' || typeof mediaId !== 'string') return;
      const key = `${site}:${mediaId}`;
      queue = queue
        .then(async () => {
          const stored = await area.get([FIRST_PAINT_KEY, revisionName]);
          const revision = typeof stored[revisionName] === 'number' ? (stored[revisionName] as number) : 0;
          const kept = stored[FIRST_PAINT_KEY] as FirstPaint | undefined;
          const entries = kept?.revision === revision && Array.isArray(kept.entries) ? kept.entries : [];
          const known = readFirstPaint(kept, revision, key);
          if (match ? JSON.stringify(known) === JSON.stringify(match) : known === null && entries.length === (kept?.entries?.length ?? -1))
            return;
          const others = entries.filter((entry) => entry?.key !== key);
          const next: FirstPaint = { revision, entries: match ? [{ key, match }, ...others].slice(0, FIRST_PAINT_ENTRIES) : others };
          await area.set({ [FIRST_PAINT_KEY]: next });
        })
        .catch((error: unknown) => console.warn('[Chapterbar] first-paint memo', error));
    },
  };
}
