import type { EpisodeMatch } from '../messaging/protocol';
import { FIRST_PAINT_STORAGE_KEY, STYLESHEET_KEY_PREFIX } from './keys';

/*
 * What a content script needs for its first paint, kept by the background in `storage.local`,
 * which content scripts read without waking the background's worker (a worker that has gone to
 * sleep takes hundreds of milliseconds to start and load the library; `storage.session` is not
 * readable from content scripts unless the background opens it to them, and does not survive a
 * browser restart). Written only by the background, from answers it validated, for the version of
 * the extension and the library revision it answered in; it drops the whole value whenever a link,
 * a refusal or a timing correction changes (utils/background/first-paint.ts). A kept match is
 * therefore the background's answer, and a page that finds one asks nothing (no worker to wake);
 * the content script checks its shape before use. No zod: content scripts import this.
 */

/** The last matches the background answered, newest first, for the library revision they were made in. */
export const FIRST_PAINT_KEY = FIRST_PAINT_STORAGE_KEY.slice('local:'.length);
/** Matches kept: a few tabs' and the recent videos' worth, a few KB each. */
export const FIRST_PAINT_ENTRIES = 24;

export interface FirstPaintEntry {
  /** `site:mediaId`. */
  key: string;
  match: EpisodeMatch;
}

export interface FirstPaint {
  revision: number;
  /** The extension's version: its bundled episodes and its matching made these answers. */
  version: string;
  entries: FirstPaintEntry[];
}

/** A content script's CSS file as the background served it once, for this version of the extension. */
export const stylesheetKey = (entrypoint: string) => `${STYLESHEET_KEY_PREFIX.slice('local:'.length)}${entrypoint}`;

export interface StoredStylesheet {
  version: string;
  css: string;
}

/**
 * The match stored for `key` in `stored` (the value of FIRST_PAINT_KEY), made in library
 * `revision` by this `version` of the extension. Only the background writes it, from answers it
 * validated; the shape is checked for a value that something else wrote.
 */
export function readFirstPaint(stored: unknown, revision: unknown, key: string, version: string): EpisodeMatch | null {
  const kept = stored as Partial<FirstPaint> | undefined;
  if (kept?.revision !== (revision ?? 0) || kept.version !== version || !Array.isArray(kept.entries)) return null;
  const match = kept.entries.find((entry) => entry?.key === key)?.match;
  return Array.isArray(match?.episode?.chapters) &&
    match.episode.chapters.every((c) => typeof c?.title === 'string' && typeof c.start === 'number' && Array.isArray(c.bullets))
    ? match
    : null;
}

/**
 * A value in one spelling whatever the order of its objects' keys: storage hands objects back with
 * their keys sorted, a message in the order they were built, so a plain JSON.stringify of a kept
 * match never equals the worker's new answer (which rewrote the kept value on every look-up).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** The stylesheet in `stored` if it was kept for `version`. */
export function readStoredStylesheet(stored: unknown, version: string): string | null {
  const kept = stored as Partial<StoredStylesheet> | undefined;
  return kept?.version === version && typeof kept.css === 'string' ? kept.css : null;
}
