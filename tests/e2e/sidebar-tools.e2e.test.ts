import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  EPISODE_VIDEO_ID,
  ROOT,
  fixture,
  launchBrowser,
  screenshot,
  startServer,
  type FixtureServer,
  type LaunchedBrowser,
  ax,
  axSidebar,
  type AxLocator,
  reachForSidebar,
} from './harness/index.ts';

// Reading and navigating the bundled episode: search (sidebar and popup), links to a chapter,
// Markdown summaries, looping a chapter, and chapter marks on YouTube's progress bar.

const WATCH = `https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}`;
const lines = readFileSync(resolve(ROOT, 'assets/episodes/no-priors-ep3-emad-mostaque.txt'), 'utf8').split('\n');
const CHAPTERS = lines.flatMap((line, i) => {
  const times = /^- (\d+):(\d\d) – /.exec(line);
  return times ? [{ start: Number(times[1]) * 60 + Number(times[2]), label: `${times[1]}:${times[2]}`, title: lines[i + 1]!.trim() }] : [];
});
const chapterAt = (label: string) => CHAPTERS.find((chapter) => chapter.label === label)!;

let server: FixtureServer;
let browser: LaunchedBrowser;
let page: Page;

const sidebar = (p: Page = page): AxLocator => axSidebar(p);
const rows = (p: Page = page) => sidebar(p).locator('li.cb-row');
const search = (p: Page = page) => sidebar(p).getByRole('searchbox', { name: 'Search chapters' });
const currentRow = (p: Page = page) => sidebar(p).locator('li[aria-current="true"]');
const video = (p: Page = page) => p.locator('#movie_player video.html5-main-video');
const mediaTime = (p: Page = page) => video(p).evaluate((element: HTMLVideoElement) => element.currentTime);
const setTime = (seconds: number, p: Page = page) =>
  video(p).evaluate((element: HTMLVideoElement, t) => void (element.currentTime = t), seconds);
const clipboard = (p: Page = page) => p.evaluate(() => navigator.clipboard.readText());
const markers = (p: Page = page) => ax(p).locator('#movie_player .ytp-progress-bar-container chapterbar-markers');

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser({ server });
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.youtube.com' });
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://open.spotify.com' });
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the sidebar’s tools', () => {
  beforeEach(async () => {
    await page.goto(`${WATCH}&paused=1&dark=0`);
    await fixture(page).ready();
    await sidebar().waitFor();
    // The tools come when the person reaches for the sidebar (utils/sidebar/mount.tsx).
    await reachForSidebar(page);
  });

  it('searches titles, descriptions and bullets, marks the matches, and Enter plays the first', async () => {
    await search().fill('compute');
    const shown = await rows().count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(CHAPTERS.length);
    expect(await sidebar().locator('.cb-search-count').textContent()).toBe(`${shown} of ${CHAPTERS.length} chapters match`);
    const marks = await sidebar().locator('mark').allTextContents();
    expect(marks.length).toBeGreaterThanOrEqual(shown);
    for (const mark of marks) expect(mark.toLowerCase()).toBe('compute');
    const firstStart = await rows().first().locator('.cb-time').textContent();
    await screenshot(page, 'sidebar-search-light', { asset: false });
    await search().press('Enter');
    await expect.poll(mediaTime).toBeCloseTo(chapterAt(firstStart!).start, 0);
    await search().press('Escape');
    await expect.poll(() => rows().count()).toBe(CHAPTERS.length);
    // Typing in the sidebar never reaches YouTube's shortcuts ("k" would pause, "f" fullscreen).
    await search().fill('kf');
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
  });

  it('copies a link that opens the video at the chapter’s start, and says so', async () => {
    const chapter = chapterAt('9:10');
    await setTime(chapter.start + 5);
    await expect.poll(() => currentRow().locator('.cb-time').textContent()).toBe('9:10');
    // The button itself, held: its name says "Copied" for a moment.
    const copy = await currentRow()
      .getByRole('button', { name: `Copy link to “${chapter.title}”` })
      .pin();
    // Every state the button passes through, recorded as it changes: "Copied" shows for two
    // seconds, which a test reading it from outside can miss on a busy machine.
    await copy.evaluate((button) => {
      const seen: string[] = [];
      (button as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => seen.push(`${button.textContent} / ${button.getAttribute('aria-label')}`)).observe(button, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
        attributeFilter: ['aria-label'],
      });
    });
    const seen = () => copy.evaluate((button) => (button as unknown as { seen: string[] }).seen.slice());
    await copy.click();
    await expect.poll(seen).toContain('Copied / Copied');
    await expect.poll(() => clipboard()).toBe(`https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}&t=${chapter.start}s`);
    // And back to what it does.
    await expect.poll(async () => (await seen()).at(-1)).toMatch(/^Copy link \/ Copy link to “/);
  });

  it('copies a chapter’s summary as Markdown', async () => {
    const chapter = chapterAt('9:10');
    await setTime(chapter.start + 5);
    await currentRow()
      .getByRole('button', { name: `Copy as Markdown: “${chapter.title}”` })
      .click();
    await expect
      .poll(() => clipboard())
      .toMatch(
        new RegExp(
          `^### .+\\n\\n\\[9:10–\\d+:\\d\\d\\]\\(<https://www\\.youtube\\.com/watch\\?v=${EPISODE_VIDEO_ID}&t=550s>\\)\\n\\n.+\\n\\n- `,
        ),
      );
    const markdown = await clipboard();
    const description = (await currentRow().locator('.cb-details p').textContent())!;
    expect(markdown).toContain(description.replace(/[\\`*_[\]<>|]/g, '\\$&'));
    expect(markdown.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(await currentRow().locator('.cb-details li').count());
  });

  it('loops the current chapter until the loop is turned off', async () => {
    const first = CHAPTERS[0]!;
    const second = CHAPTERS[1]!;
    await setTime(second.start - 2.5);
    await expect.poll(() => currentRow().locator('.cb-time').textContent()).toBe(first.label);
    const loop = currentRow().getByRole('button', { name: 'Loop chapter' });
    await loop.click();
    expect(await loop.getAttribute('aria-pressed')).toBe('true');
    await video().evaluate((element: HTMLVideoElement) => element.play());
    // Past the chapter's end it is back at its start, and still the current chapter.
    await expect.poll(mediaTime).toBeLessThan(first.start + 3);
    expect(await currentRow().locator('.cb-time').textContent()).toBe(first.label);

    await loop.click();
    expect(await loop.getAttribute('aria-pressed')).toBe('false');
    await setTime(second.start - 1);
    await expect.poll(() => currentRow().locator('.cb-time').textContent()).toBe(second.label);
  });

  it('marks chapter starts on YouTube’s progress bar, names them on hover, and leaves scrubbing to YouTube', async () => {
    await expect.poll(() => markers().count()).toBe(1);
    // The marks' root is closed and aria-hidden: reached through the DevTools protocol's DOM.
    await expect.poll(() => markers().shadowRoot().locator('.tick').count()).toBe(CHAPTERS.length - 1);
    const bar = page.locator('#movie_player .ytp-progress-bar');
    const box = (await bar.boundingBox())!;
    const duration = await video().evaluate((element: HTMLVideoElement) => element.duration);
    const chapter = chapterAt('22:36');
    const x = box.x + (box.width * (chapter.start + 30)) / duration;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await expect.poll(() => markers().shadowRoot().locator('.tip').textContent()).toBe(chapter.title);
    await screenshot(page, 'progress-markers-hover', { asset: false });
    // The marks take no pointer events: what is under the pointer is YouTube's, and a click scrubs.
    expect(await page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.closest('chapterbar-markers'), [x, y])).toBeNull();
    await page.mouse.click(box.x + box.width / 2, y);
    await expect.poll(mediaTime).toBeCloseTo(duration / 2, -1);
  });

  it('takes its marks away with the episode', async () => {
    await expect.poll(() => markers().count()).toBe(1);
    await fixture(page).navigate('dQw4w9WgXcQ');
    await expect.poll(() => markers().count()).toBe(0);
    // Chapters from the page itself: YouTube draws its own marks for those.
    await fixture(page).navigate('YtChapters1');
    await sidebar().waitFor();
    expect(await markers().count()).toBe(0);
  });
});

describe('the popup’s search', () => {
  it('finds chapters by their summaries, marks the matches, and Enter plays the first', async () => {
    await page.goto(`${WATCH}&paused=1`);
    await fixture(page).ready();
    await sidebar().waitFor();
    const worker = browser.context.serviceWorkers()[0]!;
    const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ url: 'https://www.youtube.com/*' }))[0]!.id!);
    const popup = await browser.newPage();
    await popup.setViewportSize({ width: 420, height: 640 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    const list = popup.getByRole('list', { name: 'Chapters' });
    await list.waitFor();
    const box = popup.getByRole('searchbox', { name: 'Search chapters' });
    await box.fill('autism');
    await expect.poll(() => list.locator('li').count()).toBeLessThan(CHAPTERS.length);
    const first = await list.locator('li').first().locator('.pc-time').textContent();
    expect(await list.locator('mark').first().textContent()).toMatch(/^autism$/i);
    await screenshot(popup, 'popup-search', { asset: false });
    await box.press('Enter');
    await expect.poll(() => mediaTime()).toBeCloseTo(chapterAt(first!).start, 0);
    await popup.close();
  });
});

describe('links on Spotify', () => {
  it('opens the episode at the chapter’s start on Spotify’s own timeline (the offset applied)', async () => {
    const catalog = JSON.parse(readFileSync(resolve(ROOT, 'tests/fixtures/sites/spotify/catalog.json'), 'utf8')) as {
      items: Array<{ id: string; title: string }>;
    };
    const episode = catalog.items.find((item) => item.title.startsWith('How can we make sure'))!.id;
    await page.goto(`https://open.spotify.com/episode/${episode}?play=${episode}&paused=1`);
    await sidebar().waitFor({ timeout: 10_000 });
    const chapter = chapterAt('9:10');
    await sidebar()
      .getByRole('button', { name: new RegExp(`^9:10 `) })
      .click();
    await expect.poll(() => currentRow().locator('.cb-time').textContent()).toBe('9:10');
    await currentRow()
      .getByRole('button', { name: `Copy link to “${chapter.title}”` })
      .click();
    // The audio edition runs two minutes ahead of the chapters (the bundled episode's offset).
    await expect.poll(() => clipboard()).toBe(`https://open.spotify.com/episode/${episode}?t=${chapter.start + 120}`);
  });
});
