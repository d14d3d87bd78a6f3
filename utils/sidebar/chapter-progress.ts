/** Where playback stood in the current chapter at `at`, enough to draw progress until the next change. */
export interface ChapterProgress {
  /** 0..1 of the current chapter already played. */
  fraction: number;
  /** Wall-clock seconds until the chapter ends at the current rate. */
  remaining: number;
  running: boolean;
  /** performance.now() when this was read from the player. */
  at: number;
}

/** 0..1 of the chapter played at `now` (performance.now()), as `progress` says it runs. */
export function fractionAt({ fraction, remaining, running, at }: ChapterProgress, now: number): number {
  // remaining / (1 - fraction): the chapter's whole length in wall-clock seconds at the current rate.
  return running && fraction < 1 && remaining > 0 ? Math.min(1, fraction + ((now - at) / 1000 / remaining) * (1 - fraction)) : fraction;
}
