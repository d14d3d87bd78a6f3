import { afterEach, describe, expect, it, vi } from 'vitest';
import { createChapterClock } from '../../utils/sidebar/chapter-clock';
import { showProgressMarkers } from '../../utils/sidebar/progress-markers';
import type { Player } from '../../utils/sites/types';

// The content script's stylesheet, which the background serves; held back per test where it matters.
const stylesheet = vi.hoisted(() => ({ next: () => Promise.resolve('.tick {}') }));
vi.mock('../../utils/sidebar/stylesheet', async (original) => ({
  ...(await original<typeof import('../../utils/sidebar/stylesheet')>()),
  loadStylesheet: () => stylesheet.next(),
}));
/** Lets the stylesheet's promise settle, after which the marks go on the bar. */
const styled = () => new Promise((resolve) => setTimeout(resolve, 0));

const chapters = [
  { start: 0, title: 'Intro', description: '', bullets: [] },
  { start: 45, title: 'Chips', description: '', bullets: [] },
  { start: 90, title: 'Wafers', description: '', bullets: [] },
];

const player = (duration: number | null = 180): Player => ({
  currentTime: () => 0,
  duration: () => duration ?? undefined,
  paused: () => true,
  playbackRate: () => 1,
  interrupted: () => false,
  seek() {},
  onChange() {},
});

function progressBar() {
  const bar = document.createElement('div');
  bar.className = 'ytp-progress-bar-container';
  bar.getBoundingClientRect = () => ({ left: 100, top: 0, width: 900, height: 5, right: 1000, bottom: 5, x: 100, y: 0, toJSON() {} });
  document.body.append(bar);
  return bar;
}

// The marks' root is closed (the page must not read chapter titles from it): the test keeps the
// roots the code attaches, as only the browser itself could otherwise.
const roots = new WeakMap<Element, ShadowRoot>();
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
  const root = attachShadow.call(this, init);
  roots.set(this, root);
  return root;
};
const rootOf = (host: Element) => roots.get(host)!;
const ticks = (bar: HTMLElement) => [...rootOf(bar.querySelector('chapterbar-markers')!).querySelectorAll<HTMLElement>('.tick')];
const tip = (bar: HTMLElement) => rootOf(bar.querySelector('chapterbar-markers')!).querySelector<HTMLElement>('.tip')!;

afterEach(() => document.body.replaceChildren());

describe('chapter marks on the progress bar', () => {
  it('draws a tick at each chapter start past the bar’s left edge, on the media’s timeline', async () => {
    const bar = progressBar();
    const lifetime = new AbortController();
    const clock = createChapterClock(chapters, player(), 0, lifetime.signal);
    showProgressMarkers(() => bar, clock, player(), lifetime.signal);
    await styled();
    const lefts = () => ticks(bar).map((tick) => parseFloat(tick.style.left));
    expect(lefts()).toEqual([25, 50]);
    // The chapters run 9 s behind this edition: each mark moves 9 s (5 %) later, the first one too.
    clock.setOffset(-9);
    expect(lefts()).toEqual([5, 30, 55]);
  });

  it('is hidden from assistive technology (the sidebar is the accessible list)', async () => {
    const bar = progressBar();
    const lifetime = new AbortController();
    showProgressMarkers(() => bar, createChapterClock(chapters, player(), 0, lifetime.signal), player(), lifetime.signal);
    await styled();
    expect(bar.querySelector('chapterbar-markers')!.getAttribute('aria-hidden')).toBe('true');
  });

  it('names the chapter under the pointer, from the bar’s own events, without taking them', async () => {
    const bar = progressBar();
    const lifetime = new AbortController();
    showProgressMarkers(() => bar, createChapterClock(chapters, player(), 0, lifetime.signal), player(), lifetime.signal);
    await styled();
    const move = new PointerEvent('pointermove', { clientX: 100 + 900 * 0.6, bubbles: true, cancelable: true });
    bar.dispatchEvent(move);
    expect(move.defaultPrevented).toBe(false);
    expect(tip(bar).hidden).toBe(false);
    expect(tip(bar).textContent).toBe('Wafers');
    // Near a tick, its chapter is named even from just before it.
    bar.dispatchEvent(new PointerEvent('pointermove', { clientX: 100 + 225 - 4 }));
    expect(tip(bar).textContent).toBe('Chips');
    bar.dispatchEvent(new PointerEvent('pointerleave'));
    expect(tip(bar).hidden).toBe(true);
  });

  it('draws nothing until the media knows its length', async () => {
    const bar = progressBar();
    const lifetime = new AbortController();
    showProgressMarkers(() => bar, createChapterClock(chapters, player(null), 0, lifetime.signal), player(null), lifetime.signal);
    await styled();
    expect(ticks(bar)).toEqual([]);
  });

  it('draws again when the media’s length changes, though every chapter has its end', async () => {
    const bar = progressBar();
    const lifetime = new AbortController();
    let duration = 180;
    const listeners: Array<() => void> = [];
    const media: Player = { ...player(), duration: () => duration, onChange: (callback) => void listeners.push(callback) };
    const ended = chapters.map((chapter, i) => ({ ...chapter, end: chapters[i + 1]?.start ?? 120 }));
    showProgressMarkers(() => bar, createChapterClock(ended, media, 0, lifetime.signal), media, lifetime.signal);
    await styled();
    const lefts = () => ticks(bar).map((tick) => parseFloat(tick.style.left));
    expect(lefts()).toEqual([25, 50]);
    duration = 360;
    for (const listener of listeners) listener();
    expect(lefts()).toEqual([12.5, 25]);
  });

  it('goes on the bar only once its styles are in, and never when the session ended first', async () => {
    let deliver: (css: string) => void = () => {};
    stylesheet.next = () => new Promise<string>((resolve) => (deliver = resolve));
    const bar = progressBar();
    const lifetime = new AbortController();
    showProgressMarkers(() => bar, createChapterClock(chapters, player(), 0, lifetime.signal), player(), lifetime.signal);
    expect(bar.querySelector('chapterbar-markers')).toBeNull();
    deliver('.tick { width: 2px }');
    await styled();
    const host = bar.querySelector('chapterbar-markers')!;
    expect(host.shadowRoot).toBeNull();
    // The page's one parsed sheet (sidebar-stylesheet.test.ts), not a <style> of its own.
    expect(rootOf(host).adoptedStyleSheets).toHaveLength(1);
    expect(rootOf(host).querySelector('style')).toBeNull();

    const ended = new AbortController();
    const other = progressBar();
    showProgressMarkers(() => other, createChapterClock(chapters, player(), 0, ended.signal), player(), ended.signal);
    ended.abort();
    deliver('.tick {}');
    await styled();
    expect(other.querySelector('chapterbar-markers')).toBeNull();
    stylesheet.next = () => Promise.resolve('.tick {}');
  });

  it('goes with its session, and comes back when the site rebuilds its bar', async () => {
    const bar = progressBar();
    const lifetime = new AbortController();
    let current = bar;
    const markers = showProgressMarkers(
      () => current,
      createChapterClock(chapters, player(), 0, lifetime.signal),
      player(),
      lifetime.signal,
    );
    await styled();
    current = progressBar();
    markers.refresh();
    expect(bar.querySelector('chapterbar-markers')).toBeNull();
    expect(current.querySelector('chapterbar-markers')).not.toBeNull();
    lifetime.abort();
    expect(document.querySelector('chapterbar-markers')).toBeNull();
  });
});
