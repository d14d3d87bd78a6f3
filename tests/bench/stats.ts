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
 * with the smallest and largest of them. Differences taken round by round instead pair launches
 * that share nothing but their place in time, and one launch of the empty extension in which
 * Chromium's compositor kept drawing (seen: 81 ms/s against 49) then decides a median of three.
 */
export function added(of: readonly number[], base: readonly number[]): Summary {
  return summarize(of.flatMap((a) => base.map((b) => a - b)));
}

/** Each launch's own figure, for the note under a row estimated with `added`. */
export const launches = (of: readonly number[], base: readonly number[]) =>
  `launches: ${of.map((v) => v.toFixed(1)).join(', ')}; empty extension: ${base.map((v) => v.toFixed(1)).join(', ')}`;

/**
 * What `of` adds over `base`, from windows measured at the same moments: the median over every
 * round's windows of (of − base), window by window. `of` and `base` hold one array of windows
 * per round.
 */
export function pairedWindows(of: readonly number[][], base: readonly number[][]): Summary {
  return summarize(of.flatMap((windows, round) => windows.map((v, w) => v - base[round]![w]!)));
}

/** What `of` adds over `base`, one figure per round: the median of the rounds' differences. */
export const pairedRounds = (of: readonly number[], base: readonly number[]): Summary => summarize(of.map((v, round) => v - base[round]!));

/** Each round's median window, for the note under a row estimated with `pairedWindows`. */
export const medianWindows = (of: readonly number[][], base: readonly number[][]) =>
  `median window of each launch: ${of.map((w) => summarize(w).median.toFixed(1)).join(', ')}; empty extension beside it: ${base
    .map((w) => summarize(w).median.toFixed(1))
    .join(', ')}`;

/** The mean of every window, as a launch-long average would read it: shown, not budgeted. */
export const meanAdded = (of: readonly number[][], base: readonly number[][]) => {
  const mean = (rounds: readonly number[][]) => {
    const all = rounds.flat();
    return all.reduce((a, b) => a + b, 0) / all.length;
  };
  return (mean(of) - mean(base)).toFixed(1);
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
