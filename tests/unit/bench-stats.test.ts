import { describe, expect, it } from 'vitest';
import { added, pairedRounds, pairedWindows, rotate, row, windowNote } from '../bench/stats';

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
  it("takes each round's mean of its paired windows, so drift on both sides cancels and a burst of either side's counts in full", () => {
    // One round's 10-s windows, shaped as seen on 2026-12-04: the machine slows for the second
    // half (both sides rise by 10), and one side's compositor bursts in one window.
    const ours = [[60, 61, 70, 71]];
    expect(pairedWindows(ours, [[57, 58, 67, 68]]).median).toBe(3);
    // A burst of 40 on Chapterbar's side is Chapterbar's until shown otherwise: a quarter of it per window.
    expect(pairedWindows([[60, 61, 110, 71]], [[57, 58, 67, 68]]).median).toBe(13);
    // The empty side's burst lowers the round as much; over rounds, the median keeps one round's burst from deciding.
    const estimate = pairedWindows(
      [ours[0]!, [50, 50, 50, 50], [80, 80, 80, 80]],
      [
        [57, 58, 67, 108],
        [45, 46, 47, 48],
        [78, 76, 77, 77],
      ],
    );
    expect(estimate.n).toBe(3);
    expect(estimate.min).toBe(-7); // the round with the empty side's burst
    expect(estimate.median).toBe(3); // rounds: −7, +3.5, +3
    expect(estimate.max).toBe(3.5);
  });

  it('pairs each round with its own: a round compared with another round would carry their drift', () => {
    // The machine ran 20 % slower in the second round, on both sides.
    const ours = [
      [55, 55],
      [66, 66],
      [56, 56],
    ];
    const empty = [
      [50, 50],
      [60, 60],
      [51, 51],
    ];
    expect(pairedWindows(ours, empty).median).toBe(5);
    expect(pairedWindows(ours, empty).max).toBe(6);
    expect(pairedRounds([250, 256, 252], [201, 213, 204]).median).toBe(48);
    expect(pairedRounds([250, 256, 252], [201, 213, 204]).min).toBe(43);
  });

  it('refuses sides of different shapes instead of comparing what is there', () => {
    expect(() => pairedRounds([1, 2], [1])).toThrow(/2 rounds/);
    expect(() => pairedWindows([[1, 2]], [[1]])).toThrow(/windows/);
    expect(() => pairedWindows([[1]], [[1], [2]])).toThrow(/rounds/);
  });

  it("shows each round's figure and the median of single windows in the row's note", () => {
    expect(windowNote([[60, 61, 110, 71]], [[57, 58, 67, 68]])).toBe(
      'rounds: 13.0 (the empty extension beside it: 62.5); median of single windows: 3.0',
    );
    // Edit mode against view mode names what it is against.
    expect(windowNote([[7, 8]], [[7, 7]], 'view mode')).toBe('rounds: 0.5 (view mode beside it: 7.0); median of single windows: 0.5');
  });

  it('rotates the extensions so that each takes each place in turn', () => {
    expect([0, 1, 2].map((round) => rotate(['ours', 'empty', 'control'], round))).toEqual([
      ['ours', 'empty', 'control'],
      ['empty', 'control', 'ours'],
      ['control', 'ours', 'empty'],
    ]);
  });
});
