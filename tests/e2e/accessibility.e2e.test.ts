import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  EPISODE_VIDEO_ID,
  ax,
  axSidebar,
  axeAudit,
  evaluateRevealed,
  fixture,
  screenshot,
  type LaunchedBrowser,
  useFileBrowser,
} from './harness/index.ts';

// An axe-core audit of everything Chapterbar shows a person (the sidebar in both themes and its
// states, the popup, the options page): no violation of the WCAG 2.1 A and AA rules. Then what
// axe cannot see: focus that shows on every control reached with Tab, and reduced motion.
//
// The sidebar's shadow root is closed, which axe cannot enter from the page: `axeAudit`
// (harness/revealed.ts) runs axe in an isolated world of the test's own, injected through the
// DevTools protocol, where the closed roots the protocol finds are readable. `within` limits the
// audit to Chapterbar's own elements on a fixture site page, so the fixture's markup is not judged.
const audit = axeAudit;

/** The focused element, inside shadow roots too (closed ones included, as a screen reader sees them). */
const focused = (page: Page) =>
  evaluateRevealed(page, () => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || active === document.body) return null;
    const style = getComputedStyle(active);
    return {
      name: `${active.tagName.toLowerCase()}.${[...active.classList].join('.')} ${(active.getAttribute('aria-label') ?? active.textContent ?? '').trim().slice(0, 40)}`,
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      inSidebar: active.getRootNode() instanceof ShadowRoot,
    };
  });

/** Tabs through `count` controls and returns those whose focus does not show. */
async function invisibleFocus(page: Page, count: number, stayInSidebar = false): Promise<string[]> {
  const missing: string[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab');
    const element = await focused(page);
    if (!element || (stayInSidebar && !element.inSidebar)) break;
    if (!element.outline) missing.push(element.name);
  }
  return missing;
}

let browser: LaunchedBrowser;
let page: Page;

const sidebar = () => axSidebar(page);

useFileBrowser((started) => ({ browser, page } = started));

describe('the sidebar', () => {
  it.each([
    ['light', '&dark=0'],
    ['dark', '&dark=1'],
  ])('has no WCAG 2.1 A/AA violations in the %s theme, with every summary, a search and its marks', async (theme, query) => {
    await page.goto(`https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}&paused=1${query}`);
    await fixture(page).ready();
    await sidebar().waitFor();
    expect(await audit(page, 'chapterbar-sidebar')).toEqual([]);
    await sidebar().getByRole('button', { name: 'Expand all' }).click();
    await sidebar().getByRole('searchbox').fill('model');
    await expect.poll(() => sidebar().locator('mark').count()).toBeGreaterThan(0);
    expect(await audit(page, 'chapterbar-sidebar')).toEqual([]);
    await screenshot(page, `a11y-sidebar-${theme}`, { asset: false });
  });

  it.each([
    ['light', '&dark=0'],
    ['dark', '&dark=1'],
  ])('has none for page chapters and the switch between library and page either (%s)', async (_theme, query) => {
    await page.goto(`https://www.youtube.com/watch?v=DescStamps1&paused=1${query}`);
    await fixture(page).ready();
    await sidebar().getByRole('button', { name: 'Save to library' }).waitFor();
    expect(await audit(page, 'chapterbar-sidebar')).toEqual([]);
    await page.goto(`https://www.youtube.com/watch?v=NoPriorsRe1&paused=1${query}`);
    await fixture(page).ready();
    await sidebar().getByRole('group', { name: 'Chapters from' }).waitFor();
    expect(await audit(page, 'chapterbar-sidebar')).toEqual([]);
  });

  it('has none as an overlay over an embedded player', async () => {
    await page.goto(`https://www.youtube.com/embed/${EPISODE_VIDEO_ID}`);
    await page.locator('chapterbar-sidebar').waitFor({ state: 'attached' });
    expect(await audit(page, 'chapterbar-sidebar')).toEqual([]);
    await ax(page).getByRole('button', { name: 'Chapters' }).click();
    await sidebar().waitFor();
    expect(await audit(page, 'chapterbar-sidebar')).toEqual([]);
  });

  it.each(['light', 'dark'])('shows where the keyboard focus is, on every control (%s)', async (theme) => {
    await page.goto(`https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}&paused=1&dark=${theme === 'dark' ? 1 : 0}`);
    await fixture(page).ready();
    await sidebar().waitFor();
    await sidebar().getByRole('button', { name: 'Expand all' }).click();
    // Start from the heading (not focusable), as a person clicking there would.
    await sidebar().getByRole('heading', { name: 'Chapters' }).click();
    expect(await invisibleFocus(page, 30, true)).toEqual([]);
    expect((await focused(page))?.inSidebar).toBe(true);
  });

  it('respects reduced motion: no transitions, no smooth scrolling, no animated progress bar', async () => {
    /**
     * Sets the media time and collects the list's scroll positions, one per `scroll` event, until
     * its `scrollend`: a smooth scroll passes through positions on the way, an instant one lands in
     * one step. Waits for the scroll to end, never for a number of milliseconds.
     */
    const scrollsFor = async (seconds: number): Promise<number[]> => {
      const list = sidebar().locator('ol.cb-list');
      await list.evaluate((element) => {
        const w = window as unknown as { __scrolls: Promise<number[]> };
        w.__scrolls = new Promise((resolve) => {
          const positions: number[] = [];
          const onScroll = () => positions.push(element.scrollTop);
          element.addEventListener('scroll', onScroll);
          element.addEventListener('scrollend', () => (element.removeEventListener('scroll', onScroll), resolve(positions)), {
            once: true,
          });
        });
      });
      await page.evaluate((s) => void (document.querySelector<HTMLVideoElement>('#movie_player video')!.currentTime = s), seconds);
      // The recorder lives in the test's world; the same `list` locator reaches it again.
      return list.evaluate(() => (window as unknown as { __scrolls: Promise<number[]> }).__scrolls, undefined, { timeout: 15_000 });
    };
    const smoothness = async () => {
      await page.goto(`https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}&paused=1`);
      await fixture(page).ready();
      await sidebar().waitFor();
      const starts = (await sidebar().locator('ol.cb-list .cb-time').allTextContents()).map((text) =>
        text.split(':').reduce((total, part) => total * 60 + Number(part), 0),
      );
      // A jump (never animated) to chapter 10, then the next chapter: an adjacent move, the one
      // the sidebar may animate.
      const jump = await scrollsFor(starts[9]! + 5);
      const adjacent = await scrollsFor(starts[10]! + 5);
      return { moved: adjacent.at(-1) !== jump.at(-1), instant: adjacent.length === 1 };
    };

    try {
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      expect(await smoothness()).toEqual({ moved: true, instant: false });

      await page.emulateMedia({ reducedMotion: 'reduce' });
      expect(await smoothness()).toEqual({ moved: true, instant: true });
      const styles = await sidebar().evaluate((aside) => {
        const root = aside.getRootNode() as ShadowRoot;
        const durations = [...root.querySelectorAll('*')].map((element) => getComputedStyle(element).transitionDuration);
        const fill = root.querySelector('.cb-progress-fill');
        return {
          transitions: [...new Set(durations)],
          // The bar steps a pixel at a time whatever the setting; it never animates.
          progress: fill ? getComputedStyle(fill).animationName : null,
          scroll: getComputedStyle(root.querySelector('.cb-list')!).scrollBehavior,
        };
      });
      expect(styles).toEqual({ transitions: ['0s'], progress: 'none', scroll: 'auto' });
    } finally {
      await page.emulateMedia({ reducedMotion: null });
    }
  });
});

describe('the popup and the options page', () => {
  async function openPopup(scheme: 'light' | 'dark') {
    await page.goto(`https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}&paused=1`);
    await fixture(page).ready();
    await sidebar().waitFor();
    const worker = browser.context.serviceWorkers()[0]!;
    const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ url: 'https://www.youtube.com/*' }))[0]!.id!);
    const popup = await browser.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 420, height: 640 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByRole('list', { name: 'Chapters' }).waitFor();
    return popup;
  }

  it.each(['light', 'dark'] as const)('the popup has no violations, with a search, and shows focus (%s)', async (scheme) => {
    const popup = await openPopup(scheme);
    expect(await audit(popup)).toEqual([]);
    await popup.getByRole('searchbox', { name: 'Search chapters' }).fill('open');
    await expect.poll(() => popup.locator('mark').count()).toBeGreaterThan(0);
    expect(await audit(popup)).toEqual([]);
    await popup.getByRole('searchbox', { name: 'Search chapters' }).fill('');
    await popup.getByRole('heading', { level: 1 }).click();
    expect(await invisibleFocus(popup, 12)).toEqual([]);
    await screenshot(popup, `a11y-popup-${scheme}`, { asset: false });
    await popup.close();
  });

  it.each(['light', 'dark'] as const)('the popup has none where nothing plays (%s)', async (scheme) => {
    const popup = await browser.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByRole('heading', { level: 1 }).waitFor();
    expect(await audit(popup)).toEqual([]);
    await popup.close();
  });

  it.each(['light', 'dark'] as const)('the options page has no violations and shows focus (%s)', async (scheme) => {
    const options = await browser.newPage();
    await options.emulateMedia({ colorScheme: scheme });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('heading', { level: 1 }).waitFor();
    await options.waitForLoadState('networkidle');
    expect(await audit(options)).toEqual([]);
    await options.getByRole('heading', { level: 1 }).click();
    expect(await invisibleFocus(options, 25)).toEqual([]);
    await screenshot(options, `a11y-options-${scheme}`, { asset: false, fullPage: true });
    await options.close();
  });
});
