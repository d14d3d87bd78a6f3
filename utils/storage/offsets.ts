import { defineContentItem } from './content-storage';
import { OFFSETS_KEY } from './keys';
import { settingsWrites } from './write-queue';

/**
 * The person's timing corrections: seconds added to a site's media time to reach the episode's
 * timeline, per episode and site (`{ [episodeId]: { [site]: seconds } }`). They override the
 * episode's own estimate (`episode.offsets`) until reset.
 *
 * Read and written by the background (the sidebar asks it: see offset-correction.ts) and read by
 * the options page. Storage is untrusted (an older version, another tool, a half-written value): a
 * bad value is ignored, and left in place for the rest of the item to survive writes around it.
 */
export const offsetsItem = defineContentItem<Record<string, unknown>>(OFFSETS_KEY, { fallback: {} });

/** Longer than any episode; a larger correction is a corrupted value, not a person's choice. */
export const MAX_OFFSET_SECONDS = 24 * 60 * 60;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const isOffset = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_OFFSET_SECONDS;

/** The saved correction for an episode on a site, or undefined when there is none (or it is bad). */
export function readOffset(raw: unknown, episodeId: string, site: string): number | undefined {
  if (!isRecord(raw) || !Object.hasOwn(raw, episodeId)) return undefined;
  const bySite = raw[episodeId];
  if (!isRecord(bySite) || !Object.hasOwn(bySite, site)) return undefined;
  const seconds = bySite[site];
  return isOffset(seconds) ? seconds : undefined;
}

/**
 * The item with one correction set (or removed, with null). Everything else is copied as it was,
 * valid or not; computed keys define own properties, so an id like "__proto__" stays data.
 */
export function writeOffset(raw: unknown, episodeId: string, site: string, seconds: number | null): Record<string, unknown> {
  const all = isRecord(raw) ? { ...raw } : {};
  const previous = Object.hasOwn(all, episodeId) ? all[episodeId] : undefined;
  const bySite: Record<string, unknown> = isRecord(previous) ? { ...previous } : {};
  if (seconds === null) delete bySite[site];
  else bySite[site] = seconds;
  if (Object.keys(bySite).length > 0)
    Object.defineProperty(all, episodeId, { value: bySite, enumerable: true, configurable: true, writable: true });
  else delete all[episodeId];
  return all;
}

export async function loadOffset(episodeId: string, site: string): Promise<number | undefined> {
  return readOffset(await offsetsItem.getValue(), episodeId, site);
}

/**
 * Saves a correction; null forgets it, so the episode's own estimate applies again. Background
 * only: through the settings queue (write-queue.ts), so corrections from two tabs both stay.
 */
export async function saveOffset(episodeId: string, site: string, seconds: number | null): Promise<void> {
  if (seconds !== null && !isOffset(seconds)) return;
  await settingsWrites(async () => offsetsItem.setValue(writeOffset(await offsetsItem.getValue(), episodeId, site, seconds)));
}
