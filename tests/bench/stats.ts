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
