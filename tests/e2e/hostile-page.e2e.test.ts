import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EPISODE_VIDEO_ID,
  fixture,
  launchBrowser,
  screenshot,
  startServer,
  type FixtureServer,
  type LaunchedBrowser,
  axSidebar,
  type AxLocator,
} from './harness/index.ts';

// A host page that restyles every element and wraps the built-ins extensions rely on
// (tests/fixtures/sites/youtube/hostile.js). The sidebar lives in its own shadow root and its
// own JavaScript world: it must look and work exactly as on a well-behaved page.

let server: FixtureServer;
let browser: LaunchedBrowser;
let page: Page;

const sidebar = (): AxLocator => axSidebar(page);
const hosts = () => page.locator('chapterbar-sidebar');
const currentLabel = () => sidebar().locator('li[aria-current="true"] button.cb-seek').getAttribute('aria-label');

interface Looks {
  asideDisplay: string;
  font: { size: string; lineHeight: string; family: string; letterSpacing: string; transform: string; shadow: string };
  listStyle: string;
  toolBackground: string;
  toolBorder: string;
  /** Heights of one-line parts; whole rows differ when the page gives the column another width. */
  lineBoxes: number[];
  hostBefore: string;
  hostAfter: string;
  hostOutline: string;
  hostDisplay: string;
}

/** What the sidebar looks like, read from inside its (closed) shadow root, reached through the accessibility tree. */
const looks = (): Promise<Looks> =>
  sidebar().evaluate((aside) => {
    const root = aside.getRootNode() as ShadowRoot;
    const host = root.host;
    const title = root.querySelector('.cb-title')!;
    const tool = root.querySelector('.cb-tool')!;
    const style = (element: Element, pseudo?: string) => getComputedStyle(element, pseudo);
    return {
      asideDisplay: style(aside).display,
      font: {
        size: style(title).fontSize,
        lineHeight: style(title).lineHeight,
        family: style(title).fontFamily,
        letterSpacing: style(title).letterSpacing,
        transform: style(title).textTransform,
        shadow: style(title).textShadow,
      },
      listStyle: style(root.querySelector('ol')!).listStyleType,
      toolBackground: style(tool).backgroundColor,
      toolBorder: style(tool).borderTopStyle,
      lineBoxes: [...root.querySelectorAll('h2, .cb-header .cb-tool, .cb-range')].map((part) =>
        Math.round(part.getBoundingClientRect().height),
      ),
      hostBefore: style(host, '::before').content,
      hostAfter: style(host, '::after').content,
      hostOutline: style(host).outlineStyle,
      hostDisplay: style(host).display,
    };
  });

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser({ server });
  page = await browser.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a hostile host page', () => {
  let reference: Looks;

  it('first, the sidebar on a well-behaved page (the reference)', async () => {
    await page.goto(`https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}&dark=0&paused=1`);
    await fixture(page).ready();
    await sidebar().waitFor();
    reference = await looks();
    expect(reference.font.size).toBe('14px');
    expect(reference.asideDisplay).toBe('flex');
  });

  it.each(['1', 'unset'])('hostile=%s: global CSS and wrapped built-ins change nothing in the sidebar', async (mode) => {
    await page.goto(`https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}&dark=0&paused=1&hostile=${mode}`);
    await fixture(page).ready();
    await sidebar().waitFor();
    expect(await hosts().count()).toBe(1);
    // The root is closed: the page's scripts cannot read or press anything in it.
    expect(await page.evaluate(() => document.querySelector('chapterbar-sidebar')!.shadowRoot)).toBeNull();

    // The page's patches were in force (its own scripts went through them)...
    const counts = await page.evaluate(() => (window as unknown as { __hostile: Record<string, number> }).__hostile);
    expect(counts.push).toBeGreaterThan(0);
    expect(counts.addEventListener).toBeGreaterThan(0);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).fontSize)).not.toBe('14px');
    // ...but the content script lives in its own world: it never called the page's attachShadow
    // (which would have made the root closed).
    expect(counts.attachShadow).toBe(0);

    // Exactly the same looks as on the well-behaved page. (Without its layout, the page may have
    // pushed the sidebar below the fold, where rows skip layout until they are in view.)
    await sidebar().scrollIntoViewIfNeeded();
    await expect.poll(looks).toEqual(reference);
    const now = await looks();
    expect(now.hostBefore).toBe('none');
    expect(now.hostAfter).toBe('none');
    const box = (await sidebar().boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.height).toBeGreaterThan(300);
    await screenshot(page, `hostile-page-${mode}`, { asset: false });

    // And it works: the highlight follows the media, a click seeks.
    await page.evaluate(() => void (document.querySelector<HTMLVideoElement>('#movie_player video')!.currentTime = 600));
    await expect.poll(currentLabel).toMatch(/^9:10 /);
    // The row is below the list's fold: scroll to it first, as a person would.
    await sidebar().locator('button.cb-seek[aria-label^="19:42 "]').scrollIntoViewIfNeeded();
    await sidebar()
      .getByRole('button', { name: /^19:42 / })
      .click();
    await expect.poll(async () => (await fixture(page).video())!.currentTime).toBeGreaterThanOrEqual(19 * 60 + 42);
    await expect.poll(currentLabel).toMatch(/^19:42 /);
    await sidebar().getByRole('button', { name: 'Collapse chapters' }).click();
    await expect.poll(() => sidebar().locator('ol').count()).toBe(0);
    await sidebar().getByRole('button', { name: 'Show chapters' }).click();
    await expect.poll(() => sidebar().locator('ol').count()).toBe(1);
  });

  it('on the hostile page, single-page navigation still swaps the sidebar cleanly', async () => {
    await page.goto(`https://www.youtube.com/watch?v=dQw4w9WgXcQ&hostile=1`);
    await fixture(page).ready();
    await fixture(page).navigate(EPISODE_VIDEO_ID);
    await sidebar().waitFor();
    await fixture(page).navigate('dQw4w9WgXcQ', { replacePlayer: true });
    await expect.poll(() => hosts().count()).toBe(0);
    await fixture(page).navigate(EPISODE_VIDEO_ID);
    await sidebar().waitFor();
    expect(await hosts().count()).toBe(1);
  });

  it('logged no errors', () => {
    expect(browser.consoleErrors.map((error) => `${error.source}: ${error.text}`)).toEqual([]);
  });
});
