import { describe, expect, it } from 'vitest';
import { findActiveChapter, previousChapterTarget, resolveChapterEnds } from '../../../utils/chapters/active';

const chapters = [
  { start: 0, title: 'a', description: '', bullets: [] },
  { start: 135, title: 'b', description: '', bullets: [] },
  { start: 271, end: 359, title: 'c', description: '', bullets: [] },
];

describe('findActiveChapter', () => {
  it.each([
    [-1, -1],
    [0, 0],
    [134.99, 0],
    [135, 1],
    [270, 1],
    [271, 2],
    [10_000, 2],
  ])('at %s s it is chapter %s', (time, expected) => {
    expect(findActiveChapter(chapters, time)).toBe(expected);
  });

  it('agrees with a linear scan on 2,000 chapters', () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({ start: i * 7 }));
    for (let t = 0; t < 14_000; t += 3.3) {
      const linear = many.findLastIndex((c) => c.start <= t);
      expect(findActiveChapter(many, t)).toBe(linear);
    }
  });
});

describe('resolveChapterEnds', () => {
  it('closes open chapters with the next start, then the media duration', () => {
    const resolved = resolveChapterEnds([chapters[0]!, chapters[1]!], 300);
    expect(resolved.map((c) => c.end)).toEqual([135, 300]);
  });
  it('keeps an explicit end and leaves the last open without a duration', () => {
    expect(resolveChapterEnds(chapters).map((c) => c.end)).toEqual([135, 271, 359]);
    expect(resolveChapterEnds([chapters[0]!]).map((c) => c.end)).toEqual([Infinity]);
  });
});

describe('previousChapterTarget', () => {
  it('goes to the start of the current chapter when well into it', () => {
    expect(previousChapterTarget(chapters, 200)).toBe(1);
  });
  it('goes to the previous chapter right after a boundary', () => {
    expect(previousChapterTarget(chapters, 136)).toBe(0);
  });
  it('stays on the first chapter', () => {
    expect(previousChapterTarget(chapters, 1)).toBe(0);
  });
});
