import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EPISODE_VIDEO_ID, ROOT, ax, axSidebar, fixture, screenshot, type LaunchedBrowser, useFileBrowser } from './harness/index.ts';

// Side by side with SponsorBlock (issue 13): a stand-in that does to the page what SponsorBlock
// does (tests/fixtures/sites/youtube/sponsorblock.js, from its source): its segments in the
// progress bar, its clone of the chapter bar, its text in place of the chapter title, its buttons,
// and auto-skip by writing the video's currentTime. Both must keep working.

const lines = readFileSync(resolve(ROOT, 'assets/episodes/no-priors-ep3-emad-mostaque.txt'), 'utf8').split('\n');
const CHAPTERS = lines.flatMap((line) => {
  const times = /^- (\d+):(\d\d) – /.exec(line);
  return times ? [{ start: Number(times[1]) * 60 + Number(times[2]), label: `${times[1]}:${times[2]}` }] : [];
});

let browser: LaunchedBrowser;
let page: Page;
useFileBrowser((started) => ({ browser, page } = started));

type StandIn = { ready: Promise<void>; skips: number };
// Inside Chapterbar's closed shadow roots only through the accessibility tree and CDP: harness/ax.ts.
const sidebar = () => axSidebar(page);
const currentLabel = () => sidebar().locator('li[aria-current="true"] .cb-time').first().textContent();
const mediaTime = () => page.evaluate(() => document.querySelector<HTMLVideoElement>('#movie_player video.html5-main-video')!.currentTime);
const skips = () => page.evaluate(() => (window as unknown as { __sponsorblock: StandIn }).__sponsorblock.skips);
const markerTicks = () =>
  ax(page).locator('#movie_player .ytp-progress-bar-container chapterbar-markers').shadowRoot().locator('.tick').count();

describe('with SponsorBlock’s stand-in on the page', () => {
  it('keeps the sidebar, its marks and seeking, and the stand-in keeps its bar, title and buttons', async () => {
    await page.goto(`https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}&sponsorblock=1&t=600`);
    await fixture(page).ready();
    await page.evaluate(() => (window as unknown as { __sponsorblock: StandIn }).__sponsorblock.ready);
    await sidebar().waitFor();
    await expect.poll(currentLabel).toBe('9:10');
    await expect.poll(markerTicks).toBe(CHAPTERS.length - 1);

    // Seeking from the sidebar lands where it should.
    await sidebar()
      .getByRole('button', { name: /^14:41 / })
      .click();
    await expect.poll(mediaTime).toBeCloseTo(881, 0);
    await expect.poll(currentLabel).toBe('14:41');

    // The stand-in skips its sponsor segment (1200–1230 s) by writing currentTime: the sidebar follows.
    await page.evaluate(() => {
      document.querySelector<HTMLVideoElement>('#movie_player video.html5-main-video')!.currentTime = 1205;
    });
    await expect.poll(skips).toBeGreaterThan(0);
    await expect.poll(mediaTime).toBeGreaterThanOrEqual(1230);
    await expect.poll(currentLabel).toBe('19:42');

    // Inside a segment it shows only, the stand-in's text replaces the chapter title; Chapterbar's current chapter is unmoved by it.
    await sidebar()
      .getByRole('button', { name: /^25:43 / })
      .click();
    await expect.poll(currentLabel).toBe('25:43');
    await expect
      .poll(() => page.locator('#movie_player .ytp-chapter-container .ytp-chapter-title-content').first().textContent())
      .toBe('Unpaid/Self Promotion');

    // The stand-in's own bar and buttons are all still there, beside Chapterbar's marks.
    expect(await page.locator('#movie_player .ytp-progress-bar > #previewbar > li.previewbar').count()).toBe(2);
    expect(await page.locator('#movie_player .ytp-progress-bar .sponsorBlockChapterBar').count()).toBe(1);
    expect(await page.locator('#movie_player .ytp-right-controls > .playerButton').count()).toBe(5);
    expect(await page.locator('#movie_player .ytp-left-controls .skipButtonControlBarContainer').count()).toBe(1);
    expect(await markerTicks()).toBe(CHAPTERS.length - 1);
    expect(await page.locator('chapterbar-sidebar').count()).toBe(1);
    await screenshot(page, 'sponsorblock-side-by-side', { asset: false });
    expect(browser.consoleErrorsOf(page)).toEqual([]);
  });
});
