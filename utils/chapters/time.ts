/** Parses "m:ss", "mm:ss" or "h:mm:ss" (optionally with ".fff"); null when it is not a time. */
export function parseClock(text: string): number | null {
  const match = /^(?:(\d{1,3}):)?(\d{1,3}):(\d{2})(?:[.,](\d{1,3}))?$/.exec(text.trim());
  if (!match) return null;
  const [, h, m, s, frac] = match;
  const minutes = Number(m);
  const seconds = Number(s);
  if (seconds >= 60 || (h !== undefined && minutes >= 60)) return null;
  const fraction = frac ? Number(`0.${frac}`) : 0;
  return Number(h ?? 0) * 3600 + minutes * 60 + seconds + fraction;
}

/** "1:02:03" for an hour or more, "2:03" below; fractions are dropped for display. */
export function formatClock(totalSeconds: number): string {
  const whole = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
