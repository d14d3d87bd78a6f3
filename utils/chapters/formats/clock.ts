import { formatClock, parseClock } from '../time';

/**
 * parseClock, rounded to whole milliseconds so that "2:21.883" reads as exactly 141.883 (adding the
 * fraction to the whole seconds can land one float step away, which breaks round trips).
 */
export function readClock(text: string): number | null {
  const seconds = parseClock(text);
  return seconds === null ? null : Math.round(seconds * 1000) / 1000;
}

/** formatClock that keeps milliseconds when there are any, so writing a time loses nothing readClock can read. */
export function writeClock(totalSeconds: number): string {
  const millis = Math.round(Math.max(0, totalSeconds) * 1000);
  const fraction = millis % 1000;
  const clock = formatClock(Math.floor(millis / 1000));
  return fraction === 0 ? clock : `${clock}.${String(fraction).padStart(3, '0')}`;
}
