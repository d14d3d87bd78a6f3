/** Median, min and max of a sample; the bench quotes medians because machines here are noisy. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, n };
  const mid = n >> 1;
  const median = n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[n - 1]!, n };
}

/**
 * What `of` adds over `base` when each value is a launch of its own: the median of the differences
 * between every value of `of` and every value of `base` (the Hodges–Lehmann estimate of a shift),
 * with the smallest and largest of them. The page's main-thread differences still use it, beside
 * the rows that count Chapterbar's own samples (own-script.ts) and without budgets; their rounds
 * are side by side too, so `pairedRounds` would serve them as well.
 */
export function added(of: readonly number[], base: readonly number[]): Summary {
  return summarize(of.flatMap((a) => base.map((b) => a - b)));
}

/** Each launch's own figure, for the note under a row estimated with `added`. */
export const launches = (of: readonly number[], base: readonly number[]) =>
  `launches: ${of.map((v) => v.toFixed(1)).join(', ')}; empty extension: ${base.map((v) => v.toFixed(1)).join(', ')}`;

/** `items` shifted left by `by` places: each item takes each place in turn over as many rounds. */
export const rotate = <T>(items: readonly T[], by: number): T[] => items.map((_, i) => items[(i + by) % items.length]!);

function sameShape(of: readonly unknown[], base: readonly unknown[], what: string): void {
  if (of.length !== base.length) throw new Error(`bench: ${of.length} ${what} of one side against ${base.length} of the other`);
}

/** What `of` adds over `base`, one figure per round: the median of the rounds' differences. */
export function pairedRounds(of: readonly number[], base: readonly number[]): Summary {
  sameShape(of, base, 'rounds');
  return summarize(of.map((v, round) => v - base[round]!));
}

/**
 * What `of` adds over `base` from windows measured at the same moments, as the budgets ask: each
 * round's figure is the mean of its window-by-window differences (over the whole span, so a cost
 * that comes in bursts counts in full, whichever side it falls on), and the row is the median of
 * the rounds' figures. `of` and `base` hold one array of windows per round, of equal lengths.
 */
export function pairedWindows(of: readonly number[][], base: readonly number[][]): Summary {
  sameShape(of, base, 'rounds');
  return pairedRounds(
    of.map((windows, round) => {
      sameShape(windows, base[round]!, 'windows');
      return windows.reduce((sum, v, w) => sum + (v - base[round]![w]!), 0) / windows.length;
    }),
    base.map(() => 0),
  );
}

/**
 * The median of every window's difference, pooled over rounds: a diagnostic beside `pairedWindows`.
 * Where it sits well under the mean, the difference comes in bursts (Chromium's own fall on either
 * side and cancel in the mean only over many rounds).
 */
export function medianOfWindows(of: readonly number[][], base: readonly number[][]): number {
  sameShape(of, base, 'rounds');
  return summarize(of.flatMap((windows, round) => windows.map((v, w) => v - base[round]![w]!))).median;
}

/** The note under a row estimated with `pairedWindows`: each round's figure, and the pooled median window. */
export const windowNote = (of: readonly number[][], base: readonly number[][], baseName = 'the empty extension') => {
  const mean = (windows: readonly number[]) => windows.reduce((a, b) => a + b, 0) / windows.length;
  return `rounds: ${of.map((w, r) => (mean(w) - mean(base[r]!)).toFixed(1)).join(', ')} (${baseName} beside it: ${base
    .map((w) => mean(w).toFixed(1))
    .join(', ')}); median of single windows: ${medianOfWindows(of, base).toFixed(1)}`;
};

export interface Row {
  name: string;
  unit: string;
  median: number;
  min: number;
  max: number;
  /** The budget the median must stay within; null for figures reported without one. */
  budget: number | null;
  holds: boolean | null;
  note?: string;
}

export function row(name: string, unit: string, values: readonly number[] | Summary, budget: number | null, note?: string): Row {
  const s = Array.isArray(values) ? summarize(values) : (values as Summary);
  return {
    name,
    unit,
    median: s.median,
    min: s.min,
    max: s.max,
    budget,
    holds: budget === null ? null : Number.isFinite(s.median) && s.median <= budget,
    note,
  };
}

const fmt = (value: number) => {
  if (!Number.isFinite(value)) return 'n/a';
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (value !== 0 && Math.abs(value) < 0.01) return value.toPrecision(2);
  return value.toFixed(2);
};

export function printTable(rows: readonly Row[]): void {
  const header = ['measure', 'median', 'min', 'max', 'budget', 'holds'];
  const lines = rows.map((r) => [
    r.name,
    `${fmt(r.median)} ${r.unit}`,
    fmt(r.min),
    fmt(r.max),
    r.budget === null ? '-' : `≤ ${fmt(r.budget)}`,
    r.holds === null ? '-' : r.holds ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const print = (cells: string[]) => console.log(cells.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  print(header);
  print(widths.map((w) => '-'.repeat(w)));
  lines.forEach(print);
  for (const r of rows) if (r.note) console.log(`  ${r.name}: ${r.note}`);
}
