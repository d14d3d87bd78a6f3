/**
 * The protocol between Spotify's page world (the bridge, entrypoints/spotify-bridge.content.ts)
 * and Chapterbar's isolated content script. Both sides use `window.postMessage`, which the page's
 * own scripts can also read and write, so every message is checked here field by field and only
 * numbers and one command (seek) ever cross. Hand-written guards instead of zod: the bridge runs in
 * every Spotify tab before the page's own scripts, where each kilobyte counts.
 */

export const BRIDGE_SOURCE = 'chapterbar:bridge';
export const CONTENT_SOURCE = 'chapterbar:content';
export const PROTOCOL_VERSION = 1;

/** Longer than any episode (24 h); a larger time is a forgery or a bug, never a position. */
export const MAX_MEDIA_SECONDS = 24 * 60 * 60;
/** Browsers cap playbackRate at 16. */
export const MAX_PLAYBACK_RATE = 16;

/** What the page's media element reports, on discontinuities only. */
export interface MediaState {
  /** Seconds on the element's timeline when the message was posted. */
  currentTime: number;
  /** Seconds, or null while the element does not know (no metadata, live stream). */
  duration: number | null;
  /** True unless the time is actually advancing (paused, ended, or waiting for data). */
  paused: boolean;
  rate: number;
}

export interface BridgeMediaMessage extends MediaState {
  source: typeof BRIDGE_SOURCE;
  v: typeof PROTOCOL_VERSION;
  type: 'media';
}

export interface SeekCommand {
  source: typeof CONTENT_SOURCE;
  v: typeof PROTOCOL_VERSION;
  type: 'seek';
  /** Seconds on the element's timeline. */
  time: number;
}

type Fields = Record<string, unknown>;

/** A plain record with exactly these keys: extra keys mean another sender or another version. */
function hasExactKeys(data: unknown, keys: readonly string[]): data is Fields {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const own = Object.keys(data);
  return own.length === keys.length && keys.every((key) => Object.hasOwn(data, key));
}

const isSeconds = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_MEDIA_SECONDS;

const isRate = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= MAX_PLAYBACK_RATE;

const MEDIA_KEYS = ['source', 'v', 'type', 'currentTime', 'duration', 'paused', 'rate'] as const;
const SEEK_KEYS = ['source', 'v', 'type', 'time'] as const;

export function isBridgeMediaMessage(data: unknown): data is BridgeMediaMessage {
  if (!hasExactKeys(data, MEDIA_KEYS)) return false;
  return (
    data.source === BRIDGE_SOURCE &&
    data.v === PROTOCOL_VERSION &&
    data.type === 'media' &&
    isSeconds(data.currentTime) &&
    (data.duration === null || (isSeconds(data.duration) && data.duration > 0)) &&
    typeof data.paused === 'boolean' &&
    isRate(data.rate)
  );
}

export function isSeekCommand(data: unknown): data is SeekCommand {
  if (!hasExactKeys(data, SEEK_KEYS)) return false;
  return data.source === CONTENT_SOURCE && data.v === PROTOCOL_VERSION && data.type === 'seek' && isSeconds(data.time);
}

export function createMediaMessage(state: MediaState): BridgeMediaMessage {
  return {
    source: BRIDGE_SOURCE,
    v: PROTOCOL_VERSION,
    type: 'media',
    currentTime: state.currentTime,
    duration: state.duration,
    paused: state.paused,
    rate: state.rate,
  };
}

export function createSeekCommand(time: number): SeekCommand {
  return { source: CONTENT_SOURCE, v: PROTOCOL_VERSION, type: 'seek', time };
}
