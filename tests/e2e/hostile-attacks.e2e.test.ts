import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EPISODE_VIDEO_ID, axSidebar, cdpOf, fixture, type LaunchedBrowser, useFileBrowser } from './harness/index.ts';

// The attacks of issue 15, each from a real script in the page's main world (or, for messages,
// from the content script's own world, as a page that fooled or took over the content script
// would speak), against the built extension in Chromium.

let browser: LaunchedBrowser;
let page: Page;
useFileBrowser((started) => ({ browser, page } = started));

const WATCH = `https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}&paused=1`;

interface ContextInfo {
  id: number;
  origin: string;
  name: string;
  auxData?: { type?: string; frameId?: string; isDefault?: boolean };
}

/** The execution contexts of Chapterbar's content scripts in this page's frames (isolated worlds with the extension's origin). */
async function contentScriptContexts(cdp: CDPSession, extensionId: string): Promise<ContextInfo[]> {
  const contexts: ContextInfo[] = [];
  const record = ({ context }: { context: ContextInfo }) => void contexts.push(context);
  cdp.on('Runtime.executionContextCreated', record);
  await cdp.send('Runtime.enable'); // reports every existing context first
  await cdp.send('Runtime.disable');
  cdp.off('Runtime.executionContextCreated', record);
  return contexts.filter((context) => context.auxData?.type === 'isolated' && context.origin === `chrome-extension://${extensionId}`);
}

/** Sends a protocol message as the content script in `contextId` would, and returns the raw reply. */
async function sendFrom(cdp: CDPSession, contextId: number, type: string, data: unknown = {}): Promise<unknown> {
  const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
    contextId,
    expression: `chrome.runtime.sendMessage(${JSON.stringify({ chapterbar: 1, type, data })})`,
    awaitPromise: true,
    returnByValue: true,
  })) as { result: { value?: unknown }; exceptionDetails?: { text: string } };
  if (exceptionDetails) throw new Error(exceptionDetails.text);
  return result.value;
}

describe('a hostile page', () => {
  it('cannot switch Chapterbar off, nor learn its id from what it posts', async () => {
    await page.addInitScript(() => {
      const w = window as unknown as { __heard: string[] };
      w.__heard = [];
      window.addEventListener('message', (event) => w.__heard.push(JSON.stringify(event.data)));
    });
    await page.goto(WATCH);
    await fixture(page).ready();
    await axSidebar(page).waitFor();
    const id = browser.extensionId!;
    // Nothing the content script posted to the page names the extension (WXT's context did).
    const heard = await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);
    expect(heard.filter((data) => data.includes(id) || data.includes('wxt'))).toEqual([]);
    // Everything WXT's context listened for, with every content-script name it uses.
    await page.evaluate((extensionId) => {
      for (const name of ['youtube', 'spotify']) {
        const type = `${extensionId}:${name}:wxt:content-script-started`;
        const detail = { contentScriptName: name, messageId: 'forged' };
        document.dispatchEvent(new CustomEvent(type, { detail }));
        window.dispatchEvent(new CustomEvent(type, { detail }));
        window.postMessage({ type, ...detail }, '*');
      }
    }, id);
    await fixture(page).navigate('dQw4w9WgXcQ');
    await expect.poll(() => axSidebar(page).count()).toBe(0);
    await fixture(page).navigate(EPISODE_VIDEO_ID);
    await axSidebar(page).waitFor();
  });

  it('finds no chapter text in any shadow root it can reach, and its clicks change nothing stored', async () => {
    await page.goto(WATCH);
    await fixture(page).ready();
    await axSidebar(page).waitFor();
    const found = await page.evaluate(() => {
      const texts: string[] = [];
      for (const element of document.querySelectorAll('*')) if (element.shadowRoot) texts.push(element.shadowRoot.textContent ?? '');
      const host = document.querySelector('chapterbar-sidebar')!;
      // Clicks a page can make: on the host, and at every point of its box.
      host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      const box = host.getBoundingClientRect();
      for (let y = box.top + 5; y < box.bottom; y += 10) {
        for (let x = box.left + 5; x < box.right; x += 20) (document.elementFromPoint(x, y) as HTMLElement | null)?.click();
      }
      return texts.join(' ');
    });
    expect(found).not.toContain('Claims access to significant public/national compute');
    expect(found).not.toContain('From hedge funds');
    const worker = browser.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${browser.extensionId}/`))!;
    const stored = await worker.evaluate(async () =>
      Object.keys(await chrome.storage.local.get(null)).filter((key) => /offset|preference|collapsed/i.test(key)),
    );
    expect(stored).toEqual([]);
    expect(await axSidebar(page).getByRole('button', { name: 'Collapse chapters' }).count()).toBe(1);
  });

  it('cannot use the content script to read or change the library', async () => {
    await page.goto(WATCH);
    await fixture(page).ready();
    await axSidebar(page).waitFor();
    const cdp = await cdpOf(page);
    const [content] = await contentScriptContexts(cdp, browser.extensionId!);
    expect(content).toBeDefined();
    for (const type of [
      'listLibrary',
      'getEpisodes',
      'saveEpisodes',
      'deleteEpisodes',
      'restoreEpisodes',
      'linkEpisode',
      'unlinkEpisode',
      'linkMediaAddress',
      'getSetAside',
      'listEpisodes',
    ]) {
      expect(await sendFrom(cdp, content!.id, type), type).toEqual({ err: `Refused: ${type} is not for this sender` });
    }
    // What the sidebar needs still answers.
    expect(await sendFrom(cdp, content!.id, 'findEpisode', { site: 'youtube', mediaId: EPISODE_VIDEO_ID })).toHaveProperty('res');
  });
});
