/*
 * The player bar's position as Spotify's clock where no media element reports (Spotify Connect,
 * where the media plays on another device; Firefox, which has no bridge): interpolated between
 * the bar's once-a-second redraws. spotify-player.ts combines it with the bridge's reports.
 */

/** What the clock needs from the player bar; spotify.ts reads the real DOM behind it. */
export interface PlayerBar {
  /** The element whose subtree holds everything below, observed for changes. */
  root(): Element | null;
  /** Where the bar says playback is; `precise` when it came in milliseconds, not whole seconds. */
  position(): { seconds: number; precise: boolean } | null;
  duration(): number | undefined;
  /** From the play/pause button; null when its label is in a language Chapterbar does not read. */
  playState(): 'playing' | 'paused' | null;
  adPlaying(): boolean;
  /** Moves playback as a drag of the progress bar would; false when there is no progress bar. */
  seek(seconds: number): boolean;
}

/** A jump larger than this between the bar and the prediction is a seek, not a redraw's jitter. */
const JUMP_SECONDS = 1.5;
/** With an unreadable play/pause label, a bar that has not advanced for this long has stopped. */
const STALE_MS = 2500;
/** After seeking, the bar may still show the old time for a redraw or two. */
const SEEK_GRACE_MS = 2000;
/** Spotify's podcast speeds: a measured rate is snapped to one of them, or ignored as noise. */
const PLAYBACK_RATES = [0.5, 0.8, 1, 1.2, 1.5, 2, 2.5, 3, 3.5];
const RATE_TOLERANCE = 0.06;
/** How long to watch the bar before trusting a measured rate: whole seconds need longer. */
const RATE_WINDOW_MS = { precise: 4000, whole: 10_000 };

export interface TextClock {
  currentTime(): number;
  paused(): boolean;
  playbackRate(): number;
  /** Our own seek: trust the requested time while the bar still shows the old one. */
  expect(seconds: number): void;
  onChange(callback: () => void, signal: AbortSignal): void;
}

export type Now = () => number;
export const performanceNow: Now = () => performance.now();

/**
 * The bar's position as a clock. Between redraws the time is predicted from the wall clock; each
 * redraw narrows it again: a millisecond position is taken as it is, a whole-second one only
 * clamps the prediction into its second, so the highlight neither jitters nor runs ahead.
 */
export function createTextClock(bar: PlayerBar, now: Now = performanceNow): TextClock {
  let started = false;
  let shown: { seconds: number; precise: boolean } | null = null;
  let anchor = { seconds: 0, at: 0 };
  let playing = false;
  let rate = 1;
  let lastAdvanceAt = Number.NEGATIVE_INFINITY;
  let ad = false;
  let rateSample: { seconds: number; at: number } | null = null;
  let pendingSeek: { from: number; until: number } | null = null;
  const listeners = new Set<() => void>();
  let observer: MutationObserver | null = null;
  let observed: Element | null = null;
  let staleTimer: ReturnType<typeof setTimeout> | undefined;
  let emitQueued = false;

  const predict = (t: number) => (playing ? anchor.seconds + ((t - anchor.at) / 1000) * rate : anchor.seconds);
  const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
  const reanchor = (seconds: number, t: number) => {
    anchor = { seconds, at: t };
    rateSample = null;
  };

  /**
   * Reads the bar and updates the prediction. A discontinuity is announced whoever noticed it
   * first (the observer, or a read between redraws), so none is lost to an early read.
   */
  function observe(): void {
    attach();
    if (update(now())) queueEmit();
  }

  function update(t: number): boolean {
    let discontinuity = false;
    const adNow = bar.adPlaying();
    if (adNow !== ad) {
      ad = adNow;
      discontinuity = true;
    }
    const reading = bar.position();
    if (!reading) return discontinuity;
    const changed = !shown || reading.seconds !== shown.seconds || reading.precise !== shown.precise;
    if (changed) {
      const step = shown ? reading.seconds - shown.seconds : 0;
      if (step > 0 && step <= 3) lastAdvanceAt = t;
      shown = reading;
    }
    const label = bar.playState();
    const playingNow = label === null ? t - lastAdvanceAt < STALE_MS : label === 'playing';
    scheduleStaleCheck(label === null && playingNow, t);

    if (!started) {
      started = true;
      playing = playingNow;
      reanchor(reading.seconds, t);
      return true;
    }
    // The times the reading allows: a whole second shown means somewhere within that second.
    const low = reading.seconds;
    const high = reading.precise ? low : low + 1;
    const stillOld =
      pendingSeek !== null && t < pendingSeek.until && Math.abs(low - pendingSeek.from) <= 3 && Math.abs(low - predict(t)) > JUMP_SECONDS;
    if (!stillOld) pendingSeek = null;
    if (playingNow !== playing) {
      // Started or stopped: continue from the best estimate the reading allows.
      const predicted = predict(t);
      playing = playingNow;
      reanchor(stillOld ? predicted : clamp(predicted, low, high), t);
      return true;
    }
    // Between redraws the prediction stands; only a fresh reading can correct it.
    if (stillOld || !changed) return discontinuity;
    if (!playing) {
      // A new position while paused is a seek (or the pause settling): take it.
      reanchor(low, t);
      return true;
    }
    const predicted = predict(t);
    const distance = predicted < low ? low - predicted : predicted > high ? predicted - high : 0;
    if (distance > JUMP_SECONDS) {
      reanchor(low, t);
      return true;
    }
    if (distance > 0) anchor = { seconds: clamp(predicted, low, high), at: t };
    return measureRate(low, reading.precise, t) || discontinuity;
  }

  /** Spotify plays podcasts at other speeds, and the bar does not say which: measure it. */
  function measureRate(seconds: number, precise: boolean, t: number): boolean {
    if (!rateSample) {
      rateSample = { seconds, at: t };
      return false;
    }
    const span = t - rateSample.at;
    if (span < (precise ? RATE_WINDOW_MS.precise : RATE_WINDOW_MS.whole)) return false;
    const measured = (seconds - rateSample.seconds) / (span / 1000);
    rateSample = { seconds, at: t };
    const nearest = PLAYBACK_RATES.reduce((best, candidate) =>
      Math.abs(candidate - measured) < Math.abs(best - measured) ? candidate : best,
    );
    if (nearest === rate || Math.abs(measured - nearest) > nearest * RATE_TOLERANCE) return false;
    anchor = { seconds: predict(t), at: t };
    rate = nearest;
    return true;
  }

  /** Only needed when the play state is inferred from motion: stopping makes no redraw to notice. */
  function scheduleStaleCheck(needed: boolean, t: number) {
    clearTimeout(staleTimer);
    staleTimer = undefined;
    if (!needed || listeners.size === 0) return;
    staleTimer = setTimeout(observe, Math.max(50, lastAdvanceAt + STALE_MS - t));
  }

  function queueEmit() {
    if (emitQueued || listeners.size === 0) return;
    emitQueued = true;
    queueMicrotask(() => {
      emitQueued = false;
      for (const listener of [...listeners]) listener();
    });
  }

  /** Observes the bar while anyone listens; follows it if Spotify renders a new one. */
  function attach() {
    if (listeners.size === 0) return;
    const root = bar.root();
    if (root === observed) return;
    observer?.disconnect();
    observed = root;
    if (!root) return;
    observer ??= new MutationObserver(observe);
    observer.observe(root, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['value', 'max', 'aria-label', 'data-testadtype'],
    });
  }

  function detach() {
    observer?.disconnect();
    observed = null;
    clearTimeout(staleTimer);
    staleTimer = undefined;
  }

  return {
    currentTime() {
      observe();
      return Math.max(0, predict(now()));
    },
    paused() {
      observe();
      return !playing;
    },
    playbackRate() {
      observe();
      return rate;
    },
    expect(seconds) {
      // Read the bar first, so the position it still shows is known as the old one.
      observe();
      const t = now();
      pendingSeek = { from: shown?.seconds ?? seconds, until: t + SEEK_GRACE_MS };
      reanchor(seconds, t);
    },
    onChange(callback, signal) {
      if (signal.aborted) return;
      listeners.add(callback);
      observe();
      signal.addEventListener(
        'abort',
        () => {
          listeners.delete(callback);
          if (listeners.size === 0) detach();
        },
        { once: true },
      );
    },
  };
}

/** The latest state the bridge reported, and when it arrived. */
