/**
 * Normal Play Time as Podlove uses it: [[h:]m:]s[.fraction]. Minutes and seconds below 60 when a
 * larger unit is present; plain seconds may be any count. Rounded to milliseconds.
 */
export function readNormalPlayTime(text: string): number | null {
  const parts = text.trim().split(':');
  if (parts.length > 3) return null;
  const secondsMatch = /^(\d{1,9})(?:\.(\d{1,9}))?$/.exec(parts[parts.length - 1] ?? '');
  if (!secondsMatch) return null;
  const seconds = Number(secondsMatch[1]);
  const fraction = secondsMatch[2] ? Number(`0.${secondsMatch[2]}`) : 0;
  const larger = parts.slice(0, -1);
  if (larger.some((part) => !/^\d{1,6}$/.test(part))) return null;
  const [hours, minutes] = larger.length === 2 ? larger.map(Number) : [0, Number(larger[0] ?? 0)];
  if (larger.length > 0 && seconds >= 60) return null;
  if (larger.length === 2 && (minutes ?? 0) >= 60) return null;
  const total = (hours ?? 0) * 3600 + (minutes ?? 0) * 60 + seconds + fraction;
  return Math.round(total * 1000) / 1000;
}
