import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it, vi } from 'vitest';
import { Sidebar } from '../../../components/sidebar/Sidebar';
import { episodeSchema } from '../../../utils/chapters/schema';
import { createChapterClock } from '../../../utils/sidebar/chapter-clock';
import { createSidebarState } from '../../../utils/sidebar/state';
import type { Player } from '../../../utils/sites/types';

// The wiring from a player's redraw moments to the current row's progress bar: with a player that
// has them (YouTube's media element), the bar listens to them and sets no step timer of its own.

const episode = episodeSchema.parse({
  id: 'e',
  show: 'Show',
  title: 'Episode',
  chapters: [
    { start: 0, end: 60, title: 'Opening', description: '', bullets: [] },
    { start: 60, end: 120, title: 'Middle', description: '', bullets: [] },
  ],
});

afterEach(() => vi.unstubAllGlobals());

it("steps the current row's bar at the player's redraw moments, listening only while it is shown", () => {
  // Test DOMs lay nothing out: the observers report a 200-px bar in view, as a real page would.
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(private callback: (entries: unknown[]) => void) {}
      observe() {
        this.callback([{ contentRect: { width: 200 } }]);
      }
      disconnect() {}
    },
  );
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(private callback: (entries: unknown[]) => void) {}
      observe() {
        this.callback([{ isIntersecting: true }]);
      }
      disconnect() {}
    },
  );
  const ticking = new Set<() => void>();
  const player: Player = {
    currentTime: () => 70,
    duration: () => 120,
    paused: () => false,
    playbackRate: () => 1,
    interrupted: () => false,
    seek: () => {},
    onChange: () => {},
    onTick(callback, signal) {
      ticking.add(callback);
      signal.addEventListener('abort', () => ticking.delete(callback), { once: true });
    },
  };
  const lifetime = new AbortController();
  const clock = createChapterClock(episode.chapters, player, 0, lifetime.signal);
  const state = createSidebarState(episode, clock, { layout: 'column', theme: 'dark', collapsed: false });
  const root = document.createElement('div');
  document.body.append(root);
  const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
  try {
    act(() => render(<Sidebar state={state} />, root));
    expect(root.querySelector('li[aria-current="true"] .cb-progress')).not.toBeNull();
    expect(ticking.size).toBe(1);
    // The bar's fill is drawn at 10 of 60 s, in whole pixels of its 200.
    const fill = root.querySelector<HTMLElement>('li[aria-current="true"] .cb-progress-fill')!;
    expect(fill.style.transform).toBe(`scaleX(${Math.floor((10 / 60) * 200) / 200})`);
    // No step timer: only the clock's own wait for the next chapter (60 s away) may be set.
    const waits = setTimeoutSpy.mock.calls.map(([, ms]) => ms).filter((ms) => typeof ms === 'number' && ms < 30_000);
    expect(waits).toEqual([]);
  } finally {
    act(() => render(null, root));
    root.remove();
    lifetime.abort();
    setTimeoutSpy.mockRestore();
  }
  expect(ticking.size).toBe(0);
});
