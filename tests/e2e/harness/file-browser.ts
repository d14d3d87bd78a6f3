import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './browser.ts';
import { startServer, type FixtureServer } from './server.ts';

export interface FileBrowser {
  server: FixtureServer;
  browser: LaunchedBrowser;
  page: Page;
}

/**
 * One fixture server, one Chromium with the built extension and one page for the whole test file,
 * handed to `use` once started (`useFileBrowser((b) => ({ server, browser, page } = b))`) and
 * closed after the file. Closing fails the file if anything requested beyond the fixtures.
 */
export function useFileBrowser(use: (started: FileBrowser) => void): void {
  let started: FileBrowser | undefined;
  beforeAll(async () => {
    const server = await startServer();
    const browser = await launchBrowser({ server });
    started = { server, browser, page: await browser.newPage() };
    use(started);
  });
  afterAll(async () => {
    await started?.browser.close();
    await started?.server.close();
  });
}
