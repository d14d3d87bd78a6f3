import type { Page } from 'playwright-core';
import { EPISODE_VIDEO_ID, fixture, type LaunchedBrowser } from '../e2e/harness/index.ts';
import { SIDEBAR_PROBE } from './probes.ts';
import { row, type Row } from './stats.ts';

/*
 * Time to sidebar as a person meets it most: a link, a reload or a new tab opens the watch page
 * with the player in it from the start, and the extension's worker has gone to sleep (Chromium
 * stops an idle MV3 worker after 30 s). Measured from the player's <video> entering the page to
 * all 16 chapters shown.
 */

const LOADS = 12;

/** Stops every service worker of the browser (the extension's included) and waits until it is gone. */
async function stopWorkers(browser: LaunchedBrowser, page: Page) {
  const worker = browser.context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  const closed = worker ? new Promise<void>((done) => worker.once('close', () => done())) : Promise.resolve();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await Promise.race([closed, new Promise((_, fail) => setTimeout(() => fail(new Error('bench: the extension worker did not stop')), 10_000))]);
}

export async function directLoad(browser: LaunchedBrowser, rows: Row[]): Promise<void> {
  const stopped: number[] = [];
  const running: number[] = [];
  const page = await browser.newPage();
  await page.addInitScript(SIDEBAR_PROBE);
  const url = `https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}&paused=1`;
  // A first load, so that what the extension keeps between pages exists, as it would for a person.
  await page.goto(url);
  await fixture(page).ready();
  await page.waitForFunction(() => window.__bench.sidebarAt.length > 0, null, { timeout: 15_000 });
  for (let i = 0; i < 2 * LOADS; i++) {
    const stop = i % 2 === 0;
    if (stop) await stopWorkers(browser, page);
    await page.goto(url);
    await page.waitForFunction(() => window.__bench.sidebarAt.length > 0 && window.__bench.videoAt.length > 0, null, { timeout: 15_000 });
    (stop ? stopped : running).push(await page.evaluate(() => window.__bench.sidebarAt[0]! - window.__bench.videoAt[0]!));
  }
  rows.push(row('time to sidebar: direct load, worker stopped first', 'ms', stopped, 50, 'the player in the page from the start; from its <video> entering the page to all 16 chapters shown'));
  rows.push(row('time to sidebar: direct load, worker running', 'ms', running, 50));
  await page.close();
}
