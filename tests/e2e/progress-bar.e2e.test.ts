import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  axSidebar,
  EPISODE_VIDEO_ID,
  fixture,
  screenshot,
  useFileBrowser,
  type FixtureServer,
  type LaunchedBrowser,
} from './harness/index.ts';

// Progress within the current chapter: pixel steps while playing, still while paused (issue 17).
// The chapter "2:15" runs from 135 s to 271 s.

let page: Page;
useFileBrowser((started: { server: FixtureServer; browser: LaunchedBrowser; page: Page }) => ({ page } = started));

const CHAPTER = { start: 135, end: 271 };
const MAIN_VIDEO = '#movie_player video.html5-main-video';
const mediaTime = () => page.evaluate((selector) => document.querySelector<HTMLVideoElement>(selector)!.currentTime, MAIN_VIDEO);
const play = () => page.evaluate((selector) => document.querySelector<HTMLVideoElement>(selector)!.play(), MAIN_VIDEO);
const pause = () => page.evaluate((selector) => document.querySelector<HTMLVideoElement>(selector)!.pause(), MAIN_VIDEO);
const seek = (seconds: number) =>
  page.evaluate(([selector, t]) => void (document.querySelector<HTMLVideoElement>(selector)!.currentTime = t), [
    MAIN_VIDEO,
    seconds,
  ] as const);

/** The fill's drawn fraction of its bar (its transform's scaleX), and the bar's width. */
async function drawn(): Promise<{ scale: number; width: number }> {
  const bar = axSidebar(page).locator('li[aria-current="true"] .cb-progress');
  return bar.evaluate((track) => {
    const fill = track.querySelector<HTMLElement>('.cb-progress-fill')!;
    const match = /scaleX\(([\d.e-]+)\)/.exec(fill.style.transform);
    return { scale: match ? Number(match[1]) : Number.NaN, width: track.getBoundingClientRect().width };
  });
}

/**
 * The current row's progress bar and what is above it, as far as the list shows (the list scrolls
 * within the sidebar, so the row's own box may run past it).
 */
async function shoot(name: string) {
  const bar = (await axSidebar(page).locator('li[aria-current="true"] .cb-progress').boundingBox())!;
  const list = (await axSidebar(page).locator('.cb-list').boundingBox())!;
  const top = Math.max(list.y, bar.y - 72);
  const bottom = Math.min(list.y + list.height, bar.y + bar.height + 12);
  await page.screenshot({
    path: await screenshot(page, name, { asset: false }),
    clip: { x: list.x, y: top, width: list.width, height: bottom - top },
  });
}

it('moves the progress bar in pixel steps while playing and holds it still while paused', async () => {
  await page.goto(`https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}&paused=1&t=150`);
  await fixture(page).ready();
  await axSidebar(page).waitFor();
  await expect.poll(() => axSidebar(page).locator('li[aria-current="true"] .cb-time').textContent()).toBe('2:15');

  // The current row shows its summary above the bar, which here puts the bar past the bottom of
  // the list's view; out of view it is not stepped, so it is brought into view, as a person would.
  await axSidebar(page)
    .locator('li[aria-current="true"] .cb-progress')
    .evaluate((track) => track.scrollIntoView({ block: 'nearest' }));
  await play();
  // Each moment: what is drawn is where the media is, to within a step of the bar.
  const atMoment = async () => {
    const before = await mediaTime();
    const { scale, width } = await drawn();
    const after = await mediaTime();
    expect(width).toBeGreaterThan(100);
    // Whole pixels only.
    expect(Math.abs(scale * width - Math.round(scale * width))).toBeLessThan(1e-3);
    const step = 1 / width + 0.25 / (CHAPTER.end - CHAPTER.start);
    expect(scale).toBeGreaterThanOrEqual((before - CHAPTER.start) / (CHAPTER.end - CHAPTER.start) - 2 * step);
    expect(scale).toBeLessThanOrEqual((after - CHAPTER.start) / (CHAPTER.end - CHAPTER.start) + step);
    return scale;
  };
  // It steps by itself: a later look finds it further along.
  const first = await atMoment();
  await expect.poll(async () => (await drawn()).scale, { timeout: 15_000 }).toBeGreaterThan(first);
  await shoot('progress-playing-early');

  // Later in the same chapter, still playing.
  await seek(240);
  await expect.poll(async () => (await drawn()).scale, { timeout: 15_000 }).toBeGreaterThan(0.75);
  const later = await atMoment();
  expect(later).toBeGreaterThan(first);
  await shoot('progress-playing-late');

  // Paused: drawn where the media stopped, and it stays there while the media's time stays.
  await pause();
  await page.waitForFunction((selector) => document.querySelector<HTMLVideoElement>(selector)!.paused, MAIN_VIDEO);
  const time = await mediaTime();
  const { scale, width } = await drawn();
  expect(Math.abs(scale - (time - CHAPTER.start) / (CHAPTER.end - CHAPTER.start))).toBeLessThanOrEqual(2 / width);
  // The media's own clock ticks on no more; another look (a frame later, a seek to where it is) finds the same.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  expect((await drawn()).scale).toBe(scale);
  await shoot('progress-paused');
});
