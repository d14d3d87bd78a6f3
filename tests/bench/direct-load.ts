import type { Page } from 'playwright-core';
import { EPISODE_VIDEO_ID, fixture, type LaunchedBrowser } from '../e2e/harness/index.ts';
import { BenchProbe } from './probes.ts';
import { row, summarize, type Row } from './stats.ts';

/*
 * Time to sidebar as a person meets it most: a link, a reload or a new tab opens the watch page
 * with the player in it from the start, and the extension's worker has gone to sleep (Chromium
 * stops an idle MV3 worker after 30 s). Measured from the player's <video> entering the page to
 * all 16 chapters shown.
 */

const LOADS = 12;

/**
 * The extension's worker targets now running, or with `stop`, closed: the target's close is how
 * Chromium stops an idle worker (`ServiceWorker.stopAllWorkers` through the page's session reaches
 * only the page's own workers). Asked through the browser's targets, not by evaluating in the
 * worker: a stopped worker that nothing wakes (a page whose load asks it nothing) never answers.
 */
async function extensionWorkers(page: Page, stop = false): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const workers = targetInfos.filter((target) => target.type === 'service_worker' && target.url.startsWith('chrome-extension://'));
  if (stop) for (const { targetId } of workers) await cdp.send('Target.closeTarget', { targetId });
  await cdp.detach();
  return workers.map((target) => target.targetId);
}

export async function directLoad(browser: LaunchedBrowser, rows: Row[]): Promise<void> {
  const stopped: number[] = [];
  const running: number[] = [];
  const page = await browser.newPage();
  const probe = await BenchProbe.attach(page);
  const url = `https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}&paused=1`;
  // A first load, so that what the extension keeps between pages exists, as it would for a person.
  await page.goto(url);
  await fixture(page).ready();
  await probe.until((b) => b.sidebarAt.length > 0);
  let restarted = 0;
  const parsed: number[] = [];
  for (let i = 0; i < 2 * LOADS; i++) {
    const stop = i % 2 === 0;
    if (stop) {
      // Away first, so that the page's content script cannot wake the worker before the load.
      await page.goto('about:blank');
      await extensionWorkers(page, true);
    }
    probe.leaving();
    await page.goto(url);
    await probe.until((b) => b.sidebarAt.length > 0 && b.videoAt.length > 0);
    const times = await probe.evaluate((b) => ({
      sidebar: b.sidebarAt[0]! - b.videoAt[0]!,
      parsed: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart - b.videoAt[0]!,
    }));
    (stop ? stopped : running).push(times.sidebar);
    if (stop) parsed.push(times.parsed);
    // A worker running after a load that began with none: the load woke it.
    if (stop && (await extensionWorkers(page)).length > 0) restarted++;
  }
  rows.push(
    row(
      'time to sidebar: direct load, worker stopped first',
      'ms',
      stopped,
      50,
      `the player in the page from the start; from its <video> entering the page to all 16 chapters shown; a new worker ran in ${restarted} of ${LOADS} loads; the document was parsed ${summarize(parsed).median.toFixed(1)} ms after the <video> came`,
    ),
  );
  rows.push(row('time to sidebar: direct load, worker running', 'ms', running, 50));
  await probe.detach();
  await page.close();
}
