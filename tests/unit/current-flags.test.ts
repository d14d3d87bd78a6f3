import { effect } from '@preact/signals-core';
import { describe, expect, it } from 'vitest';
import { createChapterClock } from '../../utils/sidebar/chapter-clock';
import { createStillPlayer } from './fake-player';

describe("the clock's 'am I current' flags", () => {
  const chapters = Array.from({ length: 1000 }, (_, i) => ({
    start: i * 10,
    title: `Chapter ${i}`,
    description: '',
    bullets: [] as string[],
  }));

  it('tells each chapter whether it is the current one, and a change reaches only the two it concerns', () => {
    const player = createStillPlayer(35, 10_000);
    const clock = createChapterClock(chapters, player, 0, new AbortController().signal);
    const runs = new Map<number, number>();
    const seen = new Map<number, boolean>();
    for (let i = 0; i < chapters.length; i++) {
      effect(() => {
        seen.set(i, clock.isActive(i).value);
        runs.set(i, (runs.get(i) ?? 0) + 1);
      });
    }
    expect([...seen].filter(([, on]) => on).map(([i]) => i)).toEqual([3]);
    runs.clear();
    player.seek(7005);
    expect([...runs.keys()].sort((a, b) => a - b)).toEqual([3, 700]);
    expect([...seen].filter(([, on]) => on).map(([i]) => i)).toEqual([700]);
    expect(clock.activeIndex.value).toBe(700);
  });

  it('answers a chapter first asked about after a change', () => {
    const player = createStillPlayer(0, 10_000);
    const clock = createChapterClock(chapters, player, 0, new AbortController().signal);
    player.seek(55);
    expect(clock.isActive(5).value).toBe(true);
    expect(clock.isActive(4).value).toBe(false);
  });
});
