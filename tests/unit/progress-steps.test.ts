import { signal } from '@preact/signals-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChapterProgress } from '../../utils/sidebar/chapter-clock';
import { fractionAt, MIN_STEP_MS, nextStepIn, stepProgress, wholePixels, type Ticks } from '../../utils/sidebar/progress-steps';

// A 100-s chapter, a quarter played at t = 1000 ms, playing at 1x.
const playing: ChapterProgress = { fraction: 0.25, remaining: 75, running: true, at: 1000 };

describe('progress in pixel steps', () => {
  it('moves with the clock while playing and stands still while paused', () => {
    expect(fractionAt(playing, 11_000)).toBeCloseTo(0.35);
    expect(fractionAt({ ...playing, running: false }, 11_000)).toBe(0.25);
    expect(fractionAt(playing, 1e9)).toBe(1);
  });

  it('wakes when the bar moves a whole pixel, never faster than MIN_STEP_MS, and never when it cannot move', () => {
    // 200 px over 100 s: a pixel every 500 ms; at 0.25 exactly, the next pixel is 51.
    expect(nextStepIn(playing, 1000, 200)).toBeCloseTo(500);
    expect(nextStepIn(playing, 1250, 200)).toBeCloseTo(250);
    // 2,000 px: a pixel every 50 ms, which is too often.
    expect(nextStepIn(playing, 1000, 2000)).toBe(MIN_STEP_MS);
    expect(nextStepIn({ ...playing, running: false }, 1000, 200)).toBeNull();
    expect(nextStepIn(playing, 1000, 0)).toBeNull();
    expect(nextStepIn({ ...playing, fraction: 1, remaining: 0 }, 1000, 200)).toBeNull();
  });

  it('counts a pixel as reached when the clock reads a hair short of it, so the next wake is a whole pixel later', () => {
    // 499.99 ms after 0.25 of 200 px: a timer set for pixel 51 read the clock 0.01 ms early.
    const now = 1000 + 499.99;
    expect(wholePixels(fractionAt(playing, now), 200)).toBe(51);
    // The next pixel, 52, is one pixel (500 ms) away, not MIN_STEP_MS.
    expect(nextStepIn(playing, now, 200)).toBeCloseTo(500, 0);
    expect(wholePixels(0.2549, 200)).toBe(50);
  });
});

describe('stepProgress', () => {
  let observed: { resize: (width: number) => void; intersect: (on: boolean) => void };
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    // Test DOMs lay nothing out: the observers report what a real one would.
    class FakeResize {
      constructor(private callback: (entries: unknown[]) => void) {}
      observe() {
        observed.resize = (width) => this.callback([{ contentRect: { width } }]);
      }
      disconnect() {}
    }
    class FakeIntersection {
      constructor(private callback: (entries: unknown[]) => void) {}
      observe() {
        observed.intersect = (on) => this.callback([{ isIntersecting: on }]);
      }
      disconnect() {}
    }
    observed = { resize: () => {}, intersect: () => {} };
    vi.stubGlobal('ResizeObserver', FakeResize);
    vi.stubGlobal('IntersectionObserver', FakeIntersection);
  });
  const lifetimes: AbortController[] = [];
  afterEach(() => {
    for (const lifetime of lifetimes.splice(0)) lifetime.abort();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  function setUp(ticks?: Ticks) {
    const track = document.createElement('div');
    const fill = document.createElement('div');
    track.append(fill);
    const progress = signal<ChapterProgress>({ ...playing, at: performance.now() });
    const lifetime = new AbortController();
    lifetimes.push(lifetime);
    stepProgress(fill, track, progress, lifetime.signal, ticks);
    observed.resize(200);
    observed.intersect(true);
    return { fill, progress, lifetime };
  }

  /** A player's redraw moments, fired by hand: the listeners it holds now, and every transform written. */
  function tickingPlayer() {
    const listeners = new Set<() => void>();
    const ticks: Ticks = (callback, signal) => {
      listeners.add(callback);
      signal.addEventListener('abort', () => listeners.delete(callback), { once: true });
    };
    return { ticks, listeners, tick: () => [...listeners].forEach((callback) => callback()) };
  }

  /** Every transform written to `fill` from now on, equal or not to the one it had. */
  function transformWrites(fill: HTMLElement) {
    const writes: string[] = [];
    const real = fill.style;
    const recorder = {
      get transform() {
        return real.transform;
      },
      set transform(value: string) {
        writes.push(value);
        real.transform = value;
      },
    };
    Object.defineProperty(fill, 'style', { configurable: true, get: () => recorder });
    return writes;
  }

  it("with the player's redraw moments, steps at the first one after each pixel, writes nothing between, and sets no timer", () => {
    const player = tickingPlayer();
    const { fill } = setUp(player.ticks);
    const writes = transformWrites(fill);
    expect(fill.style.transform).toBe('scaleX(0.25)');
    expect(vi.getTimerCount()).toBe(0);
    expect(player.listeners.size).toBe(1);
    // 200 px over 100 s: a pixel every 500 ms. A moment 250 ms in has no new pixel to show.
    vi.advanceTimersByTime(250);
    player.tick();
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(250);
    player.tick();
    expect(writes).toEqual([`scaleX(${51 / 200})`]);
    // Timers would have stepped without the page; with ticks, only a tick draws.
    vi.advanceTimersByTime(5000);
    expect(writes).toHaveLength(1);
    player.tick();
    expect(fill.style.transform).toBe(`scaleX(${61 / 200})`);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('listens to no redraw moment while paused, out of view, in a hidden tab, or after its lifetime', () => {
    const player = tickingPlayer();
    const { fill, progress, lifetime } = setUp(player.ticks);
    progress.value = { ...progress.peek(), running: false };
    expect(player.listeners.size).toBe(0);
    progress.value = { ...progress.peek(), running: true, at: performance.now() };
    expect(player.listeners.size).toBe(1);
    observed.intersect(false);
    expect(player.listeners.size).toBe(0);
    vi.advanceTimersByTime(10_000);
    observed.intersect(true);
    expect(fill.style.transform).toBe(`scaleX(${70 / 200})`);
    expect(player.listeners.size).toBe(1);
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(player.listeners.size).toBe(0);
    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(player.listeners.size).toBe(1);
    lifetime.abort();
    expect(player.listeners.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('steps a pixel at a time while playing, with no timer between steps', () => {
    const { fill } = setUp();
    expect(fill.style.transform).toBe('scaleX(0.25)');
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(500);
    expect(fill.style.transform).toBe(`scaleX(${51 / 200})`);
    vi.advanceTimersByTime(5000);
    expect(fill.style.transform).toBe(`scaleX(${61 / 200})`);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('holds no timer while paused, out of view, in a hidden tab, or after its lifetime', () => {
    const { fill, progress, lifetime } = setUp();
    vi.advanceTimersByTime(2000);
    progress.value = { fraction: fractionAt(progress.peek(), performance.now()), remaining: 71, running: false, at: performance.now() };
    expect(fill.style.transform).toBe(`scaleX(${54 / 200})`);
    expect(vi.getTimerCount()).toBe(0);

    progress.value = { ...progress.peek(), running: true, at: performance.now() };
    expect(vi.getTimerCount()).toBe(1);
    observed.intersect(false);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10_000);
    observed.intersect(true);
    // Drawn where playback is now, as soon as it can be seen.
    expect(fill.style.transform).toBe(`scaleX(${74 / 200})`);
    expect(vi.getTimerCount()).toBe(1);

    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(vi.getTimerCount()).toBe(0);
    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(vi.getTimerCount()).toBe(1);

    lifetime.abort();
    expect(vi.getTimerCount()).toBe(0);
  });
});
