import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EPISODE_VIDEO_ID,
  fixture,
  launchBrowser,
  startServer,
  type FixtureServer,
  type LaunchedBrowser,
  axSidebar,
  type AxLocator,
  settledLookup,
} from './harness/index.ts';

// The extension is updated (here: reloaded, which Chrome treats the same way: runtime.onInstalled
// with reason "update") while tabs are open. The old content script must stop cleanly, and the new
// one, which the background runs in those tabs (utils/background/reinject.ts), must take over: exactly one
// working sidebar, no errors.

let server: FixtureServer;
let browser: LaunchedBrowser;
let page: Page;
let other: Page;

const sidebar = (p: Page = page): AxLocator => axSidebar(p);
const hosts = (p: Page = page) => p.locator('chapterbar-sidebar');
const currentLabel = (p: Page = page) => sidebar(p).locator('li[aria-current="true"] button.cb-seek').getAttribute('aria-label');
const isExtensionWorker = (worker: Worker) => worker.url().startsWith('chrome-extension://');

/** Counts sidebars in the page at every DOM change, so that even a moment with two is caught. */
async function watchSidebarCount(p: Page) {
  await p.evaluate(() => {
    const w = window as unknown as { __maxSidebars: number };
    w.__maxSidebars = document.querySelectorAll('chapterbar-sidebar').length;
    new MutationObserver(() => {
      w.__maxSidebars = Math.max(w.__maxSidebars, document.querySelectorAll('chapterbar-sidebar').length);
    }).observe(document, { childList: true, subtree: true });
  });
}
const maxSidebars = (p: Page) => p.evaluate(() => (window as unknown as { __maxSidebars: number }).__maxSidebars);

/** Reloads the extension from its own service worker and waits for the new worker. */
async function reloadExtension() {
  const worker = browser.context.serviceWorkers().find(isExtensionWorker)!;
  const next = browser.context.waitForEvent('serviceworker', { predicate: (w) => isExtensionWorker(w) && w !== worker, timeout: 15_000 });
  // Deferred, so that the evaluation returns before the worker it runs in ends.
  await worker.evaluate(
    () => void setTimeout(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload(), 50),
  );
  await next;
}

/**
 * Chromium disables an extension loaded from the command line when it reloads, unless developer
 * mode is on ("unsupported developer extension"), as it would be for anyone reloading an unpacked
 * extension by hand. A store update is not affected.
 */
async function enableDeveloperMode() {
  const extensions = await browser.context.newPage();
  await extensions.goto('chrome://extensions');
  await extensions.evaluate(
    () =>
      new Promise<void>((done) => {
        const chromeApi = (
          globalThis as unknown as { chrome: { developerPrivate: { updateProfileConfiguration(c: object, cb: () => void): void } } }
        ).chrome;
        chromeApi.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }, done);
      }),
  );
  await extensions.close();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser({ server });
  await enableDeveloperMode();
  page = await browser.newPage();
  other = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('an update while tabs are open', () => {
  it('replaces the old sidebar with exactly one working new one', async () => {
    await page.goto(`https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}&paused=1`);
    await fixture(page).ready();
    await sidebar().waitFor();
    await other.goto('https://www.youtube.com/watch?v=dQw4w9WgXcQ&paused=1');
    await fixture(other).ready();
    await watchSidebarCount(page);
    await watchSidebarCount(other);
    const oldHost = await hosts().elementHandle();

    for (let round = 1; round <= 2; round++) {
      await reloadExtension();
      // The old sidebar goes, the new one comes; never two at once.
      await expect.poll(() => oldHost!.evaluate((element) => element.isConnected), { timeout: 10_000 }).toBe(false);
      await sidebar().waitFor({ timeout: 10_000 });
      expect(await hosts().count()).toBe(1);
      expect(await maxSidebars(page)).toBe(1);

      // The new one works: it follows the media and seeks it.
      await page.evaluate((t) => void (document.querySelector<HTMLVideoElement>('#movie_player video')!.currentTime = t), 600 + round);
      await expect.poll(currentLabel).toMatch(/^9:10 /);
      await sidebar()
        .getByRole('button', { name: /^19:42 / })
        .click();
      await expect.poll(async () => (await fixture(page).video())!.currentTime).toBeGreaterThanOrEqual(19 * 60 + 42);
      await expect.poll(currentLabel).toMatch(/^19:42 /);
    }

    // Navigation now reaches only the new script: the old one left no listener that would bring
    // back a second sidebar.
    await fixture(page).navigate('dQw4w9WgXcQ');
    await expect.poll(() => hosts().count()).toBe(0);
    await fixture(page).navigate(EPISODE_VIDEO_ID);
    await sidebar().waitFor();
    // The new script has decided (an orphaned old one cannot reach the library to decide anything).
    expect(await settledLookup(page, { mediaId: EPISODE_VIDEO_ID })).toBe('confident');
    expect(await hosts().count()).toBe(1);
    expect(await maxSidebars(page)).toBe(1);

    // The tab without an episode got the new script too, and still shows nothing...
    expect(await hosts(other).count()).toBe(0);
    expect(await maxSidebars(other)).toBe(0);
    // ...until it plays the episode.
    await fixture(other).navigate(EPISODE_VIDEO_ID);
    await sidebar(other).waitFor();
    expect(await hosts(other).count()).toBe(1);
  });

  it('logged no errors, in the pages or the extension (the old scripts stopped cleanly)', () => {
    expect(browser.consoleErrors.map((error) => `${error.source}: ${error.text} ${error.location}`)).toEqual([]);
  });
});
