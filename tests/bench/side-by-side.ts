import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { launchBrowser, type FixtureServer, type LaunchedBrowser } from '../e2e/harness/index.ts';
import { findBrowserPid, treeCpuMs } from './process-cpu.ts';

/*
 * Whole-browser CPU compared at the same moments. Measured one after another, launches of the
 * same empty extension differed by 10-15 ms/s while playing: the machine (a shared VM) runs faster
 * or slower from minute to minute, and that falls on every thread of a launch at once. So the
 * extensions compared run side by side, one Chromium each, on the same page at the same time, and
 * their CPU is read at the same instants.
 *
 * Within one launch of the empty extension, the playing page's 15-s windows ranged from 43 to
 * 120 ms/s (2026-12-04, Chromium 156): now and then Chromium's own compositor and its GPU
 * process's IO thread run three to six times busier for 15-45 s, in no extension's doing. Those
 * fall on either side and make a round's figure noisy, not biased: a round is the mean of its
 * paired windows (a cost of Chapterbar's that comes in bursts counts in full), and the median of
 * the rounds (stats.ts, pairedWindows) keeps one round's burst from deciding a row.
 */

/** A round's span is read in windows this long: their median shows in each row's note whether a cost comes in bursts. */
export const WINDOW_SECONDS = 10;

/** One Chromium of a side-by-side run: its page and its whole process tree's CPU counter. */
export interface Contender {
  browser: LaunchedBrowser;
  page: Page;
  /** CPU milliseconds of the browser's whole process tree, counted from the launch. */
  cpuMs(): number;
}

/** Launches one Chromium per extension, all at once, and closes them all whatever `body` does. */
export async function sideBySide<T>(server: FixtureServer, extensionPaths: string[], body: (all: Contender[]) => Promise<T>): Promise<T> {
  const launched = await Promise.allSettled(extensionPaths.map((extensionPath) => launchBrowser({ server, extensionPath })));
  const browsers = launched.flatMap((l) => (l.status === 'fulfilled' ? [l.value] : []));
  let result: T | undefined;
  let failure: { error: unknown } | undefined;
  try {
    const failed = launched.find((l): l is PromiseRejectedResult => l.status === 'rejected');
    if (failed) throw failed.reason;
    const all = await Promise.all(
      browsers.map(async (browser, i) => {
        const pid = findBrowserPid(extensionPaths[i]!);
        treeCpuMs(pid); // starts the counter
        return { browser, page: await browser.newPage(), cpuMs: () => treeCpuMs(pid) };
      }),
    );
    result = await body(all);
  } catch (error) {
    failure = { error };
  }
  // Every browser closed before the next round launches; the body's error comes first.
  const closed = await Promise.allSettled(browsers.map((b) => b.close()));
  if (failure) throw failure.error;
  const refused = closed.find((c): c is PromiseRejectedResult => c.status === 'rejected');
  if (refused) throw refused.reason;
  return result as T;
}

/**
 * Each contender's whole-browser CPU in ms per second, over consecutive windows of `windowSeconds`
 * (the last one shorter when `seconds` is not a multiple), all read at the same instants.
 */
export async function cpuWindows(all: Contender[], seconds: number, windowSeconds = WINDOW_SECONDS): Promise<number[][]> {
  const rates: number[][] = all.map(() => []);
  let last = all.map((c) => c.cpuMs());
  for (let done = 0; done < seconds; done += windowSeconds) {
    const span = Math.min(windowSeconds, seconds - done);
    // A bench measures over durations; tests never do.
    await sleep(span * 1000);
    const now = all.map((c) => c.cpuMs());
    now.forEach((ms, i) => rates[i]!.push((ms - last[i]!) / span));
    last = now;
  }
  return rates;
}
