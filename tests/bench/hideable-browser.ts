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
 * reads `document.visibilityState` "visible". Checked 2026-12-05 on Chromium 156, the same
 * headless Chromium started by hand: driven over plain CDP, or by Playwright attached with
 * `connectOverCDP({ noDefaults: true })`, the page read "hidden" once another tab came to the
 * front; attached without `noDefaults`, it stayed "visible". So it is one of the overrides
 * Playwright applies to each page it drives, of which focus emulation
 * (`Emulation.setFocusEmulationEnabled`) is the likely one; not traced into Chromium. This Chromium
 * is started by the bench itself, and Playwright attaches to it without its defaults nor its
 * launch switches (such as --disable-renderer-backgrounding: a hidden tab is backgrounded here as a
 * person's is).
 */

export interface HideableBrowser {
  context: BrowserContext;
  /** A new tab in the front: the page that was in front is hidden. The first call reuses the blank tab. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

const LISTEN_TIMEOUT_MS = 30_000;
const EXIT_TIMEOUT_MS = 10_000;

/** Chromium announces its DevTools endpoint on stderr once it listens. */
function endpointOf(child: ReturnType<typeof spawn>): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stderr! });
    let said = '';
    const fail = (why: string) => {
      lines.close();
      reject(new Error(`bench: Chromium ${why}:\n${said.slice(-2000)}`));
    };
    const timer = setTimeout(() => fail(`did not listen within ${LISTEN_TIMEOUT_MS / 1000} s`), LISTEN_TIMEOUT_MS);
    lines.on('line', (line) => {
      said += `${line}\n`;
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(line);
      if (!found) return;
      clearTimeout(timer);
      // What Chromium says later is not read, but the pipe must still drain or Chromium stalls on it.
      lines.close();
      child.stderr!.resume();
      resolve(found[1]!);
    });
    child.once('error', (error) => fail(`could not start (${error.message})`));
    // 'close', not 'exit': its last words on stderr are read by then.
    child.once('close', (code) => fail(`exited (${code}) before it listened`));
  });
}

export async function launchHideable({ server, extensions }: { server: FixtureServer; extensions: string[] }): Promise<HideableBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'chapterbar-hideable-'));
  const child = spawn(
    chromiumPath(),
    [
      ...chromiumArgs(server, extensions),
      '--headless',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      '--window-size=1400,900',
      // No --mute-audio: with it the hidden tab's timers ran throttled, as a silent tab's (probed
      // 2026-12-05), so the hidden span's quiet tone is heard on a machine with speakers.
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // A Chromium that could not start emits 'error' and may never emit 'exit'.
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve()).once('error', () => resolve());
  });
  const stop = async () => {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), EXIT_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
    // Chromium's helpers may still be writing to the profile just after the browser exits.
    await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };
  let browser: Browser;
  try {
    browser = await chromium.connectOverCDP(await endpointOf(child), { noDefaults: true });
  } catch (error) {
    await stop();
    throw error;
  }
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
      await stop();
    },
  };
}
