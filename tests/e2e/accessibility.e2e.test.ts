import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EPISODE_VIDEO_ID, fixture, screenshot, type LaunchedBrowser, useFileBrowser } from './harness/index.ts';

// An axe-core audit of everything Chapterbar shows a person (the sidebar in both themes and its
// states, the popup, the options page): no violation of the WCAG 2.1 A and AA rules. Then what
// axe cannot see: focus that shows on every control reached with Tab, and reduced motion.

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
  id: string;
  impact: string | null | undefined;
  nodes: string[];
}

declare global {
  interface Window {
    axe: typeof axe;
  }
}

/**
 * Runs axe in the page. Its source goes in through the DevTools protocol (page.evaluate), which
 * the extension pages' Content-Security-Policy does not apply to, as a <script> would. `within`
 * limits the audit to Chapterbar's own elements on a fixture site page (axe enters open shadow
 * roots), so the fixture's own markup is not judged.
 */
async function audit(page: Page, within?: string): Promise<Violation[]> {
  await page.evaluate(axe.source);
  const violations = await page.evaluate(
    async ([selector, tags]) => {
      const context = selector ? { include: [[selector]] } : document;
      const result = await window.axe.run(context as never, { runOnly: { type: 'tag', values: tags as string[] }, resultTypes: ['violations'] });
      return result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        nodes: violation.nodes.slice(0, 5).map((node) => `${JSON.stringify(node.target)}: ${node.failureSummary ?? ''}`),
      }));
    },
    [within ?? null, WCAG_21_AA] as const,
  );
  return violations;
}

/** The focused element, inside shadow roots too. */
const focused = (page: Page) =>
  page.evaluate(() => {
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

const sidebar = () => page.getByRole('complementary', { name: 'Chapters' });

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
    await page.getByRole('button', { name: 'Chapters' }).click();
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

  it('respects reduced motion: no transitions, no smooth scrolling, a still progress bar', async () => {
    const smoothness = async () => {
      await page.goto(`https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}&paused=1`);
      await fixture(page).ready();
      await sidebar().waitFor();
      const list = sidebar().locator('ol.cb-list');
      const setTime = (t: number) => page.evaluate((s) => void (document.querySelector<HTMLVideoElement>('#movie_player video')!.currentTime = s), t);
      const starts = (await list.locator('.cb-time').allTextContents()).map((text) => text.split(':').reduce((total, part) => total * 60 + Number(part), 0));
      await setTime(starts[9]! + 5);
      await page.waitForTimeout(1000);
      // The next chapter: an adjacent move, the one the sidebar may animate.
      const at = await list.evaluate((element) => element.scrollTop);
      await setTime(starts[10]! + 5);
      await page.waitForTimeout(120);
      const soon = await list.evaluate((element) => element.scrollTop);
      await page.waitForTimeout(1200);
      const settled = await list.evaluate((element) => element.scrollTop);
      return { moved: settled !== at, instant: Math.abs(soon - settled) < 2 };
    };

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
        progress: fill ? getComputedStyle(fill).animationPlayState : null,
        scroll: getComputedStyle(root.querySelector('.cb-list')!).scrollBehavior,
      };
    });
    expect(styles).toEqual({ transitions: ['0s'], progress: 'paused', scroll: 'auto' });
    await page.emulateMedia({ reducedMotion: null });
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
