import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EPISODE_VIDEO_ID,
  ROOT,
  fixture,
  launchBrowser,
  screenshot,
  startServer,
  youtubeVideo,
  type FixtureServer,
  type LaunchedBrowser,
  axSidebar,
  type AxLocator,
  settledLookup,
  animationFrames,
} from './harness/index.ts';

// The options page: importing chapter files, managing the library, the sidebar's settings, and
// what happens to stored values Chapterbar cannot read. One browser for the file: the tests build
// on each other's library, as a person's session would.

const FIXTURES = resolve(ROOT, 'tests/fixtures/library');
const IMPORTED_VIDEO = 'LibraryTst1';
const IMPORTED_TITLE = youtubeVideo(IMPORTED_VIDEO).title;
const IMPORTED_ID = 'fixture-fm-chapterbar-test-episode-importing-chapters';
const OTHER_VIDEO = 'abcdefghijk';

let server: FixtureServer;
let browser: LaunchedBrowser;
let options: Page;
let video: Page;
let worker: Worker;

interface ChromeStorage {
  chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } } };
}
/** Everything in storage.local, read by the extension itself. */
const storedLocal = () => worker.evaluate(() => (globalThis as unknown as ChromeStorage).chrome.storage.local.get(null));

const sidebar = (p: Page = video): AxLocator => axSidebar(p);
const seekLabels = (p: Page = video) =>
  sidebar(p)
    .locator('button.cb-seek')
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
const episodeCard = (title: string) =>
  options.getByRole('listitem').filter({ has: options.getByRole('heading', { level: 3, name: title, exact: true }) });
const importInput = () => options.getByLabel('Import chapters');

async function openOptions() {
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByText(/^\d+ episodes?\.$/).waitFor();
}

async function openVideo(videoId: string, query = '') {
  await video.goto(`https://www.youtube.com/watch?v=${videoId}${query}`);
  await fixture(video).ready();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser({ server });
  worker = browser.context.serviceWorkers()[0]!;
  video = await browser.newPage();
  options = await browser.context.newPage();
  await options.setViewportSize({ width: 1100, height: 900 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('importing', () => {
  it('imports a Podcasting 2.0 file, previews it, and an open tab of the matching video shows its chapters at once', async () => {
    await openVideo(IMPORTED_VIDEO);
    // Not in the library yet: no sidebar.
    expect(await settledLookup(video, { mediaId: IMPORTED_VIDEO })).toBe('none');
    expect(await video.locator('chapterbar-sidebar').count()).toBe(0);

    await openOptions();
    expect(await options.getByText('1 episode.').count()).toBe(1);
    await importInput().setInputFiles(resolve(FIXTURES, 'importing-chapters.json'));

    const preview = options.getByRole('region', { name: 'Check before saving' });
    await preview.waitFor();
    const card = preview.getByRole('article', { name: 'importing-chapters.json' });
    expect(await card.getByText('Podcasting 2.0 chapters').count()).toBe(1);
    const chapters = card.getByRole('region', { name: `Chapters of ${IMPORTED_TITLE}` });
    expect(await chapters.locator('.op-chapters > li').evaluateAll((rows) => rows.map((row) => row.textContent))).toEqual([
      '0:00 – 0:45Cold open',
      '0:45 – 2:30Why chapters matterhttps://example.com/why',
      '2:30 – 4:00Formats podcasters publish',
      '4:00Wrapping up',
    ]);
    // The preview has keyboard focus, and the chapters' list scrolls by keyboard too.
    expect(await options.evaluate(() => document.activeElement?.id)).toBe('preview-heading');
    expect(await chapters.getAttribute('tabindex')).toBe('0');
    await screenshot(options, 'options-preview', { fullPage: true });
    await options.emulateMedia({ colorScheme: 'dark' });
    await screenshot(options, 'options-preview-dark', { fullPage: true });
    await options.emulateMedia({ colorScheme: 'light' });

    await options.getByRole('button', { name: 'Save 1 episode' }).click();
    await options
      .getByRole('status')
      .filter({ hasText: `Saved “${IMPORTED_TITLE}”.` })
      .waitFor();
    const entry = episodeCard(IMPORTED_TITLE);
    await entry.waitFor();
    expect(await entry.textContent()).toContain('4 chapters · Podcasting 2.0 chapters from importing-chapters.json');
    expect(await options.getByText('2 episodes.').count()).toBe(1);

    // The tab that was already open picks the new episode up by itself.
    await sidebar().waitFor({ timeout: 10_000 });
    expect(await seekLabels()).toEqual([
      '0:00 Cold open',
      '0:45 Why chapters matter',
      '2:30 Formats podcasters publish',
      '4:00 Wrapping up',
    ]);
    // And it is stored: a fresh page load finds it too.
    await openVideo(IMPORTED_VIDEO);
    await sidebar().waitFor();
    expect(await seekLabels()).toHaveLength(4);
  });

  it('refuses a broken file with the line to fix, saves nothing, and leaves the library as it was', async () => {
    await openOptions();
    const before = await storedLocal();
    await importInput().setInputFiles([resolve(FIXTURES, 'broken.vtt'), resolve(FIXTURES, 'importing-chapters.json')]);
    const failed = options.getByRole('article', { name: 'broken.vtt' });
    await failed.waitFor();
    expect(await failed.getByText('Chapterbar can’t import broken.vtt.').count()).toBe(1);
    const problems = failed.getByRole('group', { name: 'Problems in broken.vtt' }).getByRole('listitem');
    expect(await problems.allTextContents()).toEqual(['Line 8This chapter ends at 0:30, which is not after its start at 1:00.']);
    expect(await failed.textContent()).toContain(
      'Fix these in the file and import it again, or remove it from this import to save the others.',
    );
    // The good file is previewed, with a note that it replaces the episode already saved...
    expect(await options.getByRole('article', { name: 'importing-chapters.json' }).textContent()).toContain(
      `Replaces “${IMPORTED_TITLE}”, already in your library.`,
    );
    // ...but nothing can be saved while a file has problems.
    const save = options.getByRole('button', { name: 'Save 1 episode' });
    expect(await save.isDisabled()).toBe(true);
    expect(await options.getByText('Nothing is saved while a file has problems.').count()).toBe(1);
    await screenshot(options, 'options-import-error', { fullPage: true });

    await options.getByRole('button', { name: 'Cancel' }).click();
    await options.getByRole('region', { name: 'Check before saving' }).waitFor({ state: 'detached' });
    expect(await storedLocal()).toEqual(before);
    expect(await options.getByText('2 episodes.').count()).toBe(1);
  });

  it('takes files dropped on the import panel', async () => {
    await openOptions();
    const text = readFileSync(resolve(FIXTURES, 'broken.vtt'), 'utf8').replace('00:00:30.000', '00:01:30.000');
    await options.evaluate((content) => {
      const zone = document.querySelector('.op-dropzone')!;
      const data = new DataTransfer();
      data.items.add(new File([content], 'dropped.vtt', { type: 'text/vtt' }));
      for (const type of ['dragenter', 'dragover', 'drop'])
        zone.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }, text);
    const card = options.getByRole('article', { name: 'dropped.vtt' });
    await card.waitFor();
    expect(await card.getByText('WebVTT chapters').count()).toBe(1);
    expect(await card.locator('.op-chapter-title').allTextContents()).toEqual(['Opening', 'Ends before it starts', 'Closing']);
    await options.getByRole('button', { name: 'Cancel' }).click();
  });

  it('previews pasted timestamps, and links them to a video by its address', async () => {
    await openOptions();
    await options.getByText('Paste chapters instead').click();
    await options.getByLabel('Paste chapters').fill('0:00 Welcome\n1:10 The main part\n3:20 Questions');
    await options.getByRole('button', { name: 'Preview pasted chapters' }).click();
    const card = options.getByRole('article', { name: 'Pasted text' });
    expect(await card.getByText('Timestamp list').count()).toBe(1);
    await options.getByRole('button', { name: 'Save 1 episode' }).click();
    await episodeCard('Pasted text').waitFor();

    const pasted = episodeCard('Pasted text');
    await pasted.getByRole('button', { name: 'Link to a video' }).click();
    const address = pasted.getByLabel('YouTube or Spotify address');
    const addressId = await address.getAttribute('id');
    await expect.poll(() => options.evaluate(() => document.activeElement?.id)).toBe(addressId);
    await address.fill('vimeo.com/123');
    await address.press('Enter');
    expect(await pasted.getByRole('alert').textContent()).toMatch(
      /^Chapterbar doesn’t recognise “vimeo\.com\/123” as a video or episode address\. Paste the address of a YouTube video/,
    );
    await address.fill(`https://youtu.be/${OTHER_VIDEO}?si=shared`);
    await pasted.getByRole('button', { name: 'Link', exact: true }).click();
    await pasted.getByText('linked by you').waitFor();
    expect(await pasted.getByRole('link', { name: `YouTube ${OTHER_VIDEO}` }).getAttribute('href')).toBe(
      `https://www.youtube.com/watch?v=${OTHER_VIDEO}`,
    );

    await openVideo(OTHER_VIDEO);
    await sidebar().waitFor();
    expect(await seekLabels()).toEqual(['0:00 Welcome', '1:10 The main part', '3:20 Questions']);
  });
});

describe('managing the library', () => {
  it('renames an episode, which still shows on its video', async () => {
    await openOptions();
    const entry = episodeCard(IMPORTED_TITLE);
    await entry.getByRole('button', { name: 'Rename' }).click();
    await entry.getByLabel('Title').fill('Importing chapters, my notes');
    await entry.getByRole('button', { name: 'Save name' }).click();
    const renamed = episodeCard('Importing chapters, my notes');
    await renamed.waitFor();
    // Focus goes back to the button that opened the form.
    await expect.poll(() => options.evaluate(() => document.activeElement?.textContent)).toBe('Rename');

    await openVideo(IMPORTED_VIDEO);
    await sidebar().waitFor();
    expect(await sidebar().locator('.cb-episode').textContent()).toContain('Importing chapters, my notes');
  });

  it('deletes an episode, and undo brings it back, in open tabs too', async () => {
    await openVideo(IMPORTED_VIDEO);
    await sidebar().waitFor();
    await openOptions();
    await episodeCard('Importing chapters, my notes').getByRole('button', { name: 'Delete Importing chapters, my notes' }).click();
    const toast = options.locator('.op-toast');
    await toast.getByText('Deleted “Importing chapters, my notes”.').waitFor();
    await episodeCard('Importing chapters, my notes').waitFor({ state: 'detached' });
    await expect.poll(() => video.locator('chapterbar-sidebar').count(), { timeout: 10_000 }).toBe(0);
    // Undo has the focus, for a keyboard to reach it at once.
    expect(await options.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    await screenshot(options, 'options-undo');

    await toast.getByRole('button', { name: 'Undo' }).click();
    await toast.getByText('“Importing chapters, my notes” is back.').waitFor();
    await episodeCard('Importing chapters, my notes').waitFor();
    await sidebar().waitFor({ timeout: 10_000 });
    expect(await seekLabels()).toHaveLength(4);
  });

  it('exports an episode as Chapterbar JSON and as text, and each file imports back', async () => {
    await openOptions();
    const entry = episodeCard('Importing chapters, my notes');
    for (const [button, pattern] of [
      ['Export Importing chapters, my notes as Chapterbar JSON', /^importing-chapters-my-notes\.chapterbar\.json$/],
      ['Export Importing chapters, my notes as text', /^importing-chapters-my-notes\.txt$/],
    ] as const) {
      const downloading = options.waitForEvent('download');
      await entry.getByRole('button', { name: button }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(pattern);
      const path = await download.path();
      const text = readFileSync(path, 'utf8');
      expect(text).toContain('Why chapters matter');

      await importInput().setInputFiles({ name: download.suggestedFilename(), mimeType: 'text/plain', buffer: Buffer.from(text) });
      const card = options.getByRole('article', { name: download.suggestedFilename() });
      await card.waitFor();
      expect(await card.locator('.op-chapters > li').count()).toBe(4);
      expect(await card.locator('.op-error').count()).toBe(0);
      await options.getByRole('button', { name: 'Cancel' }).click();
    }
  });

  it('exports the whole library as one JSON file that imports back as the same episodes', async () => {
    await openOptions();
    const downloading = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export all (JSON)' }).click();
    const download = await downloading;
    const text = readFileSync(await download.path(), 'utf8');
    const file = JSON.parse(text) as { format: string; episodes: Array<{ title: string }> };
    expect(file.format).toBe('chapterbar');
    expect(file.episodes.map((episode) => episode.title).sort()).toEqual([
      'Importing chapters, my notes',
      'No Priors Ep. 3 | With Stability AI’s Emad Mostaque',
      'Pasted text',
    ]);

    await importInput().setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
    const card = options.getByRole('article', { name: download.suggestedFilename() });
    await card.getByText('Chapterbar JSON').waitFor();
    expect(await card.getByText(/^Replaces “/).count()).toBe(2);
    expect(
      await card.getByText('Stands in for the episode that comes with Chapterbar; deleting it later brings that one back.').count(),
    ).toBe(1);
    await options.getByRole('button', { name: 'Cancel' }).click();
  });
});

describe('settings', () => {
  it('apply to an open tab at once: theme, expand all, position and default state', async () => {
    await openVideo(EPISODE_VIDEO_ID);
    await sidebar().waitFor();
    expect(await sidebar().getAttribute('data-theme')).toBe('dark');
    await openOptions();

    await options.getByLabel('Light', { exact: true }).check();
    await expect.poll(() => sidebar().getAttribute('data-theme')).toBe('light');
    await options.getByLabel('Match the site').check();
    await expect.poll(() => sidebar().getAttribute('data-theme')).toBe('dark');
    // The page goes light: the sidebar follows it (so the change reached it), until the setting says dark.
    await fixture(video).setDark(false);
    await expect.poll(() => sidebar().getAttribute('data-theme')).toBe('light');
    await options.getByLabel('Dark', { exact: true }).check();
    await expect.poll(() => sidebar().getAttribute('data-theme')).toBe('dark');

    expect(await sidebar().locator('.cb-details').count()).toBe(1);
    await options.getByLabel('Expand all chapter summaries').check();
    await expect.poll(() => sidebar().locator('.cb-details').count()).toBe(16);
    await options.getByLabel('Expand all chapter summaries').uncheck();
    await expect.poll(() => sidebar().locator('.cb-details').count()).toBe(1);

    // Beside: atop the right column; below: in #below, right after the title block.
    const place = () =>
      video
        .locator('chapterbar-sidebar')
        .evaluate((host) => `${host.parentElement?.id} ${host.previousElementSibling?.tagName.toLowerCase() ?? 'first'}`);
    expect(await place()).toBe('secondary-inner first');
    await options.getByLabel('Below the player').check();
    await expect.poll(place).toBe('below ytd-watch-metadata');
    await sidebar().scrollIntoViewIfNeeded();
    await screenshot(video, 'sidebar-below-dark-setting', { asset: false });
    await options.getByLabel('Beside the player').check();
    await expect.poll(place).toBe('secondary-inner first');

    await options.getByLabel('Show only the header').check();
    await expect.poll(() => sidebar().locator('.cb-list').count()).toBe(0);
    await options.getByLabel('Show the chapters').check();
    await expect.poll(() => sidebar().locator('.cb-list').count()).toBe(1);

    // Following off: the highlight moves, the list stays where it is.
    const setTime = (seconds: number) =>
      video.evaluate((t) => {
        document.querySelector<HTMLVideoElement>('#movie_player video.html5-main-video')!.currentTime = t;
      }, seconds);
    const listTop = () =>
      sidebar()
        .locator('.cb-list')
        .evaluate((list) => list.scrollTop);
    const current = () => sidebar().locator('li[aria-current="true"] button.cb-seek').getAttribute('aria-label');
    // In front: a background tab gets no animation frames, and the list scrolls in one.
    await video.bringToFront();
    await setTime(0);
    await expect.poll(listTop).toBe(0);
    await options.getByLabel('Follow the current chapter').uncheck();
    await setTime(2400);
    await expect.poll(current).toMatch(/^36:44 /);
    // The list scrolls in the frame after the highlight moves, and a smooth scroll starts in the next.
    await animationFrames(video, 3);
    expect(await listTop()).toBe(0);
    expect(await sidebar().getByRole('button', { name: 'Back to current' }).count()).toBe(0);
    await options.getByLabel('Follow the current chapter').check();
    await expect.poll(listTop).toBeGreaterThan(100);
    await options.bringToFront();

    // Saved: the page shows the settings as they are after a reload.
    await openOptions();
    expect(await options.getByLabel('Dark', { exact: true }).isChecked()).toBe(true);
    await options.getByLabel('Match the site').check();
  });
});

describe('stored values Chapterbar cannot read', () => {
  it('sets a damaged episode aside, says what and why, and the rest of the library keeps working', async () => {
    const key = `episode:${IMPORTED_ID}`;
    await worker.evaluate(async (name) => {
      const { chrome } = globalThis as unknown as ChromeStorage;
      await chrome.storage.local.set({ [name]: { v: 1, episode: { title: 'half written' }, importedAt: 1 } });
    }, key);
    // A page asks for it: the background finds it damaged and moves it aside.
    await openVideo(IMPORTED_VIDEO);
    await openOptions();
    const banner = options.getByRole('region', { name: 'Chapterbar set aside something it could not read' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Importing chapters, my notes');
    expect(await banner.textContent()).toContain('Why: It is damaged: episode.id is missing; episode.chapters is missing.');
    expect(await banner.textContent()).toContain(`Stored as local:${key}`);
    expect(await episodeCard('Importing chapters, my notes').count()).toBe(0);
    expect((await storedLocal())[key]).toBeUndefined();
    await screenshot(options, 'options-set-aside-light', { fullPage: true });
    await options.emulateMedia({ colorScheme: 'dark' });
    await screenshot(options, 'options-set-aside-dark', { fullPage: true });
    await options.emulateMedia({ colorScheme: 'light' });

    // The download holds the value exactly as it was found.
    const downloading = options.waitForEvent('download');
    await banner.getByRole('button', { name: 'Download Importing chapters, my notes' }).click();
    const saved = JSON.parse(readFileSync(await (await downloading).path(), 'utf8')) as { key: string; value: unknown };
    expect(saved).toEqual({ key: `local:${key}`, value: { v: 1, episode: { title: 'half written' }, importedAt: 1 } });

    // The rest works.
    await openVideo(EPISODE_VIDEO_ID);
    await sidebar().waitFor();
    expect(await seekLabels()).toHaveLength(16);

    await banner.getByRole('button', { name: 'Remove Importing chapters, my notes for good' }).click();
    await banner.waitFor({ state: 'detached' });
  });
});

describe('the page', () => {
  it('looks right in light and dark', async () => {
    await openOptions();
    await options.emulateMedia({ colorScheme: 'light' });
    await screenshot(options, 'options-light', { fullPage: true });
    await options.emulateMedia({ colorScheme: 'dark' });
    await screenshot(options, 'options-dark', { fullPage: true });
    await options.emulateMedia({ colorScheme: 'light' });
    await options.setViewportSize({ width: 420, height: 900 });
    await screenshot(options, 'options-narrow', { asset: false });
    await options.setViewportSize({ width: 1100, height: 900 });
    expect(browser.consoleErrors.map((error) => `${error.source}: ${error.text}`)).toEqual([]);
  });
});
