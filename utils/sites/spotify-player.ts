import { createSeekCommand, isBridgeMediaMessage, type MediaState } from './spotify-bridge-protocol';
import type { Player } from './types';
import { createTextClock, performanceNow, type Now, type PlayerBar } from './spotify-text-clock';

export { createTextClock, type PlayerBar, type TextClock } from './spotify-text-clock';

/**
 * Spotify's clock. Two sources, one Player:
 * - the media element's time, reported by the main-world bridge whenever it jumps or stops
 *   (local playback: precise, and predicted in between from the wall clock);
 * - the player bar's position, which Spotify redraws once a second (Spotify Connect, where the
 *   media plays on another device; Firefox, which has no bridge): interpolated between redraws.
 * Like every Player, it calls back on discontinuities only; steady playback costs nothing here.
 */

/** Whole-second text against the element's exact time: how far apart they may be and agree. */
const AGREEMENT_SECONDS = 2.5;
/** An element whose length differs more from the bar's is not the episode (a Canvas, a preview). */
const DURATION_AGREEMENT_SECONDS = 3;

export interface ReceivedMedia {
  state: MediaState;
  at: number;
}

export interface BridgeReceiver {
  latest(): ReceivedMedia | null;
  seek(seconds: number): void;
  onMessage(callback: () => void, signal: AbortSignal): void;
}

/**
 * Listens for the main-world bridge. It is started by the adapter's watchPage, as soon as the
 * content script runs, because the bridge speaks only on discontinuities: a message missed before
 * the player is needed would not come again until the next pause or seek.
 */
export function startBridgeReceiver(win: Window, lifetime: AbortSignal, now: Now = performanceNow): BridgeReceiver {
  let latest: ReceivedMedia | null = null;
  const listeners = new Set<() => void>();
  win.addEventListener(
    'message',
    (event: MessageEvent) => {
      // Only this window's own messages; a frame or another tab cannot speak for the page's media.
      if (event.source !== win || event.origin !== win.location.origin) return;
      if (!isBridgeMediaMessage(event.data)) return;
      const { currentTime, duration, paused, rate } = event.data;
      latest = { state: { currentTime, duration, paused, rate }, at: now() };
      for (const listener of [...listeners]) listener();
    },
    { signal: lifetime },
  );
  return {
    latest: () => latest,
    seek(seconds) {
      win.postMessage(createSeekCommand(seconds), win.location.origin);
      // The element reports `seeked` a moment later; until then, the requested time is the best guess.
      if (latest) latest = { state: { ...latest.state, currentTime: seconds }, at: now() };
    },
    onMessage(callback, signal) {
      if (signal.aborted) return;
      listeners.add(callback);
      signal.addEventListener('abort', () => listeners.delete(callback), { once: true });
    },
  };
}

/** The element's time now, predicted from its last report. */
function predictMedia(media: ReceivedMedia, now: number): number {
  const { state, at } = media;
  const time = state.paused ? state.currentTime : state.currentTime + ((now - at) / 1000) * state.rate;
  return state.duration === null ? time : Math.min(state.duration, time);
}

export function createSpotifyPlayer(bar: PlayerBar, bridge: BridgeReceiver | null, now: Now = performanceNow): Player {
  const text = createTextClock(bar, now);

  /** The element's report, when the element is what plays the episode here; else the bar is the clock. */
  function episodeMedia(): { time: number; state: MediaState } | null {
    const received = bridge?.latest();
    if (!received) return null;
    const { state } = received;
    const barDuration = bar.duration();
    if (barDuration !== undefined && state.duration !== null && Math.abs(barDuration - state.duration) > DURATION_AGREEMENT_SECONDS) {
      return null;
    }
    const time = predictMedia(received, now());
    if (!state.paused) return { time, state };
    // Paused here while the bar plays on: playback moved to another device (Spotify Connect).
    if (!text.paused()) return null;
    // Both paused: the element is the precise clock, unless it stopped somewhere else long ago.
    return Math.abs(text.currentTime() - time) <= AGREEMENT_SECONDS ? { time, state } : null;
  }

  return {
    currentTime: () => episodeMedia()?.time ?? text.currentTime(),
    duration: () => bar.duration() ?? bridge?.latest()?.state.duration ?? undefined,
    paused: () => {
      const media = episodeMedia();
      return media ? media.state.paused : text.paused();
    },
    playbackRate: () => episodeMedia()?.state.rate ?? text.playbackRate(),
    interrupted: () => bar.adPlaying(),
    kind: () => (episodeMedia() ? 'bridge' : 'text'),
    seek(seconds) {
      const target = Math.max(0, seconds);
      if (bridge && episodeMedia()) bridge.seek(target);
      else bar.seek(target);
      text.expect(target);
    },
    onChange(callback, signal) {
      text.onChange(callback, signal);
      bridge?.onMessage(callback, signal);
    },
  };
}
