import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChapterClock } from '../../utils/chapter-clock';
import type { Player } from '../../utils/sites/types';

/** A player whose time advances with vitest's fake clock, like a media element would. */
function createFakePlayer(duration = 300) {
  let base = 0;
  let startedAt = 0;
  let paused = true;
  let rate = 1;
  let ad = false;
  const listeners = new Set<() => void>();
  const now = () => Date.now();
  const time = () => (paused ? base : base + ((now() - startedAt) / 1000) * rate);
  const emit = () => listeners.forEach((listener) => listener());
  const player: Player = {
    currentTime: time,
    duration: () => duration,
    paused: () => paused,
    playbackRate: () => rate,
    interrupted: () => ad,
    seek(seconds) {
      base = seconds;
      startedAt = now();
      emit();
    },
    onChange(callback, signal) {
      listeners.add(callback);
      signal.addEventListener('abort', () => listeners.delete(callback));
    },
  };
  return {
    player,
    listeners,
    play() {
      base = time();
      startedAt = now();
      paused = false;
      emit();
    },
    pause() {
      base = time();
      paused = true;
      emit();
    },
    setRate(value: number) {
      base = time();
      startedAt = now();
      rate = value;
      emit();
    },
    setAd(value: boolean) {
      ad = value;
      emit();
    },
  };
}

const chapters = [
  { start: 0, title: 'one', description: '', bullets: [] },
  { start: 10, title: 'two', description: '', bullets: [] },
  { start: 20, title: 'three', description: '', bullets: [] },
];

describe('createChapterClock', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('moves the highlight at each boundary by scheduling, not ticking', () => {
    const fake = createFakePlayer(30);
    const clock = createChapterClock(chapters, fake.player, 0, new AbortController().signal);
    expect(clock.activeIndex.value).toBe(0);
    fake.play();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(9_900);
    expect(clock.activeIndex.value).toBe(0);
    vi.advanceTimersByTime(200);
    expect(clock.activeIndex.value).toBe(1);
    vi.advanceTimersByTime(10_000);
    expect(clock.activeIndex.value).toBe(2);
  });

  it('holds no timer while paused', () => {
    const fake = createFakePlayer();
    const clock = createChapterClock(chapters, fake.player, 0, new AbortController().signal);
    fake.play();
    fake.pause();
    expect(vi.getTimerCount()).toBe(0);
    expect(clock.progress.value.running).toBe(false);
  });

  it('follows seeks and playback rate', () => {
    const fake = createFakePlayer();
    const clock = createChapterClock(chapters, fake.player, 0, new AbortController().signal);
    fake.player.seek(15);
    expect(clock.activeIndex.value).toBe(1);
    fake.setRate(2);
    fake.play();
    vi.advanceTimersByTime(2_400);
    expect(clock.activeIndex.value).toBe(1);
    vi.advanceTimersByTime(200);
    expect(clock.activeIndex.value).toBe(2);
  });

  it('reports progress within the chapter for the CSS animation', () => {
    const fake = createFakePlayer();
    const clock = createChapterClock(chapters, fake.player, 0, new AbortController().signal);
    fake.player.seek(12.5);
    expect(clock.progress.value.fraction).toBeCloseTo(0.25);
    expect(clock.progress.value.remaining).toBeCloseTo(7.5);
  });

  it('applies the site offset both ways', () => {
    const fake = createFakePlayer();
    const clock = createChapterClock(chapters, fake.player, -120, new AbortController().signal);
    fake.player.seek(131);
    expect(clock.activeIndex.value).toBe(1);
    clock.seekTo(20);
    expect(fake.player.currentTime()).toBe(140);
    clock.setOffset(-125);
    expect(clock.activeIndex.value).toBe(1);
  });

  it('does not follow an ad’s time', () => {
    const fake = createFakePlayer();
    const clock = createChapterClock(chapters, fake.player, 0, new AbortController().signal);
    fake.player.seek(15);
    fake.setAd(true);
    fake.player.seek(2);
    expect(clock.activeIndex.value).toBe(1);
    fake.setAd(false);
    expect(clock.activeIndex.value).toBe(0);
  });

  it('lets go of the player and its timer when aborted', () => {
    const fake = createFakePlayer();
    const lifetime = new AbortController();
    createChapterClock(chapters, fake.player, 0, lifetime.signal);
    fake.play();
    lifetime.abort();
    expect(fake.listeners.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
