import { describe, expect, it } from 'vitest';
import { added, row } from '../bench/stats';

describe("the bench's estimate of what Chapterbar adds over the empty extension", () => {
  it('is the median of every difference between the two sides, so one runaway launch on either side does not decide it', () => {
    // Launches seen on 2026-12-04: the second empty launch's compositor kept drawing.
    const ours = [54.0, 55.4, 53.4];
    const empty = [48.6, 80.8, 49.1];
    // Round by round the differences are 5.4, −25.4 and 4.3: their median rests on which launch
    // happened to share a round with the runaway one. Every pair: 3 of 9 take it in, the median does not.
    const estimate = added(ours, empty);
    expect(estimate.n).toBe(9);
    expect(estimate.median).toBeCloseTo(4.8, 5);
    expect(estimate.min).toBeCloseTo(53.4 - 80.8, 5);
    expect(estimate.max).toBeCloseTo(55.4 - 48.6, 5);
    // An outlier among Chapterbar's own launches counts against it no more than one among the empty's.
    expect(added([54.0, 85.0, 53.4], [48.6, 49.0, 49.1]).median).toBeCloseTo(5.0, 5);
  });

  it('holds a budget only with a finite median within it', () => {
    expect(row('x', 'ms/s', added([6, 7, 8], [1, 1, 1]), 5).holds).toBe(false);
    expect(row('x', 'ms/s', added([5, 6, 5], [1, 1, 1]), 5).holds).toBe(true);
    expect(row('x', 'ms/s', added([], [1]), 5).holds).toBe(false);
  });
});
