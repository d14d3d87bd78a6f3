import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { PageSees, TabState } from '../../../utils/messaging/protocol.ts';
import { axSidebar } from './ax.ts';

/*
 * What a tab's content script reports about its media: the popup's `getTabState`, asked through
 * the extension's service worker. Tests that expect nothing to happen (no sidebar on this video,
 * a fake message ignored) wait here for the content script's decision instead of a number of
 * milliseconds: `sees.lookup` leaves 'pending' once the library and the page have been read.
 */

/** The extension's live service worker (after an extension reload, the newest one). */
function extensionWorker(page: Page) {
  const workers = page
    .context()
    .serviceWorkers()
    .filter((worker) => worker.url().startsWith('chrome-extension://'));
  const worker = workers.at(-1);
  if (!worker) throw new Error('No extension service worker in this browser');
  return worker;
}

/**
 * The page's tab state, null when its content script reports no media. The tab is found by its
 * URL, which must be unique among the tabs (throws otherwise: a test with two tabs on one address
 * would read the wrong one).
 */
export async function tabState(page: Page): Promise<TabState | null> {
  const url = page.url();
  const answer = await extensionWorker(page).evaluate(async (address) => {
    type Chrome = {
      tabs: {
        query(query: object): Promise<Array<{ id?: number; url?: string }>>;
        sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
      };
    };
    const { tabs } = (globalThis as unknown as { chrome: Chrome }).chrome;
    const found = (await tabs.query({})).filter((tab) => tab.url === address);
    if (found.length !== 1) return { error: `${found.length} tabs at ${address}` };
    try {
      // The envelope of utils/messaging/transport.ts.
      return { reply: await tabs.sendMessage(found[0]!.id!, { chapterbar: 1, type: 'getTabState' }, { frameId: 0 }) };
    } catch (error) {
      return { error: `getTabState: ${String(error)}` };
    }
  }, url);
  if ('error' in answer) throw new Error(answer.error);
  const reply = answer.reply as { res: TabState | null } | { err: string } | undefined;
  if (!reply || 'err' in reply) throw new Error(`getTabState failed: ${JSON.stringify(reply)}`);
  return reply.res;
}

/** What the content script decided for the media it reports, or why it has not yet. */
async function decision(page: Page, media: { mediaId: string; title?: string }): Promise<string> {
  const state = await tabState(page).catch((error: unknown) => `unreachable (${String(error)})`);
  if (typeof state === 'string') return state;
  if (!state) return 'no media';
  if (state.media.mediaId !== media.mediaId) return `on ${state.media.mediaId}`;
  if (media.title !== undefined && state.media.title !== media.title) return `titled ${JSON.stringify(state.media.title)}`;
  return state.sees?.lookup ?? 'not reported';
}

/**
 * Waits until the content script has decided what to show for `media` (its id, and its title
 * when given: a late title starts a new look-up) and returns the decision. 'none' means no
 * library episode and no chapters on the page: no sidebar is coming for it.
 */
export async function settledLookup(
  page: Page,
  media: { mediaId: string; title?: string },
  options: { timeout?: number } = {},
): Promise<PageSees['lookup']> {
  const decided: readonly string[] = ['confident', 'plausible', 'asking', 'none', 'page'];
  let last = '';
  // The failure shows the last answer: still pending, on another video, unreachable...
  await expect
    .poll(async () => (last = await decision(page, media)), { timeout: options.timeout ?? 15_000 })
    .toSatisfy((answer: string) => decided.includes(answer));
  return last as PageSees['lookup'];
}

/** Waits until the content script reports no media for the page (music, a page without media). */
export async function settledNoMedia(page: Page, options: { timeout?: number } = {}): Promise<void> {
  await expect.poll(() => tabState(page).catch(() => 'unreachable'), { timeout: options.timeout ?? 15_000 }).toBeNull();
}

/**
 * Resolves after `count` of the page's animation frames: what the sidebar does in a frame (scroll
 * the list to the current chapter) has been done by then. The page must be in front (a background
 * tab gets no frames).
 */
export async function animationFrames(page: Page, count: number): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((done) => {
        const step = (left: number) => (left <= 0 ? done() : requestAnimationFrame(() => step(left - 1)));
        step(n);
      }),
    count,
  );
}

/**
 * Resolves at the first `timeupdate` of the page's media element `selector` at `minTime` seconds
 * or later. Chapterbar hears media events on the document in the capture phase, before this
 * listener on the element: when this resolves, the content script has had that event.
 */
export async function timeUpdate(page: Page, selector: string, minTime: number): Promise<void> {
  await page.evaluate(
    ([css, min]) =>
      new Promise<void>((done) => {
        const media = document.querySelector<HTMLMediaElement>(css);
        if (!media) throw new Error(`No media element ${css}`);
        const heard = () => {
          if (media.currentTime < min) return;
          media.removeEventListener('timeupdate', heard);
          done();
        };
        media.addEventListener('timeupdate', heard);
      }),
    [selector, minTime] as const,
  );
}

/**
 * Resolves once every message posted to the page's window before the call, and those their
 * handlers post in turn up to `rounds - 1` hops on (the sidebar asks the page's bridge, the bridge
 * answers), has been handled: a marker goes round the window's message queue `rounds` times.
 */
export async function postedMessagesHandled(page: Page, rounds = 3): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((done) => {
        const marker = `chapterbar-test-drain-${Math.random()}`;
        let left = n;
        const heard = (event: MessageEvent) => {
          if (event.data !== marker) return;
          if (--left > 0) return window.postMessage(marker, '*');
          window.removeEventListener('message', heard);
          done();
        };
        window.addEventListener('message', heard);
        window.postMessage(marker, '*');
      }),
    rounds,
  );
}

/**
 * Reaches for the sidebar as a person's pointer does (over its host) and waits for its tools,
 * which load then, not with the sidebar (utils/sidebar/mount.tsx).
 */
export async function reachForSidebar(page: Page): Promise<void> {
  await page.locator('chapterbar-sidebar').hover();
  await axSidebar(page).getByRole('searchbox', { name: 'Search chapters' }).waitFor();
}
