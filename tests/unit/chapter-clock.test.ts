import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChapterClock } from '../../utils/sidebar/chapter-clock';
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

  it('keeps the same list when the media’s length arrives and changes no chapter’s end', () => {
    let duration: number | undefined;
    const fake = createFakePlayer();
    const player: Player = { ...fake.player, duration: () => duration };
    const ended = [...chapters.slice(0, 2), { ...chapters[2]!, end: 25 }];
    const clock = createChapterClock(ended, player, 0, new AbortController().signal);
    const before = clock.chapters.value;
    duration = 30;
    clock.sync();
    expect(clock.chapters.value).toBe(before);
    // Without an end of its own, the last chapter runs to the media's end: a new list.
    const open = createChapterClock(chapters, player, 0, new AbortController().signal);
    const first = open.chapters.value;
    duration = 40;
    open.sync();
    expect(open.chapters.value).not.toBe(first);
    expect(open.chapters.value.at(-1)?.end).toBe(40);
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

  it('reports progress within the chapter for the progress bar', () => {
    const fake = createFakePlayer();
    const clock = createChapterClock(chapters, fake.player, 0, new AbortController().signal);
    fake.player.seek(12.5);
    expect(clock.progress.value.fraction).toBeCloseTo(0.25);
    expect(clock.progress.value.remaining).toBeCloseTo(7.5);
  });

  it('draws progress again only on a real discontinuity', () => {
    const fake = createFakePlayer();
    const clock = createChapterClock(chapters, fake.player, 0, new AbortController().signal);
    fake.player.seek(11);
    fake.play();
    const drawn = clock.progress.value;
    expect(drawn).toMatchObject({ running: true });
    // Another look at the clock where the drawn progress already is (a `waiting`/`playing` pair, the popup).
    vi.advanceTimersByTime(3_000);
    clock.sync();
    fake.listeners.forEach((listener) => listener());
    expect(clock.progress.value).toBe(drawn);
    // A seek, a pause and a new rate each draw it again.
    fake.player.seek(12);
    expect(clock.progress.value).not.toBe(drawn);
    expect(clock.progress.value.remaining).toBeCloseTo(8);
    const sought = clock.progress.value;
    fake.pause();
    expect(clock.progress.value).toMatchObject({ running: false });
    expect(clock.progress.value).not.toBe(sought);
    fake.play();
    const playing = clock.progress.value;
    fake.setRate(2);
    expect(clock.progress.value).not.toBe(playing);
    expect(clock.progress.value.remaining).toBeCloseTo(4);
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

describe('looping a chapter', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('jumps back to the chapter’s start when its end is reached, on the boundary timer', () => {
    const fake = createFakePlayer(30);
    const clock = createChapterClock(chapters, fake.player, 0, new AbortController().signal);
    fake.player.seek(12);
    clock.setLoop(1);
    fake.play();
    expect(clock.loopIndex.value).toBe(1);
    // One timer, set for just before the chapter's end: no polling.
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(7_800);
    expect(fake.player.currentTime()).toBeCloseTo(19.8, 1);
    expect(clock.activeIndex.value).toBe(1);
    vi.advanceTimersByTime(100);
    // Back near 10 s: the next chapter never became current.
    expect(fake.player.currentTime()).toBeGreaterThanOrEqual(10);
    expect(fake.player.currentTime()).toBeLessThan(10.2);
    expect(clock.activeIndex.value).toBe(1);
    vi.advanceTimersByTime(9_900);
    expect(fake.player.currentTime()).toBeLessThan(20);
    expect(clock.activeIndex.value).toBe(1);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('loops the last chapter before the media ends', () => {
    const fake = createFakePlayer(30);
    const clock = createChapterClock(chapters, fake.player, 0, new AbortController().signal);
    fake.player.seek(25);
    clock.setLoop(2);
    fake.play();
    vi.advanceTimersByTime(5_000);
    expect(fake.player.currentTime()).toBeLessThan(30);
    expect(fake.player.currentTime()).toBeGreaterThanOrEqual(20);
  });

  it('stops when turned off, when the person seeks elsewhere, or when playback leaves the chapter', () => {
    const fake = createFakePlayer(30);
    const clock = createChapterClock(chapters, fake.player, 0, new AbortController().signal);
    fake.player.seek(12);
    clock.setLoop(1);
    fake.play();
    clock.setLoop(-1);
    vi.advanceTimersByTime(8_500);
    expect(clock.activeIndex.value).toBe(2);

    clock.seekTo(12);
    clock.setLoop(1);
    clock.seekTo(15);
    expect(clock.loopIndex.value).toBe(1);
    clock.seekTo(2);
    expect(clock.loopIndex.value).toBe(-1);

    clock.seekTo(12);
    clock.setLoop(1);
    fake.player.seek(25); // the site's own seek bar
    expect(clock.loopIndex.value).toBe(-1);
  });

  it('applies the offset: the loop seeks on the media’s timeline', () => {
    const fake = createFakePlayer(60);
    const clock = createChapterClock(chapters, fake.player, -5, new AbortController().signal);
    fake.player.seek(17); // document time 12
    clock.setLoop(1);
    fake.play();
    vi.advanceTimersByTime(8_000);
    expect(fake.player.currentTime()).toBeCloseTo(15, 0);
  });

  it('does not loop a chapter without an end', () => {
    const fake = createFakePlayer(30);
    const clock = createChapterClock(
      [{ start: 0, title: 'open', description: '', bullets: [] }],
      { ...fake.player, duration: () => undefined },
      0,
      new AbortController().signal,
    );
    clock.setLoop(0);
    expect(clock.loopIndex.value).toBe(-1);
  });
});
