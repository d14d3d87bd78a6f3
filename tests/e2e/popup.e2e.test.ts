import type { Page, Worker } from 'playwright-core';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import {
  EPISODE_VIDEO_ID,
  fixture,
  launchBrowser,
  screenshot,
  startServer,
  type FixtureServer,
  type LaunchedBrowser,
  axSidebar,
} from './harness/index.ts';

// The toolbar popup and the keyboard commands, driving a fixture YouTube tab.

let server: FixtureServer;
let browser: LaunchedBrowser;
let video: Page;
let worker: Worker;

const mediaTime = () => video.evaluate(() => document.querySelector<HTMLVideoElement>('#movie_player video.html5-main-video')!.currentTime);
const setTime = (t: number) =>
  video.evaluate((seconds) => {
    document.querySelector<HTMLVideoElement>('#movie_player video.html5-main-video')!.currentTime = seconds;
  }, t);
const pageSidebar = () => axSidebar(video);

/** Opens the popup page in a tab of its own, as a person's click on the icon would show it. */
async function openPopup(query = ''): Promise<Page> {
  const popup = await browser.newPage();
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html${query}`);
  return popup;
}
/** The fixture tab's id, as the extension sees it (its host permissions let it read tab URLs). */
const youtubeTabId = () =>
  worker.evaluate(async () => {
    const tabs = await chrome.tabs.query({ url: 'https://www.youtube.com/*' });
    return tabs[0]!.id!;
  });
const currentItem = (popup: Page) => popup.locator('li[aria-current="true"]');

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser({ server });
  worker = browser.context.serviceWorkers()[0]!;
  video = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the popup for a tab playing the episode', () => {
  let popup: Page;
  beforeEach(async () => {
    await video.goto(`https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}&t=600`);
    await fixture(video).ready();
    await pageSidebar().waitFor();
    popup = await openPopup();
    await popup.getByRole('list', { name: 'Chapters' }).waitFor();
  });

  it('lists the chapters with the current one marked, and follows playback while open', async () => {
    expect(await popup.getByRole('heading', { level: 1 }).textContent()).toBe('No Priors Ep. 3 | With Stability AI’s Emad Mostaque');
    expect(await popup.locator('li').count()).toBe(16);
    await expect.poll(() => currentItem(popup).getByRole('button').getAttribute('aria-label')).toMatch(/^9:10 Compute strategy/);
    await setTime(1500);
    await expect.poll(() => currentItem(popup).getByRole('button').getAttribute('aria-label')).toMatch(/^22:36 /);
    // The current chapter is scrolled into the list's view.
    await expect
      .poll(() =>
        currentItem(popup).evaluate((item) => {
          const list = item.closest('ol')!.getBoundingClientRect();
          const box = item.getBoundingClientRect();
          return box.top >= list.top && box.bottom <= list.bottom;
        }),
      )
      .toBe(true);
    await screenshot(popup, 'popup', { asset: true });
    await popup.close();
  });

  it('seeks the tab when a chapter is clicked', async () => {
    await popup.getByRole('button', { name: /^31:06 / }).click();
    await expect.poll(mediaTime).toBeCloseTo(31 * 60 + 6, 0);
    await expect.poll(() => currentItem(popup).getByRole('button').getAttribute('aria-label')).toMatch(/^31:06 /);
    await popup.close();
  });

  it('moves with "Previous chapter" and "Next chapter", restarting the chapter first', async () => {
    await setTime(600);
    await popup.getByRole('button', { name: 'Next chapter' }).click();
    await expect.poll(mediaTime).toBeCloseTo(697, 0);
    await setTime(720);
    await popup.getByRole('button', { name: 'Previous chapter' }).click();
    await expect.poll(mediaTime).toBeCloseTo(697, 0);
    await popup.getByRole('button', { name: 'Previous chapter' }).click();
    await expect.poll(mediaTime).toBeCloseTo(550, 0);
    await popup.close();
  });

  it('moves between chapters with the arrow keys and seeks with Enter', async () => {
    await popup.getByRole('button', { name: /^0:00 / }).focus();
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('Enter');
    await expect.poll(mediaTime).toBeCloseTo(271, 0);
    await popup.close();
  });

  it('shows and toggles whether the sidebar is on the page', async () => {
    const toggle = popup.getByRole('checkbox', { name: 'Show the sidebar on the page' });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await expect.poll(() => pageSidebar().isVisible()).toBe(false);
    await toggle.check();
    await expect.poll(() => pageSidebar().isVisible()).toBe(true);
    await popup.close();
  });

  it('finds the tab named by ?tab=ID as well', async () => {
    const tabId = await youtubeTabId();
    const direct = await openPopup(`?tab=${tabId}`);
    await direct.getByRole('list', { name: 'Chapters' }).waitFor();
    expect(await direct.locator('li').count()).toBe(16);
    await direct.close();
    await popup.close();
  });
});

describe('the popup elsewhere', () => {
  it('offers to attach an episode to a video without chapters, remembers it, and can remove it', async () => {
    await video.goto('https://www.youtube.com/watch?v=abcdefghijk');
    await fixture(video).ready();
    const popup = await openPopup();
    await popup.getByRole('heading', { name: 'No chapters for this video' }).waitFor();
    await popup.getByRole('searchbox', { name: 'Search your episodes' }).fill('stability emad');
    await popup.getByRole('button', { name: /No Priors Ep\. 3/ }).click();
    await popup.getByRole('list', { name: 'Chapters' }).waitFor();
    await pageSidebar().waitFor();
    expect(await pageSidebar().getByRole('listitem').filter({ has: 'button.cb-seek' }).count()).toBe(16);

    await video.reload();
    await pageSidebar().waitFor();

    await popup.getByRole('button', { name: 'Remove the link to these chapters' }).click();
    await popup.getByRole('heading', { name: 'No chapters for this video' }).waitFor();
    await expect.poll(() => video.locator('chapterbar-sidebar').count()).toBe(0);
    await popup.close();
  });

  it('says plainly when the search finds nothing', async () => {
    const popup = await openPopup();
    await popup.getByRole('searchbox', { name: 'Search your episodes' }).fill('zzzz');
    expect(await popup.getByText('No episode matches').count()).toBe(1);
    await popup.close();
  });

  it('explains itself and lists the library on a page that is not YouTube or Spotify', async () => {
    const other = await browser.newPage();
    await other.goto(`chrome-extension://${browser.extensionId}/popup.html?probe`);
    // The only media tab gone, the popup has nothing to speak to.
    await video.goto('about:blank');
    const popup = await openPopup();
    await popup.getByText('Chapterbar shows chapters on YouTube and on Spotify’s web player').waitFor();
    const link = popup.getByRole('link', { name: 'No Priors Ep. 3 | With Stability AI’s Emad Mostaque' });
    expect(await link.getAttribute('href')).toBe(`https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}`);
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    await popup.close();
    await other.close();
  });

  it('says so when the tab’s content script is missing, instead of hanging', async () => {
    // A YouTube page still loading: its content script (document_idle) has not started, as in a
    // tab opened before Chapterbar was installed or updated.
    const stalled: ServerResponse[] = [];
    const stop = server.route('www.youtube.com', '/stalled', (_request, response) => {
      stalled.push(response);
      response.writeHead(200, { 'content-type': 'text/html' });
      response.write('<!doctype html><html><body><p>Loading…</p>');
    });
    // The route and the open response go with the test, pass or fail.
    onTestFinished(() => {
      stop();
      for (const response of stalled) response.end('</body></html>');
    });
    void video.goto('https://www.youtube.com/stalled', { waitUntil: 'commit' }).catch(() => {});
    await video.waitForURL('https://www.youtube.com/stalled', { waitUntil: 'commit' });
    const tabId = await youtubeTabId();
    const popup = await openPopup(`?tab=${tabId}`);
    await popup.getByRole('status').waitFor();
    expect(await popup.getByRole('status').textContent()).toContain('Chapterbar can’t reach this tab yet');
    expect(await popup.getByRole('button', { name: 'Reload the page' }).count()).toBe(1);
    await popup.close();
  });
});

describe('keyboard commands', () => {
  beforeEach(async () => {
    await video.goto(`https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}&paused=1`);
    await fixture(video).ready();
    await pageSidebar().waitFor();
    await video.bringToFront();
  });
  const run = (command: string) =>
    worker.evaluate(
      (name) => (globalThis as unknown as { chapterbarRunCommand(n: string): Promise<boolean> }).chapterbarRunCommand(name),
      command,
    );

  it('declares the commands with default keys in the manifest', async () => {
    const commands = await worker.evaluate(() => chrome.commands.getAll());
    const keys = Object.fromEntries(commands.map((c) => [c.name, c.shortcut]));
    expect(keys).toMatchObject({
      'next-chapter': 'Alt+Shift+Period',
      'previous-chapter': 'Alt+Shift+Comma',
      'toggle-sidebar': 'Alt+Shift+0',
    });
  });

  it('next and previous chapter move the media', async () => {
    await setTime(600);
    expect(await run('next-chapter')).toBe(true);
    await expect.poll(mediaTime).toBeCloseTo(697, 0);
    expect(await run('previous-chapter')).toBe(true);
    await expect.poll(mediaTime).toBeCloseTo(550, 0);
  });

  it('toggle hides and shows the sidebar', async () => {
    expect(await run('toggle-sidebar')).toBe(true);
    await expect.poll(() => pageSidebar().isVisible()).toBe(false);
    expect(await run('toggle-sidebar')).toBe(true);
    await expect.poll(() => pageSidebar().isVisible()).toBe(true);
  });

  it('never fires while the person types in a text field', async () => {
    await setTime(600);
    await video.locator('input').first().focus();
    // False: the command saw the typing and sent no seek (the media may play on meanwhile).
    expect(await run('next-chapter')).toBe(false);
    expect(await mediaTime()).toBeGreaterThanOrEqual(600);
    expect(await mediaTime()).toBeLessThan(697);
  });
});
