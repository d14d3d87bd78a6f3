import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChapterFile } from '../../utils/chapters/detect';
import { formatChapterbarJson } from '../../utils/chapters/formats/chapterbar-json';
import type { Episode } from '../../utils/chapters/schema';
import {
  fixture,
  launchBrowser,
  screenshot,
  startServer,
  youtubeVideo,
  type FixtureServer,
  type LaunchedBrowser,
  ax,
  axSidebar,
  type AxLocator,
} from './harness/index.ts';
import { storeEpisodes } from './harness/library.ts';

// An episode written by an attacker, imported the way a person would import a file (the same
// parser, the same storage layout), then shown beside the video it names. Its text must render as
// text, its links must be safe, and its sizes must not break the page's layout.

const VIDEO = 'abcdefghijk';
const PWNED = 'window.__chapterbarPwned = true';
const RLO = '\u202E';
const LONG_TITLE = Array.from({ length: 400 }, (_, i) => `word${i}`)
  .join(' ')
  .padEnd(10_000, ' x')
  .slice(0, 10_000);
const LONG_WORD = 'A'.repeat(10_000);

/** The hostile file, before Chapterbar's parser sees it: every link scheme, markup, overrides, sizes. */
const hostileFile = formatChapterbarJson([
  {
    id: 'hostile-fixture',
    show: `${RLO}Evil Show<script>${PWNED}</script>`,
    title: `<img src=x onerror="${PWNED}">Hostile episode`,
    altTitles: [],
    ids: { youtube: [VIDEO] },
    offsets: {},
    duration: 300,
    chapters: [
      {
        start: 0,
        title: `<script>${PWNED}</script>Opening`,
        description: `<img src=x onerror="${PWNED}"> description`,
        bullets: ['<b>not bold</b>', '', `${RLO}exe.txt`],
        url: `javascript:${PWNED}`,
      },
      {
        start: 30,
        title: `${RLO}txt.exe is reversed inside its own row`,
        description: 'RTL: مرحبا بالعالم, then English.',
        bullets: [],
        url: 'data:text/html,<script>alert(1)</script>',
      },
      { start: 60, title: LONG_TITLE, description: LONG_WORD, bullets: [LONG_WORD] },
      { start: 120, title: 'A safe link', description: '', bullets: [], url: 'https://example.com/notes?q=<script>' },
      { start: 180, title: '&lt;i&gt;entities stay as written&lt;/i&gt;', description: '', bullets: [''] },
      { start: 240, title: 'Last', description: '', bullets: [] },
    ],
  } as unknown as Episode,
]);

let server: FixtureServer;
let browser: LaunchedBrowser;
let page: Page;
let worker: Worker;

const host = () => page.locator('chapterbar-sidebar');
const sidebar = (): AxLocator => axSidebar(page);
const row = (index: number) => sidebar().locator(`li.cb-row[data-index="${index}"]`);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser({ server });
  worker = browser.context.serviceWorkers()[0]!;
  page = await browser.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a hostile chapter file', () => {
  it('loses its unsafe links in the parser, and keeps everything else as text', () => {
    const result = parseChapterFile(hostileFile, { fileName: 'hostile.chapterbar.json' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map((w) => w.field)).toEqual(['episodes[0].chapters[0].url', 'episodes[0].chapters[1].url']);
    const chapters = result.episodes[0]!.chapters;
    expect(chapters.map((c) => c.url)).toEqual([
      undefined,
      undefined,
      undefined,
      'https://example.com/notes?q=%3Cscript%3E',
      undefined,
      undefined,
    ]);
    expect(chapters[0]!.title).toBe(`<script>${PWNED}</script>Opening`);
  });

  it('renders as text beside its video, with only http(s) links, and the layout holds', async () => {
    const parsed = parseChapterFile(hostileFile, { fileName: 'hostile.chapterbar.json' });
    if (!parsed.ok) throw new Error('the hostile file did not parse');
    await page.goto(`https://www.youtube.com/watch?v=${VIDEO}&dark=0&paused=1`);
    await fixture(page).ready();
    await fixture(page).playerReady();
    expect(await host().count()).toBe(0);

    // Imported while the tab is open, as a person would: the tab shows it at once.
    await storeEpisodes(worker, parsed.episodes, 'hostile.chapterbar.json');
    await sidebar().waitFor();
    expect(await host().count()).toBe(1);
    await expect.poll(() => sidebar().locator('button.cb-seek').count()).toBe(6);

    // Text, not markup: nothing ran, no element was made from the file's text.
    expect(await sidebar().locator('script, img, iframe, object, embed, b, i').count()).toBe(0);
    expect(await row(0).locator('.cb-title').textContent()).toBe(`<script>${PWNED}</script>Opening`);
    expect(await row(4).locator('.cb-title').textContent()).toBe('&lt;i&gt;entities stay as written&lt;/i&gt;');
    expect(await page.evaluate(() => (window as unknown as { __chapterbarPwned?: boolean }).__chapterbarPwned)).toBeUndefined();

    // Links: only the https one, safe, in a new tab; none anywhere else in the sidebar.
    await sidebar().getByRole('button', { name: 'Expand all' }).click();
    const links = await sidebar()
      .locator('a')
      .evaluateAll((anchors) =>
        anchors.map((a) => ({
          href: a.getAttribute('href'),
          rel: a.getAttribute('rel'),
          target: a.getAttribute('target'),
          text: a.textContent,
        })),
      );
    expect(links).toEqual([
      { href: 'https://example.com/notes?q=%3Cscript%3E', rel: 'noopener noreferrer', target: '_blank', text: 'example.com/notes' },
    ]);
    const html = await ax(page)
      .locator('chapterbar-sidebar')
      .shadowRoot()
      .evaluate((root) => root.innerHTML);
    expect(html).not.toMatch(/javascript:|data:text/i);

    // Direction overrides stay inside their own text.
    expect(await row(1).locator('.cb-title').getAttribute('dir')).toBe('auto');
    expect(await sidebar().locator('.cb-episode bdi').count()).toBe(2);

    // Layout: the column keeps its width, nothing scrolls sideways, the 10,000-character title is
    // clamped to a few lines, and the unbroken 10,000-character word wraps inside the column.
    const box = (await sidebar().boundingBox())!;
    const secondary = (await page.locator('#secondary').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(secondary.x - 1);
    expect(box.x + box.width).toBeLessThanOrEqual(secondary.x + secondary.width + 1);
    const list = sidebar().locator('ol.cb-list');
    expect(await list.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    const titleBox = (await row(2).locator('.cb-title').boundingBox())!;
    expect(titleBox.height).toBeLessThanOrEqual(4 * 20 + 1);
    expect(titleBox.x + titleBox.width).toBeLessThanOrEqual(box.x + box.width);
    const details = (await row(2).locator('.cb-details').boundingBox())!;
    expect(details.x + details.width).toBeLessThanOrEqual(box.x + box.width);
    // The page's own layout is untouched: the player keeps its place and size.
    const player = (await page.locator('#movie_player').boundingBox())!;
    expect(player.x + player.width).toBeLessThanOrEqual(box.x);

    // The hostile rows still work: a click seeks.
    await row(3).locator('button.cb-seek').click();
    await expect.poll(async () => (await fixture(page).video())!.currentTime).toBeGreaterThanOrEqual(120);
    await expect.poll(() => row(3).getAttribute('aria-current')).toBe('true');
    await list.evaluate((el) => (el.scrollTop = 0));
    await screenshot(page, 'hostile-chapters', { asset: false });

    expect(youtubeVideo(VIDEO).lengthSeconds).toBe(300);
    expect(browser.consoleErrorsOf(page)).toEqual([]);
  });
});
