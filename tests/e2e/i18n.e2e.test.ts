import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EPISODE_VIDEO_ID,
  EXTENSION_PATH,
  ROOT,
  fixture,
  launchBrowser,
  startServer,
  type FixtureServer,
  type LaunchedBrowser,
  axSidebar,
  evaluateRevealed,
} from './harness/index.ts';

// The browser's own i18n, in the built extension: the manifest's name, description and shortcut
// names, and every page's text, come from _locales/en/messages.json; no message key shows as text.

const messages = JSON.parse(readFileSync(resolve(ROOT, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const KEYS = new Set(Object.keys(messages));

let server: FixtureServer;
let browser: LaunchedBrowser;

/** Message keys that appear as words in a page's text (inside shadow roots too, closed ones included): a missing message. */
const keysShown = (page: Page) =>
  evaluateRevealed(
    page,
    (keys) => {
      const texts: string[] = [];
      const walk = (root: Document | ShadowRoot) => {
        texts.push(
          root instanceof Document
            ? root.body.innerText
            : [...root.children].map((child) => (child as HTMLElement).innerText ?? '').join(' '),
        );
        for (const element of root.querySelectorAll('*')) {
          if (element.shadowRoot) walk(element.shadowRoot);
          for (const name of ['aria-label', 'title', 'placeholder']) {
            const value = element.getAttribute(name);
            if (value) texts.push(value);
          }
        }
      };
      walk(document);
      const words = new Set(texts.join(' ').split(/[^A-Za-z0-9_@]+/));
      return keys.filter((key) => words.has(key) && /[A-Z]/.test(key));
    },
    [...KEYS],
  );

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser({ server });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the browser’s i18n', () => {
  it('names the extension and its shortcuts from the messages', async () => {
    const worker = browser.context.serviceWorkers()[0]!;
    // The built manifest names messages; the browser shows their text.
    const built = JSON.parse(readFileSync(resolve(EXTENSION_PATH, 'manifest.json'), 'utf8')) as {
      name: string;
      description: string;
      default_locale: string;
    };
    expect([built.name, built.description, built.default_locale]).toEqual(['__MSG_extName__', '__MSG_extDescription__', 'en']);
    const shown = await worker.evaluate(() => ({
      name: chrome.runtime.getManifest().name,
      description: chrome.runtime.getManifest().description,
    }));
    expect(shown).toEqual({ name: messages.extName!.message, description: messages.extDescription!.message });
    const commands = await worker.evaluate(() => chrome.commands.getAll());
    expect(Object.fromEntries(commands.map((command) => [command.name, command.description]))).toMatchObject({
      'next-chapter': messages.commandNextChapter!.message,
      'previous-chapter': messages.commandPreviousChapter!.message,
      'toggle-sidebar': messages.commandToggleSidebar!.message,
    });
  });

  it('shows words, never message keys, in the sidebar, the popup and the options page', async () => {
    const page = await browser.newPage();
    await page.goto(`https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}&paused=1`);
    await fixture(page).ready();
    const sidebar = axSidebar(page);
    await sidebar.waitFor();
    await sidebar.getByRole('button', { name: 'Expand all' }).click();
    expect(await keysShown(page)).toEqual([]);
    expect(await sidebar.getByRole('heading', { level: 2 }).textContent()).toBe(messages.chaptersHeading!.message);

    const worker = browser.context.serviceWorkers()[0]!;
    const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ url: 'https://www.youtube.com/*' }))[0]!.id!);
    const popup = await browser.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByRole('list', { name: 'Chapters' }).waitFor();
    expect(await keysShown(popup)).toEqual([]);
    expect(await popup.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['en', 'Chapterbar']);

    const options = await browser.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('heading', { name: 'Your library' }).waitFor();
    expect(await keysShown(options)).toEqual([]);
    expect(await options.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['en', messages.optionsTitle!.message]);
    await Promise.all([popup.close(), options.close(), page.close()]);
  });
});
