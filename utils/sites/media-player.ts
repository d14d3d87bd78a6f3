import type { Player } from './types';

/**
 * Media events that mean the time jumped or stopped moving steadily. `timeupdate` is left out on
 * purpose: the chapter clock schedules itself for the next boundary instead of ticking (only the
 * progress bar listens to it, through onTick, and only while it is drawn).
 */
const DISCONTINUITIES = [
  'loadstart',
  'loadedmetadata',
  'durationchange',
  'emptied',
  'play',
  'playing',
  'pause',
  'waiting',
  'seeked',
  'ratechange',
  'ended',
] as const;

export interface MediaPlayerOptions {
  /** The element to read right now; looked up on every call because sites replace it. */
  findMedia: () => HTMLMediaElement | null;
  /** Whether an event from this element concerns the episode (and not a preview or ad player). */
  isEpisodeMedia: (element: HTMLMediaElement) => boolean;
  interrupted?: () => boolean;
  /** Extra site signals (an ad starting without a media event) that should re-sync the clock. */
  watchExtra?: (callback: () => void, signal: AbortSignal) => void;
}

/**
 * A Player over an in-page media element. Media events do not bubble, but they do pass through
 * the document in the capture phase, so one listener per event sees the element even after the
 * site swaps it for a new one, with nothing to re-attach.
 */
export function createMediaPlayer(doc: Document, options: MediaPlayerOptions): Player {
  const media = () => options.findMedia();
  const episodeEvents = (callback: () => void) => (event: Event) => {
    const target = event.target;
    if (target instanceof HTMLMediaElement && options.isEpisodeMedia(target)) callback();
  };
  return {
    currentTime: () => media()?.currentTime ?? 0,
    duration: () => {
      const d = media()?.duration;
      return d !== undefined && Number.isFinite(d) && d > 0 ? d : undefined;
    },
    paused: () => media()?.paused ?? true,
    playbackRate: () => media()?.playbackRate || 1,
    interrupted: () => options.interrupted?.() ?? false,
    seek(seconds) {
      const element = media();
      if (element) element.currentTime = Math.max(0, seconds);
    },
    onChange(callback, signal) {
      const listener = episodeEvents(callback);
      for (const type of DISCONTINUITIES) doc.addEventListener(type, listener, { capture: true, signal });
      options.watchExtra?.(callback, signal);
    },
    onTick(callback, signal) {
      doc.addEventListener('timeupdate', episodeEvents(callback), { capture: true, signal });
    },
  };
}
