import { describe, expect, it } from 'vitest';
import { added, pairedRounds, pairedWindows, row } from '../bench/stats';

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

describe("the bench's estimate from extensions run side by side", () => {
  it('pairs windows read at the same moment, so drift that falls on both cancels and a burst in one window does not decide it', () => {
    // One round's 10-s windows, shaped as seen on 2026-12-04: the machine slows for the second
    // half (both sides rise by 10), and the empty side's compositor bursts in one window.
    const ours = [[60, 61, 70, 71]];
    const empty = [[57, 58, 67, 120]];
    const estimate = pairedWindows(ours, empty);
    expect(estimate.n).toBe(4);
    // Differences 3, 3, 3, −49: the burst is one of four.
    expect(estimate.median).toBe(3);
    expect(estimate.min).toBe(-49);
    // Pooled over rounds, window by window within each.
    expect(pairedWindows([[5, 5], [9]], [[1, 1], [1]]).median).toBe(4);
  });

  it('pairs per-round figures round by round', () => {
    expect(pairedRounds([250, 256, 252], [201, 213, 204]).median).toBe(48);
    expect(pairedRounds([250, 256, 252], [201, 213, 204]).n).toBe(3);
  });
});
