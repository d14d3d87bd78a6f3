import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  EPISODE_VIDEO_ID,
  axSidebar,
  contentScriptContext,
  extensionWorker,
  fixture,
  sendAsContentScript,
  useFileBrowser,
  type FixtureServer,
  type LaunchedBrowser,
} from './harness/index.ts';

// Issue 15, point 4: a page's inline data of megabytes, deeply nested, stuffed with look-alike keys, in
// many scripts. The content script sends only bounded windows of it, once per page load (the person is
// told, in the popup, when the data could not be read); a content script fooled into sending more is
// refused by the background's schema; and the sidebar, the library and other tabs' look-ups carry on.
// Speed is the bench's row `hostile`.

let server: FixtureServer;
let browser: LaunchedBrowser;
let page: Page;
useFileBrowser((started) => ({ server, browser, page } = started));

/** A video in the fixture catalogue with no chapters anywhere: only the page's data could have some. */
const PLAIN_VIDEO = 'abcdefghijk';
const UNREADABLE = /Part of this page's own data is too large or too deeply nested for Chapterbar to read/;

/**
 * A page script, run while the page is parsed (before YouTube's own inline scripts): it writes
 * 3.3 MB of ytInitialData naming this video, stuffed with 5,000 player bars nested 300 deep, 1.2 MB
 * of player response whose details nest 300 deep, and 300 more scripts that assign look-alike names.
 */
const HOSTILE_SCRIPT = `(() => {
  const nested = (depth) => '['.repeat(depth) + ']'.repeat(depth);
  const data = '{"currentVideoEndpoint":{"watchEndpoint":{"videoId":"${PLAIN_VIDEO}"}},"a":[' +
    Array(5500).fill('{"playerBar":{"b":' + nested(300) + '}}').join(',') + ']}';
  document.write('<script>var ytInitialData = ' + data + ';<\\/script>');
  document.write('<script>var ytInitialPlayerResponse = {"a":[' + Array(2000).fill('{"videoDetails":{"b":' + nested(300) + '}}').join(',') + ']};<\\/script>');
  for (let i = 0; i < 300; i++) document.write('<script>var ytInitialDataCopy' + i + ' = {"n":' + i + '};<\\/script>');
})();`;

/** Serves the watch page of `videoId` with the hostile script first in <head>; returns the function that stops it. */
async function serveHostileWatchPage(videoId: string): Promise<() => void> {
  // Fetched before the route exists: the route would otherwise answer its own request.
  const original = (await server.get(`/watch?v=${videoId}`)).body.toString('utf8');
  const stopScript = server.route('www.youtube.com', '/__hostile/inline.js', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end(HOSTILE_SCRIPT);
  });
  const stopPage = server.route('www.youtube.com', '/watch', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(original.replace('<head>', '<head><script src="/__hostile/inline.js"></script>'));
  });
  return () => {
    stopScript();
    stopPage();
  };
}

const storedKeys = () =>
  extensionWorker(browser.context, browser.extensionId!).evaluate(async () => Object.keys(await chrome.storage.local.get(null)).sort());

describe('megabytes of deeply nested inline data in a page', () => {
  it('are sent only as bounded windows: the popup says what could not be read, and the sidebar, the library and another tab carry on', async () => {
    await page.goto(`https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}&paused=1`);
    await axSidebar(page).waitFor();
    const before = await storedKeys();
    const stop = await serveHostileWatchPage(PLAIN_VIDEO);
    try {
      await page.goto(`https://www.youtube.com/watch?v=${PLAIN_VIDEO}&paused=1`);
      await fixture(page).ready();
    } finally {
      stop();
    }
    // The page's own scripts ran: the data is there, as large and as deep as written.
    const written = await page.evaluate(() => {
      const scripts = [...document.querySelectorAll('script:not([src])')].map((script) => script.textContent ?? '');
      return { first: scripts.find((text) => text.startsWith('var ytInitialData ='))?.length ?? 0, scripts: scripts.length };
    });
    expect(written.first).toBeGreaterThan(3_000_000);
    expect(written.scripts).toBeGreaterThan(300);

    // Where the person asks about this page's chapters: the popup says why none were read.
    const tabId = await extensionWorker(browser.context, browser.extensionId!).evaluate(
      async (url) => (await chrome.tabs.query({ url }))[0]!.id!,
      page.url(),
    );
    const popup = await browser.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByText(UNREADABLE).first().waitFor();
    expect(await popup.getByRole('heading', { name: 'No chapters for this video' }).count()).toBe(1);
    await popup.close();

    // Another tab's look-up answers, and this tab's sidebar comes back on a video with chapters.
    const other = await browser.newPage();
    await other.goto(`https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}&paused=1`);
    await axSidebar(other).waitFor();
    await other.close();
    await fixture(page).navigate(EPISODE_VIDEO_ID);
    await axSidebar(page).waitFor();
    await expect.poll(() => axSidebar(page).locator('li.cb-row').count()).toBe(16);
    expect(await storedKeys()).toEqual(before);
    expect(browser.consoleErrorsOf(page)).toEqual([]);
  });

  it('sent by a fooled content script, are refused by the background, which answers another tab meanwhile', async () => {
    await page.goto(`https://www.youtube.com/watch?v=${PLAIN_VIDEO}&paused=1`);
    await fixture(page).ready();
    const other = await browser.newPage();
    await other.goto(`https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}&paused=1`);
    await axSidebar(other).waitFor();
    const [content, otherContent] = await Promise.all([
      contentScriptContext(page, browser.extensionId!),
      contentScriptContext(other, browser.extensionId!),
    ]);
    const before = await storedKeys();
    const material = (initialData: string) =>
      `({ site: 'youtube', mediaId: '${PLAIN_VIDEO}', content: { initialData: ${initialData}, shownVideoId: null, panels: {}, descriptions: [] } })`;
    const endpoint = `'"currentVideoEndpoint":{"watchEndpoint":{"videoId":"${PLAIN_VIDEO}"}}'`;
    const [oversized, tooDeep, found] = await Promise.all([
      sendAsContentScript(page, content, 'readPageChapters', material(`['"playerBar":{"a":' + '[['.repeat(4000000) + '}']`)),
      sendAsContentScript(page, content, 'readPageChapters', material(`[${endpoint}, '"playerBar":{"a":' + '['.repeat(120000) + '}']`)),
      sendAsContentScript(other, otherContent, 'findEpisode', `({ site: 'youtube', mediaId: '${EPISODE_VIDEO_ID}' })`),
    ]);
    expect(oversized.reply).toEqual({
      res: {
        ok: false,
        message: expect.stringMatching(/^Unreadable youtube page material \(content\.initialData\.0: This page's own data is too large/),
      },
    });
    // Within the bounds but nested deeper than any page data: refused by the depth scan, no chapters, and said.
    expect(tooDeep.reply).toMatchObject({ res: { ok: true, page: null, note: expect.stringMatching(UNREADABLE) } });
    expect(found.reply).toMatchObject({ res: { episode: { chapters: expect.any(Array) } } });
    expect(await storedKeys()).toEqual(before);
    await other.close();
  });
});
