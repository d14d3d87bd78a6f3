import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  EPISODE_VIDEO_ID,
  ROOT,
  fixture,
  screenshot,
  type LaunchedBrowser,
  useFileBrowser,
  ax,
  axSidebar,
  type AxLocator,
  animationFrames,
  cdpOf,
  contentScriptContext,
  settledLookup,
  timeUpdate,
  youtubeVideo,
} from './harness/index.ts';

// What a viewer of the No Priors episode sees on (fixture) YouTube with Chapterbar installed.

const WATCH = `https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}`;
const OTHER = 'dQw4w9WgXcQ';

/** Chapter starts and titles, read from the bundled document the way a person would. */
const document_ = readFileSync(resolve(ROOT, 'assets/episodes/no-priors-ep3-emad-mostaque.txt'), 'utf8').split('\n');
const CHAPTERS = document_.flatMap((line, i) => {
  const times = /^- (\d+):(\d\d) – /.exec(line);
  return times
    ? [{ start: Number(times[1]) * 60 + Number(times[2]), label: `${times[1]}:${times[2]}`, title: document_[i + 1]!.trim() }]
    : [];
});

let browser: LaunchedBrowser;
let page: Page;

const sidebar = (p: Page = page): AxLocator => axSidebar(p);
const rows = (p: Page = page) => sidebar(p).getByRole('listitem').filter({ has: 'button.cb-seek' });
const currentRow = (p: Page = page) => sidebar(p).locator('li[aria-current="true"]');
const hosts = (p: Page = page) => p.locator('chapterbar-sidebar');

async function setTime(seconds: number, p: Page = page) {
  await p.evaluate((t) => {
    const video = document.querySelector<HTMLVideoElement>('#movie_player video.html5-main-video')!;
    video.currentTime = t;
  }, seconds);
}
const mediaTime = (p: Page = page) =>
  p.evaluate(() => document.querySelector<HTMLVideoElement>('#movie_player video.html5-main-video')!.currentTime);
const paused = (p: Page = page) =>
  p.evaluate(() => document.querySelector<HTMLVideoElement>('#movie_player video.html5-main-video')!.paused);

async function expectCurrent(label: string, p: Page = page) {
  await expect.poll(() => currentRow(p).getByRole('button').first().getAttribute('aria-label')).toMatch(new RegExp(`^${label} `));
}

useFileBrowser((started) => ({ browser, page } = started));

describe('the YouTube chapter sidebar', () => {
  beforeEach(async () => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`${WATCH}&dark=0`);
    await fixture(page).ready();
    await sidebar().waitFor();
  });

  it('lists every chapter of the episode, each with its start time and title', async () => {
    expect(CHAPTERS).toHaveLength(16);
    await expect.poll(() => rows().count()).toBe(16);
    const names = await rows().evaluateAll((items) =>
      items.map((item) => item.querySelector('button.cb-seek')!.getAttribute('aria-label')),
    );
    expect(names).toEqual(CHAPTERS.map((c) => `${c.label} ${c.title}`));
    expect(await hosts().count()).toBe(1);
  });

  it('sits at the top of the right column without covering the player', async () => {
    const box = (await sidebar().boundingBox())!;
    const player = (await page.locator('#movie_player').boundingBox())!;
    const secondary = (await page.locator('#secondary').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(player.x + player.width);
    expect(box.x).toBeGreaterThanOrEqual(secondary.x);
    expect(box.y).toBeLessThan(secondary.y + 40);
    await screenshot(page, 'youtube-light');
  });

  it('highlights the chapter at the media time, and follows as it changes', async () => {
    await setTime(600);
    await expectCurrent('9:10');
    await expect.poll(() => currentRow().textContent()).toContain('Claims access to significant public/national compute');
    await setTime(44 * 60 + 30);
    await expectCurrent('44:26');
    await setTime(0);
    await expectCurrent('0:00');
    expect(await currentRow().count()).toBe(1);
  });

  it('moves the highlight when playback crosses a boundary by itself', async () => {
    await setTime(133.5);
    await page.evaluate(() => document.querySelector<HTMLVideoElement>('#movie_player video')!.play());
    await expectCurrent('0:00');
    await expectCurrent('2:15');
  });

  it('keeps the current chapter in view of the list', async () => {
    await setTime(40 * 60);
    await expectCurrent('36:44');
    await expect
      .poll(async () => {
        const list = (await sidebar().locator('ol').boundingBox())!;
        const row = (await currentRow().boundingBox())!;
        return row.y >= list.y - 1 && row.y + 40 <= list.y + list.height;
      })
      .toBe(true);
  });

  it('seeks when a chapter is clicked, keeping playing or paused as it was', async () => {
    await page.evaluate(() => document.querySelector<HTMLVideoElement>('#movie_player video')!.pause());
    await rows().nth(5).getByRole('button').first().click();
    await expect.poll(() => mediaTime()).toBeCloseTo(CHAPTERS[5]!.start, 0);
    expect(await paused()).toBe(true);
    await expectCurrent(CHAPTERS[5]!.label);

    await page.evaluate(() => document.querySelector<HTMLVideoElement>('#movie_player video')!.play());
    await rows().nth(2).getByRole('button').first().click();
    await expect.poll(() => mediaTime()).toBeGreaterThanOrEqual(CHAPTERS[2]!.start);
    expect(await mediaTime()).toBeLessThan(CHAPTERS[3]!.start);
    expect(await paused()).toBe(false);
  });

  it('works from the keyboard: arrows move between chapters, Enter seeks', async () => {
    await rows().nth(0).locator('button.cb-seek').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => mediaTime()).toBeCloseTo(CHAPTERS[2]!.start, 0);
    // The keys stayed in the sidebar: YouTube's own shortcuts (arrows seek 5 s) did not fire.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });

  it('shows every summary with "Expand all", and one on request', async () => {
    await setTime(10);
    await expectCurrent('0:00');
    expect(await sidebar().locator('.cb-details').count()).toBe(1);
    await rows()
      .nth(3)
      .getByRole('button', { name: /^Show summary/ })
      .click();
    expect(await rows().nth(3).textContent()).toContain('foundation models are a new programming primitive');
    await sidebar().getByRole('button', { name: 'Expand all' }).click();
    expect(await sidebar().locator('.cb-details').count()).toBe(16);
    await sidebar().getByRole('button', { name: 'Expand all' }).click();
  });

  it('does not follow the time of an ad', async () => {
    await setTime(600);
    await expectCurrent('9:10');
    await fixture(page).startAd(15);
    await expect.poll(() => page.locator('#movie_player.ad-showing').count()).toBe(1);
    // The ad plays in the same <video> from 0:00; the episode's chapter stays highlighted once
    // Chapterbar has heard the ad's time, and the frames that would show it have passed.
    await timeUpdate(page, '#movie_player video.html5-main-video', 0.5);
    await animationFrames(page, 2);
    await expectCurrent('9:10');
    await fixture(page).endAd();
    await expectCurrent('9:10');
    await setTime(30);
    await expectCurrent('0:00');
  });

  it('ignores the hover preview’s own video', async () => {
    await setTime(600);
    await expectCurrent('9:10');
    await fixture(page).hoverPreview(OTHER);
    await timeUpdate(page, 'ytd-video-preview video', 0.5);
    await animationFrames(page, 2);
    await expectCurrent('9:10');
    await fixture(page).endPreview();
  });

  it('brings its tools when the person reaches for it, with the pointer or the keyboard', async () => {
    const search = () => sidebar().getByRole('searchbox', { name: 'Search chapters' });
    const slot = () =>
      sidebar().evaluate((aside) => {
        const place = aside.querySelector('.cb-search-slot')!;
        return { drawn: getComputedStyle(place, '::before').content, height: place.getBoundingClientRect().height };
      });
    const loadAtRest = async () => {
      // The pointer away from where the sidebar will be (a previous test may have left it there).
      await page.mouse.move(0, 0);
      await page.reload();
      await fixture(page).ready();
      await sidebar().waitFor();
    };
    // At rest: the chapters, and the search box's place drawn where the box will be. Two frames
    // after the sidebar showed (when its first paint used to ask for the tools), nothing has asked
    // for them: the content script sets up the on-demand scripts' shared global on a first load.
    await loadAtRest();
    await animationFrames(page, 2);
    const { result } = (await (
      await cdpOf(page)
    ).send('Runtime.evaluate', {
      contextId: await contentScriptContext(page, browser.extensionId!),
      expression: `'chapterbarShared' in globalThis`,
      returnByValue: true,
    })) as { result: { value: boolean } };
    expect(result.value).toBe(false);
    expect(await sidebar().getByRole('searchbox', { name: 'Search chapters' }).count()).toBe(0);
    const resting = await slot();
    expect(resting.drawn).toContain('Search chapters');
    const nextRowTop = async () => (await rows().nth(1).boundingBox())!.y;
    const restingNext = await nextRowTop();
    // The pointer comes over the sidebar: the tools arrive, the box where its place was drawn, the
    // current chapter's buttons in the place its summary kept for them: no row moves.
    await hosts().hover();
    await search().waitFor();
    await currentRow().getByRole('button', { name: 'Loop chapter' }).waitFor();
    expect(await slot()).toEqual({ drawn: 'none', height: resting.height });
    expect(await nextRowTop()).toBeCloseTo(restingNext, 0);
    await screenshot(page, 'tools-after-reach', { asset: false });
    // Another page load, and the keyboard: focus moving into the sidebar brings them too.
    await loadAtRest();
    await rows().first().getByRole('button').first().focus();
    await search().waitFor();
  });

  it('lays out every row of an episode’s 16: content-visibility is for long lists only', async () => {
    // On a short list it cost each navigation more than it saved (assets/sidebar.css).
    const rows = await sidebar().evaluate((aside) =>
      [...aside.querySelectorAll('.cb-row')].map((row) => getComputedStyle(row).contentVisibility),
    );
    expect(rows).toHaveLength(16);
    expect(new Set(rows)).toEqual(new Set(['visible']));
  });

  it('follows YouTube’s dark theme and stays readable', async () => {
    await fixture(page).setDark(true);
    await expect.poll(() => sidebar().getAttribute('data-theme')).toBe('dark');
    const colors = await sidebar().evaluate((aside) => {
      const style = getComputedStyle(aside);
      const title = getComputedStyle(aside.querySelector('.cb-title')!);
      return { background: style.backgroundColor, text: title.color };
    });
    expect(colors.background).toBe('rgb(15, 15, 15)');
    expect(colors.text).toBe('rgb(241, 241, 241)');
    await setTime(20 * 60);
    await expectCurrent('19:42');
    await screenshot(page, 'youtube-dark');
    await fixture(page).setDark(false);
    await expect.poll(() => sidebar().getAttribute('data-theme')).toBe('light');
  });

  it('goes below the player in theater mode', async () => {
    await fixture(page).setTheater(true);
    await expect
      .poll(async () => {
        const box = await sidebar().boundingBox();
        const player = await page.locator('#movie_player').boundingBox();
        return Boolean(box && player && box.y >= player.y + player.height);
      })
      .toBe(true);
    expect(await hosts().count()).toBe(1);
    await screenshot(page, 'youtube-theater');
    await fixture(page).setTheater(false);
  });

  it('goes below the player on a narrow window', async () => {
    await page.setViewportSize({ width: 900, height: 900 });
    await expect
      .poll(async () => {
        const box = await sidebar().boundingBox();
        const player = await page.locator('#movie_player').boundingBox();
        return Boolean(box && player && box.y >= player.y + player.height && box.x < player.x + player.width);
      })
      .toBe(true);
    expect(await hosts().count()).toBe(1);
    await screenshot(page, 'youtube-narrow', { asset: false });
  });

  it('opens as an overlay from a toggle on the player in fullscreen', async () => {
    await fixture(page).setFullscreen(true);
    const toggle = ax(page).locator('#movie_player').getByRole('button', { name: 'Chapters' });
    await toggle.waitFor();
    await toggle.click();
    const overlay = axSidebar(page, { within: '#movie_player' });
    await overlay.waitFor();
    expect(await overlay.locator('li[aria-current]').count()).toBe(1);
    // Clicking the overlay must not reach YouTube's player (which toggles play on click).
    const wasPaused = await paused();
    await overlay.getByRole('button', { name: 'Expand all' }).click();
    expect(await paused()).toBe(wasPaused);
    await screenshot(page, 'youtube-fullscreen', { asset: false });
    await fixture(page).setFullscreen(false);
    await expect.poll(() => axSidebar(page, { within: '#secondary' }).count()).toBe(1);
  });

  it('can be collapsed, and remembers it across pages', async () => {
    await sidebar().getByRole('button', { name: 'Collapse chapters' }).click();
    expect(await rows().count()).toBe(0);
    await page.reload();
    await fixture(page).ready();
    await sidebar().waitFor();
    await sidebar().getByRole('button', { name: 'Show chapters' }).waitFor();
    expect(await rows().count()).toBe(0);
    await sidebar().getByRole('button', { name: 'Show chapters' }).click();
    await expect.poll(() => rows().count()).toBe(16);
  });
});

describe('single-page navigation', () => {
  beforeAll(async () => {
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('shows the sidebar on the episode and not on other videos, every time', async () => {
    await page.goto(`https://www.youtube.com/watch?v=${OTHER}`);
    await fixture(page).ready();
    await fixture(page).playerReady();
    expect(await settledLookup(page, { mediaId: OTHER })).toBe('none');
    expect(await hosts().count()).toBe(0);

    await fixture(page).navigate(EPISODE_VIDEO_ID);
    await sidebar().waitFor();
    await fixture(page).navigate(OTHER, { replacePlayer: true });
    await expect.poll(() => hosts().count()).toBe(0);
    await fixture(page).navigate(EPISODE_VIDEO_ID, { replacePlayer: true });
    await sidebar().waitFor();
    expect(await hosts().count()).toBe(1);
    // The player was replaced: the new <video> drives the highlight.
    await setTime(1000);
    await expectCurrent('14:41');

    await page.goBack();
    await expect.poll(() => hosts().count()).toBe(0);
    await page.goForward();
    await expect.poll(() => hosts().count()).toBe(1);
    await fixture(page).navigateHome();
    await expect.poll(() => hosts().count()).toBe(0);
  });

  it('matches a re-upload by its title, once the title arrives after the navigation event', async () => {
    await page.goto(`https://www.youtube.com/watch?v=${OTHER}`);
    await fixture(page).ready();
    await fixture(page).navigate('NoPriorsRe1', { metadataDelay: 600 });
    await sidebar().waitFor();
    expect(await rows().count()).toBe(16);
    await setTime(650);
    await expectCurrent('9:10');
  });

  it('does not match a near miss (another episode of the show)', async () => {
    // From the episode, on a page of its own (not the one the test before left).
    await page.goto(WATCH);
    await fixture(page).ready();
    await sidebar().waitFor();
    await fixture(page).navigate('NoPriorsEp4');
    await expect.poll(() => hosts().count()).toBe(0);
    expect(await settledLookup(page, { mediaId: 'NoPriorsEp4', title: youtubeVideo('NoPriorsEp4').title })).toBe('none');
    expect(await hosts().count()).toBe(0);
  });

  it('finds a player that arrives late', async () => {
    await page.goto(`${WATCH}&late=1500`);
    await sidebar().waitFor({ timeout: 10_000 });
    await setTime(300);
    await expectCurrent('4:31');
  });

  it('never shows two sidebars or leaves errors behind after many navigations', async () => {
    await page.goto(WATCH);
    await fixture(page).ready();
    const ids = [OTHER, EPISODE_VIDEO_ID, 'abcdefghijk', EPISODE_VIDEO_ID, EPISODE_VIDEO_ID, OTHER, EPISODE_VIDEO_ID];
    for (const [i, id] of ids.entries()) {
      await fixture(page).navigate(id, { replacePlayer: i % 2 === 0 });
    }
    await sidebar().waitFor();
    expect(await settledLookup(page, { mediaId: EPISODE_VIDEO_ID })).toBe('confident');
    expect(await hosts().count()).toBe(1);
    expect(await rows().count()).toBe(16);
    expect(browser.consoleErrorsOf(page)).toEqual([]);
  });
});

describe('embeds and the mobile site', () => {
  it.each([
    `https://www.youtube.com/embed/${EPISODE_VIDEO_ID}?autoplay=1`,
    `https://www.youtube-nocookie.com/embed/${EPISODE_VIDEO_ID}?autoplay=1`,
    `https://m.youtube.com/watch?v=${EPISODE_VIDEO_ID}`,
  ])('%s shows a compact overlay that opens the chapters', async (url) => {
    const mobile = await browser.newPage();
    await mobile.goto(url);
    const toggle = ax(mobile).getByRole('button', { name: 'Chapters' });
    await toggle.waitFor({ timeout: 10_000 });
    await toggle.click();
    await sidebar(mobile).waitFor();
    expect(await rows(mobile).count()).toBe(16);
    await setTime(1200, mobile);
    await expectCurrent('19:42', mobile);
    await rows(mobile).nth(1).getByRole('button').first().click();
    await expect.poll(() => mediaTime(mobile)).toBeCloseTo(CHAPTERS[1]!.start, 0);
    await screenshot(mobile, `overlay-${new URL(url).hostname}`, { asset: false });
    await mobile.close();
  });
});
