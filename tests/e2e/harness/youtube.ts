import type { Page } from 'playwright-core';

/**
 * Typed access from a test to the fixture YouTube's `window.__fixture` (tests/fixtures/sites/
 * youtube/app.js), which stands in for what a user or YouTube itself would do: navigate, show an
 * ad, switch to theater mode... Every method waits for the fixture's own promise, so after
 * `await fixture(page).navigate(id)` the yt-navigate-finish event has fired.
 */
export interface FixtureApi {
  /** Resolves when the page's first render is done (and its first navigate-finish fired). */
  ready(): Promise<void>;
  /** Resolves when #movie_player exists (later than `ready` with ?late=MS). */
  playerReady(): Promise<void>;
  navigate(videoId: string, options?: { replacePlayer?: boolean; metadataDelay?: number; fetchDelay?: number }): Promise<void>;
  navigateHome(): Promise<void>;
  /** Plays an ad in the main video; with `seconds` it ends by itself after that much ad time. */
  startAd(seconds?: number): Promise<void>;
  /** Resolves when the episode is back at the time it had when the ad started. */
  endAd(): Promise<void>;
  setTheater(on: boolean): Promise<void>;
  setFullscreen(on: boolean): Promise<void>;
  setDark(on: boolean): Promise<void>;
  hoverPreview(videoId: string): Promise<void>;
  endPreview(): Promise<void>;
  /** The main video's state (#movie_player's <video>, never the hover preview's). */
  video(): Promise<VideoState | null>;
  /** Navigation events fired so far, in order. */
  events(): Promise<FixtureEvent[]>;
}

export interface VideoState {
  currentTime: number;
  duration: number;
  paused: boolean;
  src: string;
  readyState: number;
}

export interface FixtureEvent {
  type: string;
  url: string;
  videoId: string | null;
  /** performance.now() in the page, ms. */
  at: number;
}

// The page-side object, as app.js defines it; declared here only for the evaluate callbacks.
interface PageFixture {
  ready: Promise<void>;
  playerReady: Promise<unknown>;
  events: FixtureEvent[];
  video(): HTMLVideoElement | null;
  [method: string]: unknown;
}
declare global {
  interface Window {
    __fixture: PageFixture;
  }
}

export function fixture(page: Page): FixtureApi {
  // Calls window.__fixture[method](...args) in the page and awaits its promise. The fixture
  // script is deferred, so wait for it to exist first.
  const call = async (method: string, ...args: unknown[]): Promise<void> => {
    await page.waitForFunction(() => window.__fixture !== undefined);
    await page.evaluate(
      async ([name, params]) => {
        const fn = window.__fixture[name as string] as (...a: unknown[]) => unknown;
        await fn(...(params as unknown[]));
      },
      [method, args] as const,
    );
  };
  return {
    ready: async () => {
      await page.waitForFunction(() => window.__fixture !== undefined);
      await page.evaluate(() => window.__fixture.ready);
    },
    playerReady: async () => {
      await page.waitForFunction(() => window.__fixture !== undefined);
      await page.evaluate(async () => void (await window.__fixture.playerReady));
    },
    navigate: (videoId, options = {}) => call('navigate', videoId, options),
    navigateHome: () => call('navigateHome'),
    startAd: (seconds) => (seconds === undefined ? call('startAd') : call('startAd', seconds)),
    endAd: () => call('endAd'),
    setTheater: (on) => call('setTheater', on),
    setFullscreen: (on) => call('setFullscreen', on),
    setDark: (on) => call('setDark', on),
    hoverPreview: (videoId) => call('hoverPreview', videoId),
    endPreview: () => call('endPreview'),
    video: () =>
      page.evaluate(() => {
        const v = window.__fixture?.video();
        return v
          ? { currentTime: v.currentTime, duration: v.duration, paused: v.paused, src: v.currentSrc || v.src, readyState: v.readyState }
          : null;
      }),
    events: () => page.evaluate(() => window.__fixture.events.slice()),
  };
}
