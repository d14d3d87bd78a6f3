import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath, type FixtureServer } from '../e2e/harness/index.ts';

/*
 * A Chromium whose tabs can be hidden. In Playwright's own launch a page behind another tab still
 * reads `document.visibilityState` "visible". Checked 2026-12-05 on Chromium 156: the same two tabs
 * driven over plain CDP, or by Playwright attached with `connectOverCDP({ noDefaults: true })`,
 * read "hidden" once another tab came to the front. Of what `noDefaults` leaves out, focus
 * emulation (`Emulation.setFocusEmulationEnabled`, which Playwright turns on in every page it
 * drives) is the likely cause; not traced into Chromium. So this Chromium is started by the bench
 * itself and Playwright attaches to it without its defaults, nor its own switches (such as
 * --disable-renderer-backgrounding: a hidden tab here is backgrounded as a person's would be).
 */

export interface HideableBrowser {
  context: BrowserContext;
  /** A new tab in the front: the page that was in front is hidden. The first call reuses the blank tab. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Chromium announces its DevTools endpoint on stderr once it listens. */
function endpointOf(child: ReturnType<typeof spawn>): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stderr! });
    let said = '';
    lines.on('line', (line) => {
      said += `${line}\n`;
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(line);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`bench: Chromium exited (${code}) before it listened:\n${said.slice(-2000)}`)));
  });
}

export async function launchHideable({ server, extensions }: { server: FixtureServer; extensions: string[] }): Promise<HideableBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'chapterbar-bench-'));
  const child = spawn(
    chromiumPath(),
    [
      ...chromiumArgs(server, extensions),
      '--headless',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      '--window-size=1400,900',
      '--disable-features=BackgroundVideoPauseOptimization',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let browser: Browser;
  try {
    browser = await chromium.connectOverCDP(await endpointOf(child), { noDefaults: true });
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    await rm(profile, { recursive: true, force: true, maxRetries: 5 });
    throw error;
  }
  // Drains what Chromium says, so a full pipe never stalls it.
  child.stderr!.resume();
  const context = browser.contexts()[0]!;
  let blank: Page | undefined = context.pages()[0];
  return {
    context,
    async newPage() {
      const page = blank ?? (await context.newPage());
      blank = undefined;
      await page.bringToFront();
      return page;
    },
    async close() {
      // Playwright only disconnects from a browser it did not launch.
      await browser.close().catch(() => {});
      child.kill('SIGTERM');
      await exited;
      // Chromium's helpers may still be writing to the profile just after the browser exits.
      await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}
