import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { episodeSchema } from '../../utils/chapters/schema';
import {
  axeAudit,
  axSidebar,
  fixture,
  launchBrowser,
  screenshot,
  startServer,
  type FixtureServer,
  type LaunchedBrowser,
} from './harness/index.ts';
import { storeEpisodes } from './harness/library.ts';

// An episode with more chapters than any real one (300 in a 300-s video): its list comes in groups
// of 50 rows (ChapterList.tsx), which a person and a screen reader must not notice. The list is
// one list of 300 items, the current chapter is kept in view, and the keyboard crosses groups.

const VIDEO = 'abcdefghijk';
const CHAPTERS = 300;
const long = episodeSchema.parse({
  id: 'long-e2e',
  show: 'Fixture Show',
  title: 'A very long episode',
  ids: { youtube: [VIDEO] },
  duration: 300,
  chapters: Array.from({ length: CHAPTERS }, (_, i) => ({
    start: i,
    end: i + 1,
    title: `Part ${i + 1} of the long episode`,
    description: `What part ${i + 1} is about.`,
    bullets: [`A point of part ${i + 1}`],
  })),
});

let server: FixtureServer;
let browser: LaunchedBrowser;
let page: Page;
const sidebar = () => axSidebar(page);
const currentRow = () => sidebar().locator('li.cb-row[aria-current="true"]');
const currentInView = async () => {
  const box = (await sidebar().locator('ol').boundingBox())!;
  const row = (await currentRow().boundingBox())!;
  return row.y >= box.y - 1 && row.y + 40 <= box.y + box.height;
};

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser({ server });
  await storeEpisodes(browser.context.serviceWorkers()[0]!, [long], 'long.chapterbar.json');
  page = await browser.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('an episode of 300 chapters', () => {
  it('is one list of 300 chapters to a screen reader, with the current one in view', async () => {
    await page.goto(`https://www.youtube.com/watch?v=${VIDEO}&t=250.5&paused=1&dark=1`);
    await fixture(page).ready();
    const list = sidebar().locator('ol.cb-list');
    await expect.poll(() => list.locator('li.cb-row').count(), { timeout: 15_000 }).toBe(CHAPTERS);
    // By their computed roles (the accessibility tree): rows of the first group, of a group out of
    // view, and of the two around the current chapter (249 | 250) are the list's items, as in a flat
    // list. (Groups that skipped their rows out of view, content-visibility on the group, took those
    // rows out of Chromium's tree: rows 50 to 199 read "none".)
    expect(await list.role()).toBe('list');
    for (const index of [0, 49, 120, 249, 250]) expect(await list.locator(`li.cb-row[data-index="${index}"]`).role()).toBe('listitem');
    expect(await currentRow().getAttribute('data-index')).toBe('250');
    // Rows out of view stand at their last size until drawn: the list still lands on the chapter
    // (it stood 240 px above the list's view before ChapterList looked again a frame later).
    await expect.poll(currentInView).toBe(true);
    // In groups, not one flat list: what makes a chapter change cheap.
    expect(await sidebar().locator('ol.cb-list > div').count()).toBe(CHAPTERS / 50);
    expect(await currentRow().textContent()).toContain('A point of part 251');
    // What axe checks of lists: their groups are no items, and every row still is one.
    expect(await axeAudit(page, 'chapterbar-sidebar')).toEqual([]);
    await screenshot(page, 'long-episode-dark', { asset: false });

    await page.evaluate(() => (document.querySelector<HTMLVideoElement>('#movie_player video')!.currentTime = 120.5));
    await expect.poll(() => currentRow().getAttribute('data-index')).toBe('120');
    await expect.poll(currentInView).toBe(true);
  });

  it('moves focus across groups with the arrow keys and End, and Enter seeks', async () => {
    await sidebar().locator('li.cb-row[data-index="49"] button.cb-seek').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('chapterbar-sidebar');
    await page.keyboard.press('Enter');
    await expect
      .poll(() =>
        fixture(page)
          .video()
          .then((v) => v?.currentTime),
      )
      .toBeCloseTo(50, 0);
    await expect.poll(() => currentRow().getAttribute('data-index')).toBe('50');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect.poll(() => currentRow().getAttribute('data-index')).toBe(String(CHAPTERS - 1));
  });
});
