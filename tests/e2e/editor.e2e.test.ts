import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EPISODE_VIDEO_ID,
  axSidebar,
  axeAudit,
  evaluateRevealed,
  fixture,
  layersInside,
  launchBrowser,
  screenshot,
  startServer,
  type AxLocator,
  type FixtureServer,
  type LaunchedBrowser,
} from './harness/index.ts';

// Making chapters while the media plays (issue 16): "Make chapters" from the popup on a video
// without any, "Edit chapters" on the bundled episode, undo and redo, nothing lost when the tab
// goes, and edit mode checked by axe in both themes. The tests build on each other's library.

const NO_CHAPTERS_VIDEO = 'dQw4w9WgXcQ';
const MADE_ID = `mine-youtube-${NO_CHAPTERS_VIDEO}`;
const BUNDLED_ID = 'no-priors-no-priors-ep-3-with-stability-ai-s-emad-mostaque';

let server: FixtureServer;
let browser: LaunchedBrowser;
let video: Page;
let worker: Worker;

interface StoredEpisode {
  editRevision?: number;
  episode: { id: string; title: string; chapters: Array<{ start: number; title: string; description: string; bullets: string[] }> };
}
interface ChromeStorage {
  chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
}
/** An episode as the library stored it, read by the extension itself. */
const stored = (id: string) =>
  worker.evaluate(
    async (key) => ((await (globalThis as unknown as ChromeStorage).chrome.storage.local.get(key))[key] ?? null) as StoredEpisode | null,
    `episode:${id}`,
  );

// The sidebar's shadow root is closed: reached as assistive technology does (harness/ax.ts).
const sidebar = (page: Page = video): AxLocator => axSidebar(page);
const mainVideo = (page: Page = video) => page.locator('#movie_player video.html5-main-video');
const setTime = (seconds: number, page: Page = video) =>
  mainVideo(page).evaluate((element: HTMLVideoElement, to) => (element.currentTime = to), seconds);
const currentTime = (page: Page = video) => mainVideo(page).evaluate((element: HTMLVideoElement) => element.currentTime);
const titleBoxes = () => sidebar().getByRole('textbox', { name: 'Chapter title' });
const chapterGroup = (n: number) => sidebar().getByRole('group', { name: new RegExp(`^Chapter ${n} at `) });

/** The focused element's accessible label, looking into the sidebar's (closed) shadow root. */
const focusedLabel = () =>
  evaluateRevealed(video, () => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.getAttribute('aria-label') ?? active?.textContent?.trim() ?? null;
  });

/** Value of a text box in the sidebar. */
const valueOf = (box: AxLocator) => box.evaluate((element) => (element as HTMLInputElement).value);

/**
 * A chapter at `seconds`, titled by typing, kept with Enter (which returns focus to "Add chapter
 * here"). Returns the media time just after the click: while playing, the chapter starts between
 * `seconds` and then, however slow the machine.
 */
async function addChapterAt(seconds: number, title: string): Promise<number> {
  await setTime(seconds);
  await sidebar().getByRole('button', { name: 'Add chapter here' }).click();
  const after = await currentTime();
  await expect.poll(focusedLabel).toBe('Chapter title');
  await video.keyboard.type(title);
  await video.keyboard.press('Enter');
  await expect.poll(focusedLabel).toBe('Add chapter here');
  return after;
}

/** Adds a bullet to chapter `n` and types it once its box has the focus. */
async function addBullet(n: number, text: string, number: number) {
  await chapterGroup(n).getByRole('button', { name: 'Add bullet' }).click();
  await expect.poll(focusedLabel).toBe(`Bullet ${number}`);
  await video.keyboard.type(text);
}

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

describe('making chapters for a video without any', () => {
  it('starts from the popup, adds three chapters while the video plays, and they show, highlight and seek after a reload', async () => {
    await video.goto(`https://www.youtube.com/watch?v=${NO_CHAPTERS_VIDEO}`);
    await fixture(video).ready();
    await fixture(video).playerReady();
    const popup = await browser.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByRole('button', { name: 'Make chapters' }).click();
    await popup.close();
    await video.bringToFront();
    await sidebar().getByRole('button', { name: 'Add chapter here' }).waitFor();
    expect(await sidebar().locator('.cb-edit-empty').textContent()).toContain('No chapters yet.');

    await mainVideo().evaluate((element: HTMLVideoElement) => element.play());
    const coldOpenBy = await addChapterAt(0, 'Cold open');
    const mainStoryBy = await addChapterAt(62, 'The main story');
    const nextBy = await addChapterAt(150, 'What comes next');
    await expect.poll(() => titleBoxes().count()).toBe(3);

    // One nudged a second later; one description and two bullets written.
    await chapterGroup(2).getByRole('button', { name: '+1 s, a second later' }).click();
    await chapterGroup(1).getByRole('textbox', { name: 'Description' }).fill('Where the story starts.');
    await addBullet(1, 'A first point', 1);
    await addBullet(1, 'A second point', 2);

    // Saved as it happens, without Done.
    await expect.poll(async () => (await stored(MADE_ID))?.episode.chapters[0]?.bullets).toEqual(['A first point', 'A second point']);
    const saved = (await stored(MADE_ID))!.episode;
    expect(saved.title).toBe('Some other video');
    expect(saved.chapters.map((chapter) => chapter.title)).toEqual(['Cold open', 'The main story', 'What comes next']);
    expect(saved.chapters[0]).toMatchObject({ description: 'Where the story starts.' });
    expect(saved.chapters[0]!.start).toBeLessThanOrEqual(Math.ceil(coldOpenBy));
    // Added while playing: the start is the moment of the click, a little after the time set; then +1 s.
    expect(saved.chapters[1]!.start).toBeGreaterThanOrEqual(63);
    expect(saved.chapters[1]!.start).toBeLessThanOrEqual(Math.ceil(mainStoryBy) + 1);
    expect(saved.chapters[2]!.start).toBeGreaterThanOrEqual(150);
    expect(saved.chapters[2]!.start).toBeLessThanOrEqual(Math.ceil(nextBy));

    await video.reload();
    await fixture(video).ready();
    const seekButtons = sidebar().locator('button.cb-seek');
    await expect
      .poll(() => seekButtons.evaluateAll((buttons) => buttons.map((button) => button.querySelector('.cb-title')?.textContent)))
      .toEqual(['Cold open', 'The main story', 'What comes next']);
    await setTime(100);
    await expect.poll(() => sidebar().locator('li[aria-current="true"] .cb-title').textContent()).toBe('The main story');
    await seekButtons.nth(2).click();
    await expect.poll(async () => Math.floor(await currentTime())).toBe(Math.floor(saved.chapters[2]!.start));
    await expect.poll(() => sidebar().locator('li[aria-current="true"] .cb-title').textContent()).toBe('What comes next');
  });

  it('edit mode has no axe violation, in light and dark, and looks right in both', async () => {
    await sidebar().getByRole('button', { name: 'Edit chapters' }).click();
    await sidebar().getByRole('button', { name: 'Done' }).waitFor();
    await mainVideo().evaluate((element: HTMLVideoElement) => element.pause());
    for (const theme of ['light', 'dark'] as const) {
      await fixture(video).setDark(theme === 'dark');
      await expect.poll(() => sidebar().getAttribute('data-theme')).toBe(theme);
      expect(await axeAudit(video, 'chapterbar-sidebar')).toEqual([]);
      await screenshot(video, `editor-${theme}`);
    }
    await sidebar().getByRole('button', { name: 'Done' }).click();
    await sidebar().getByRole('button', { name: 'Edit chapters' }).waitFor();
  });
});

describe('editing the bundled episode', () => {
  it('saves a copy of the person’s own that stands in for it; undo and redo each step', async () => {
    await video.goto(`https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}`);
    await fixture(video).ready();
    await sidebar().getByRole('button', { name: 'Edit chapters' }).click();
    const firstTitle = titleBoxes().first();
    await firstTitle.waitFor();
    const original = await valueOf(firstTitle);
    expect(await stored(BUNDLED_ID)).toBeNull();

    await firstTitle.fill('My own first chapter');
    await firstTitle.press('Enter');
    await addChapterAt(30, 'A chapter of my own');
    await expect.poll(async () => (await stored(BUNDLED_ID))?.episode.chapters.length).toBe(17);

    // Undo inside the sidebar, one step at a time: the new chapter's title (typed: one step), the
    // new chapter, the first title. Redo puts each back. Every step is saved.
    const add = sidebar().getByRole('button', { name: 'Add chapter here' });
    const titles = async () => (await stored(BUNDLED_ID))?.episode.chapters.map((chapter) => chapter.title) ?? [];
    await add.press('Control+z');
    await expect.poll(titles).toContain('Chapter 2');
    await add.press('Control+z');
    await expect.poll(async () => (await titles()).length).toBe(16);
    await add.press('Control+z');
    await expect.poll(async () => (await titles())[0]).toBe(original);
    expect(await valueOf(firstTitle)).toBe(original);
    await sidebar().getByRole('button', { name: 'Redo' }).click();
    await expect.poll(async () => (await titles())[0]).toBe('My own first chapter');
    await add.press('Control+Shift+Z');
    await expect.poll(async () => (await titles()).length).toBe(17);
    await add.press('Control+Shift+Z');
    await expect.poll(titles).toContain('A chapter of my own');

    await sidebar().getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => sidebar().locator('button.cb-seek .cb-title').first().textContent()).toBe('My own first chapter');

    // The bundled original is still there: the options page lists the edit as "your copy" of it.
    const options = await browser.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByText('Your copy', { exact: false }).first().waitFor();
    await options.close();
  });

  it('ignores a page script’s click() on the editor’s buttons', async () => {
    await sidebar().getByRole('button', { name: 'Edit chapters' }).click();
    const before = (await stored(BUNDLED_ID))!.editRevision;
    const add = sidebar().getByRole('button', { name: 'Add chapter here' });
    await add.evaluate((button) => button.click());
    await add.evaluate((button) => button.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true })));
    // Done saves whatever waits; had the script's click counted, its chapter would be saved now.
    await sidebar().getByRole('button', { name: 'Done' }).click();
    await sidebar().getByRole('button', { name: 'Edit chapters' }).waitFor();
    expect(await sidebar().locator('button.cb-seek').count()).toBe(17);
    expect((await stored(BUNDLED_ID))!.editRevision).toBe(before);
  });
});

describe('what edit mode costs the page', () => {
  // The page redraws with every step of its own progress bar while the media plays; a layer of the
  // sidebar's would be redrawn, committed and composited with each (a scrolling description box
  // was one, and pushed the boxes drawn over it into layers of their own: 24 of them).
  it('adds no composited layer: no box scrolls, however long its text', async () => {
    await sidebar().getByRole('button', { name: 'Edit chapters' }).click();
    await titleBoxes().first().waitFor();
    const descriptions = sidebar().getByRole('textbox', { name: 'Description' });
    const first = descriptions.first();
    // The bundled episode's descriptions are paragraphs: more than the two rows a box starts with.
    expect((await valueOf(first)).length).toBeGreaterThan(200);
    expect(await first.evaluate((box) => box.scrollHeight - box.clientHeight)).toBeLessThanOrEqual(0);
    // The bullets too: a box each, every one as tall as its text.
    const overflow = await chapterGroup(1).evaluate((group) =>
      [...group.querySelectorAll('textarea')].map((box) => ({ chars: box.value.length, scrolls: box.scrollHeight > box.clientHeight })),
    );
    expect(overflow.length).toBeGreaterThan(2);
    expect(overflow.filter((box) => box.scrolls)).toEqual([]);
    expect(await layersInside(video, 'chapterbar-sidebar')).toEqual([]);
    await screenshot(video, 'editor-long-text');
    await sidebar().getByRole('button', { name: 'Done' }).click();
    await sidebar().getByRole('button', { name: 'Edit chapters' }).waitFor();
  });
});

describe('nothing lost', () => {
  // The saver sends the first unsaved change within 250 ms, without restarting on each keystroke
  // (unit-tested with the clock under the test's control: tests/unit/sidebar/editor/). Here, the
  // renderer dies the moment the last keystroke's save has reached the library, without a
  // pagehide, and what was typed is there when the page comes back.
  it('keeps what was typed when the renderer crashes', async () => {
    await video.goto(`https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}`);
    await fixture(video).ready();
    await sidebar().getByRole('button', { name: 'Edit chapters' }).click();
    const box = titleBoxes().nth(1);
    await box.click();
    await box.press('Control+a');
    const typed = 'Typed just before the crash';
    await video.keyboard.type(typed);
    await expect.poll(async () => (await stored(BUNDLED_ID))?.episode.chapters[1]?.title).toBe(typed);
    const session = await video.context().newCDPSession(video);
    const crashed = video.waitForEvent('crash');
    // The command gets no answer from a renderer that is gone.
    void session.send('Page.crash').catch(() => {});
    await crashed;
    const again = await browser.newPage();
    await again.goto(`https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}`);
    await fixture(again).ready();
    await expect.poll(() => sidebar(again).locator('button.cb-seek .cb-title').nth(1).textContent()).toBe(typed);
    video = again;
  });
});
