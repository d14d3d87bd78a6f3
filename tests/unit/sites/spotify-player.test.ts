import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMediaMessage, type MediaState } from '../../../utils/sites/spotify-bridge-protocol';
import {
  createSpotifyPlayer,
  createTextClock,
  startBridgeReceiver,
  type BridgeReceiver,
  type PlayerBar,
} from '../../../utils/sites/spotify-player';

const now = () => Date.now();

/** Lets the MutationObserver deliver and the clock's queued call back run. */
async function settle() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

/** A player bar whose contents the test sets; `redraw` changes it the way Spotify's React does. */
function createFakeBar(initial: Partial<FakeBarState> = {}) {
  const root = document.createElement('footer');
  document.body.append(root);
  const state: FakeBarState = { seconds: 10, precise: false, label: 'playing', duration: 2702, ad: false, ...initial };
  const seeks: number[] = [];
  const bar: PlayerBar = {
    root: () => root,
    position: () => ({ seconds: state.seconds, precise: state.precise }),
    duration: () => state.duration,
    playState: () => state.label,
    adPlaying: () => state.ad,
    seek: (seconds) => {
      seeks.push(seconds);
      return true;
    },
  };
  let generation = 0;
  return {
    bar,
    state,
    seeks,
    async redraw(change: Partial<FakeBarState>) {
      Object.assign(state, change);
      root.setAttribute('value', String(++generation));
      await settle();
    },
    remove: () => root.remove(),
  };
}
interface FakeBarState {
  seconds: number;
  precise: boolean;
  label: 'playing' | 'paused' | null;
  duration: number | undefined;
  ad: boolean;
}

function listen(subscribe: (callback: () => void, signal: AbortSignal) => void) {
  const controller = new AbortController();
  const calls = { count: 0 };
  subscribe(() => calls.count++, controller.signal);
  return { calls, stop: () => controller.abort() };
}

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('createTextClock: the bar’s position as a clock', () => {
  it('interpolates between whole-second redraws while playing, calling back only at the start', async () => {
    const fake = createFakeBar({ seconds: 10 });
    const clock = createTextClock(fake.bar, now);
    const { calls } = listen(clock.onChange);
    await settle();
    expect(calls.count).toBe(1);
    expect(clock.currentTime()).toBe(10);
    vi.advanceTimersByTime(500);
    expect(clock.currentTime()).toBeCloseTo(10.5, 5);
    vi.advanceTimersByTime(500);
    await fake.redraw({ seconds: 11 });
    vi.advanceTimersByTime(500);
    expect(clock.currentTime()).toBeCloseTo(11.5, 5);
    for (let second = 12; second < 40; second++) {
      vi.advanceTimersByTime(1000);
      await fake.redraw({ seconds: second });
    }
    expect(clock.currentTime()).toBeCloseTo(39.5, 5);
    expect(calls.count).toBe(1);
    expect(clock.paused()).toBe(false);
  });

  it('keeps the prediction within the second the bar shows', async () => {
    const fake = createFakeBar({ seconds: 10 });
    const clock = createTextClock(fake.bar, now);
    const { calls } = listen(clock.onChange);
    await settle();
    // A late redraw: "11" at 11.3 s predicted is consistent, and the prediction stands.
    vi.advanceTimersByTime(1300);
    await fake.redraw({ seconds: 11 });
    expect(clock.currentTime()).toBeCloseTo(11.3, 5);
    // The bar is a second ahead of the prediction (12.3 → "13"): the time is at least 13.
    vi.advanceTimersByTime(1000);
    await fake.redraw({ seconds: 13 });
    expect(clock.currentTime()).toBe(13);
    // The prediction runs ahead of a slow bar (13.9 vs "12"): at most just under 13.
    vi.advanceTimersByTime(900);
    await fake.redraw({ seconds: 12 });
    expect(clock.currentTime()).toBe(13);
    expect(calls.count).toBe(1);
  });

  it('calls back on a jump, and takes the new position', async () => {
    const fake = createFakeBar({ seconds: 10 });
    const clock = createTextClock(fake.bar, now);
    const { calls } = listen(clock.onChange);
    await settle();
    vi.advanceTimersByTime(1000);
    await fake.redraw({ seconds: 600 });
    expect(calls.count).toBe(2);
    expect(clock.currentTime()).toBe(600);
    // Back by two whole seconds is within the text's precision ("598" is 598–599 s)...
    await fake.redraw({ seconds: 598 });
    expect(calls.count).toBe(2);
    // ...back by ten is a jump.
    await fake.redraw({ seconds: 590 });
    expect(calls.count).toBe(3);
    expect(clock.currentTime()).toBe(590);
  });

  it('calls back when playback stops and starts, and stands still in between', async () => {
    const fake = createFakeBar({ seconds: 10 });
    const clock = createTextClock(fake.bar, now);
    const { calls } = listen(clock.onChange);
    await settle();
    vi.advanceTimersByTime(400);
    await fake.redraw({ label: 'paused' });
    expect(calls.count).toBe(2);
    expect(clock.paused()).toBe(true);
    const stoppedAt = clock.currentTime();
    expect(stoppedAt).toBeCloseTo(10.4, 5);
    vi.advanceTimersByTime(5000);
    expect(clock.currentTime()).toBe(stoppedAt);
    await fake.redraw({ label: 'playing' });
    expect(calls.count).toBe(3);
    vi.advanceTimersByTime(1000);
    expect(clock.currentTime()).toBeCloseTo(11.4, 5);
  });

  it('takes a new position while paused (a seek) and calls back', async () => {
    const fake = createFakeBar({ seconds: 10, label: 'paused' });
    const clock = createTextClock(fake.bar, now);
    const { calls } = listen(clock.onChange);
    await settle();
    await fake.redraw({ seconds: 10.4, precise: true });
    expect(calls.count).toBe(2);
    expect(clock.currentTime()).toBe(10.4);
  });

  it('takes millisecond positions as they are', async () => {
    const fake = createFakeBar({ seconds: 136.499, precise: true });
    const clock = createTextClock(fake.bar, now);
    listen(clock.onChange);
    await settle();
    vi.advanceTimersByTime(1000);
    await fake.redraw({ seconds: 137.42 });
    expect(clock.currentTime()).toBe(137.42);
  });

  it('measures a faster speed from the bar, and calls back once it knows', async () => {
    const fake = createFakeBar({ seconds: 100, precise: true });
    const clock = createTextClock(fake.bar, now);
    const { calls } = listen(clock.onChange);
    await settle();
    for (let i = 1; i <= 6; i++) {
      vi.advanceTimersByTime(1000);
      await fake.redraw({ seconds: 100 + 1.5 * i });
    }
    expect(clock.playbackRate()).toBe(1.5);
    expect(calls.count).toBe(2);
    vi.advanceTimersByTime(600);
    expect(clock.currentTime()).toBeCloseTo(109 + 0.9, 5);
  });

  it('measures speed from whole seconds too, but only over a long enough window', async () => {
    const fake = createFakeBar({ seconds: 100 });
    const clock = createTextClock(fake.bar, now);
    listen(clock.onChange);
    await settle();
    let shown = 100;
    for (let ms = 250; ms <= 12_000; ms += 250) {
      vi.advanceTimersByTime(250);
      const next = Math.floor(100 + (ms / 1000) * 2);
      if (next !== shown) await fake.redraw({ seconds: (shown = next) });
      if (ms === 6000) expect(clock.playbackRate()).toBe(1);
    }
    expect(clock.playbackRate()).toBe(2);
  });

  it('infers playing from motion when it cannot read the button, and notices a stop', async () => {
    const fake = createFakeBar({ seconds: 10, label: null });
    const clock = createTextClock(fake.bar, now);
    const { calls } = listen(clock.onChange);
    await settle();
    expect(clock.paused()).toBe(true);
    vi.advanceTimersByTime(1000);
    await fake.redraw({ seconds: 11 });
    expect(clock.paused()).toBe(false);
    expect(calls.count).toBe(2);
    vi.advanceTimersByTime(1000);
    await fake.redraw({ seconds: 12 });
    expect(calls.count).toBe(2);
    // No redraw for 2.5 s: the bar stopped.
    await vi.advanceTimersByTimeAsync(2600);
    await settle();
    expect(calls.count).toBe(3);
    expect(clock.paused()).toBe(true);
  });

  it('trusts its own seek while the bar still shows the old time', async () => {
    const fake = createFakeBar({ seconds: 100 });
    const clock = createTextClock(fake.bar, now);
    const { calls } = listen(clock.onChange);
    await settle();
    clock.expect(391);
    vi.advanceTimersByTime(300);
    await fake.redraw({ seconds: 101 });
    expect(clock.currentTime()).toBeCloseTo(391.3, 5);
    vi.advanceTimersByTime(300);
    await fake.redraw({ seconds: 391 });
    expect(clock.currentTime()).toBeCloseTo(391.6, 5);
    expect(calls.count).toBe(1);
  });

  it('calls back when an ad starts and ends', async () => {
    const fake = createFakeBar();
    const clock = createTextClock(fake.bar, now);
    const { calls } = listen(clock.onChange);
    await settle();
    await fake.redraw({ ad: true });
    expect(calls.count).toBe(2);
    await fake.redraw({ ad: false });
    expect(calls.count).toBe(3);
  });

  it('stops observing the bar when its last listener goes', async () => {
    const fake = createFakeBar();
    const clock = createTextClock(fake.bar, now);
    const { calls, stop } = listen(clock.onChange);
    await settle();
    stop();
    await fake.redraw({ seconds: 900 });
    expect(calls.count).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});

/** A bridge receiver whose reports the test sets. */
function createFakeBridge(state: MediaState | null) {
  let latest = state ? { state, at: now() } : null;
  const seeks: number[] = [];
  const listeners = new Set<() => void>();
  const bridge: BridgeReceiver = {
    latest: () => latest,
    seek: (seconds) => void seeks.push(seconds),
    onMessage: (callback, signal) => {
      listeners.add(callback);
      signal.addEventListener('abort', () => listeners.delete(callback));
    },
  };
  return {
    bridge,
    seeks,
    report(next: MediaState) {
      latest = { state: next, at: now() };
      listeners.forEach((listener) => listener());
    },
  };
}

describe('createSpotifyPlayer: the element when it plays the episode, else the bar', () => {
  const playing: MediaState = { currentTime: 100.37, duration: 2702.01, paused: false, rate: 1 };

  it('follows the element’s reported time, predicted between reports', () => {
    const fake = createFakeBar({ seconds: 100 });
    const player = createSpotifyPlayer(fake.bar, createFakeBridge(playing).bridge, now);
    expect(player.currentTime()).toBeCloseTo(100.37, 5);
    vi.advanceTimersByTime(2500);
    expect(player.currentTime()).toBeCloseTo(102.87, 5);
    expect(player.paused()).toBe(false);
    expect(player.duration()).toBe(2702);
  });

  it('follows the bar when the element stopped here but the bar plays on (Spotify Connect)', () => {
    const fake = createFakeBar({ seconds: 1500 });
    const player = createSpotifyPlayer(fake.bar, createFakeBridge({ ...playing, paused: true }).bridge, now);
    expect(player.currentTime()).toBe(1500);
    expect(player.paused()).toBe(false);
  });

  it('uses a paused element only where the paused bar agrees with it', () => {
    const agreeing = createSpotifyPlayer(
      createFakeBar({ seconds: 100, label: 'paused' }).bar,
      createFakeBridge({ ...playing, paused: true }).bridge,
      now,
    );
    expect(agreeing.currentTime()).toBe(100.37);
    const elsewhere = createSpotifyPlayer(
      createFakeBar({ seconds: 900, label: 'paused' }).bar,
      createFakeBridge({ ...playing, paused: true }).bridge,
      now,
    );
    expect(elsewhere.currentTime()).toBe(900);
  });

  it('ignores an element of another length than the bar’s (a looping clip, a preview)', () => {
    const fake = createFakeBar({ seconds: 1500 });
    const player = createSpotifyPlayer(fake.bar, createFakeBridge({ ...playing, duration: 8 }).bridge, now);
    expect(player.currentTime()).toBe(1500);
  });

  it('seeks the element through the bridge, or drags the bar when there is no element', () => {
    const withElement = createFakeBar({ seconds: 100 });
    const fakeBridge = createFakeBridge(playing);
    createSpotifyPlayer(withElement.bar, fakeBridge.bridge, now).seek(391);
    expect(fakeBridge.seeks).toEqual([391]);
    expect(withElement.seeks).toEqual([]);

    const connect = createFakeBar({ seconds: 100 });
    const player = createSpotifyPlayer(connect.bar, null, now);
    player.seek(-4);
    player.seek(391);
    expect(connect.seeks).toEqual([0, 391]);
    expect(player.currentTime()).toBe(391);
  });

  it('calls back on the bridge’s reports and on the bar’s discontinuities', async () => {
    const fake = createFakeBar({ seconds: 100 });
    const fakeBridge = createFakeBridge(playing);
    const player = createSpotifyPlayer(fake.bar, fakeBridge.bridge, now);
    const { calls } = listen(player.onChange);
    await settle();
    const initial = calls.count;
    fakeBridge.report({ ...playing, currentTime: 700 });
    expect(calls.count).toBe(initial + 1);
    expect(player.currentTime()).toBe(700);
    await fake.redraw({ label: 'paused' });
    expect(calls.count).toBe(initial + 2);
  });

  it('reports an ad as an interruption', () => {
    const fake = createFakeBar({ ad: true });
    expect(createSpotifyPlayer(fake.bar, null, now).interrupted()).toBe(true);
  });
});

describe('startBridgeReceiver', () => {
  const post = (data: unknown, init: { source?: MessageEventSource | null; origin?: string } = {}) =>
    window.dispatchEvent(
      new MessageEvent('message', {
        data,
        source: init.source === undefined ? window : init.source,
        origin: init.origin ?? location.origin,
      }),
    );

  it('keeps the latest valid report from this window, and nothing else', () => {
    const controller = new AbortController();
    const receiver = startBridgeReceiver(window, controller.signal, now);
    const { calls } = listen(receiver.onMessage);
    const report = createMediaMessage({ currentTime: 12, duration: 2702, paused: false, rate: 1 });
    post(report, { source: null });
    post(report, { origin: 'https://evil.example' });
    post({ ...report, currentTime: Number.NaN });
    post({ ...report, currentTime: 1e12 });
    expect(receiver.latest()).toBeNull();
    expect(calls.count).toBe(0);
    post(report);
    expect(receiver.latest()).toEqual({ state: { currentTime: 12, duration: 2702, paused: false, rate: 1 }, at: now() });
    expect(calls.count).toBe(1);
    controller.abort();
    post({ ...report, currentTime: 30 });
    expect(receiver.latest()?.state.currentTime).toBe(12);
  });

  it('sends a seek command to its own origin, and expects the element there meanwhile', () => {
    const sent: Array<[unknown, string]> = [];
    const fakeWindow = {
      location: { origin: 'https://open.spotify.com' },
      addEventListener: window.addEventListener.bind(window),
      postMessage: (data: unknown, origin: string) => sent.push([data, origin]),
    } as unknown as Window;
    const receiver = startBridgeReceiver(fakeWindow, new AbortController().signal, now);
    receiver.seek(391);
    expect(sent).toEqual([[{ source: 'chapterbar:content', v: 1, type: 'seek', time: 391 }, 'https://open.spotify.com']]);
  });
});
