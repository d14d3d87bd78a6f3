import type { Player } from '../../utils/sites/types';

/** A paused player at a media time the test moves by seeking; listeners hear every seek. */
export function createStillPlayer(start = 0, duration = 180): Player {
  let time = start;
  const listeners = new Set<() => void>();
  return {
    currentTime: () => time,
    duration: () => duration,
    paused: () => true,
    playbackRate: () => 1,
    interrupted: () => false,
    seek(seconds) {
      time = seconds;
      listeners.forEach((listener) => listener());
    },
    onChange(callback, signal) {
      listeners.add(callback);
      signal.addEventListener('abort', () => listeners.delete(callback), { once: true });
    },
  };
}
