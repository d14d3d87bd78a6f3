import type { Page } from 'playwright-core';
import {
  EPISODE_VIDEO_ID,
  contentScriptContext,
  extensionWorker,
  fixture,
  sendAsContentScript,
  watchLongestTask,
  type LaunchedBrowser,
} from '../e2e/harness/index.ts';
import { WATCH_PAGE_LIMITS } from '../../utils/sites/youtube.ts';
import { row, type Row } from './stats.ts';

/*
 * The background's time on the worst messages a hostile page can make a content script send
 * (issue 15): inline page data of megabytes, nested as deep as the reader allows or deeper, and
 * far over the cap. Each is sent from a real content script's world with `readPageChapters`, as the
 * content script sends it, and the service worker's longest task while it is read is the figure
 * (harness/content-world.ts: nothing else in the worker can run for that long). A second tab's
 * `findEpisode`, sent right behind it, is timed too: it waits at most that long.
 */

const ROUNDS = Number(process.env.BENCH_HOSTILE_ROUNDS ?? 5);
const CAP = WATCH_PAGE_LIMITS.maxScriptChars;

/** JavaScript (run in the content script's world) for a script text of about `chars` characters. */
const CASES: Array<{ name: string; initialData: string; playerResponse?: string; note: string }> = [
  {
    name: 'at the cap, page-like objects',
    initialData: `fill('ytInitialData', ${CAP.ytInitialData}, '{"videoRenderer":{"videoId":"C6Zpjij5AF4","title":{"runs":[{"text":"A title of ordinary length"}]},"lengthText":{"simpleText":"12:34"},"n":1.5,"ok":true}}')`,
    playerResponse: `fill('ytInitialPlayerResponse', ${CAP.ytInitialPlayerResponse}, '{"itag":18,"url":"https://example.invalid/x","mimeType":"video/mp4"}')`,
    note: '2.5 MB ytInitialData + 1 MB player response, just under the caps',
  },
  {
    name: 'at the cap, nested 128 deep',
    initialData: `fill('ytInitialData', ${CAP.ytInitialData}, '['.repeat(126) + ']'.repeat(126))`,
    playerResponse: `fill('ytInitialPlayerResponse', ${CAP.ytInitialPlayerResponse}, '['.repeat(126) + ']'.repeat(126))`,
    note: 'every value as deep as the reader parses (depth 128)',
  },
  {
    name: 'at the cap, nested deeper than allowed',
    initialData: `'var ytInitialData = {"a":' + '['.repeat(${CAP.ytInitialData - 30}) + '}'`,
    note: 'refused by the depth scan before JSON.parse',
  },
  {
    name: '8 MB, over the cap',
    initialData: `fill('ytInitialData', 8000000, '['.repeat(100) + ']'.repeat(100))`,
    note: 'refused by the schema (a fooled content script; the real one does not send it)',
  },
];

/** Defines `fill` in the content script's world: `var name = {"a":[item,item,…]};` of about `chars`. */
const FILL = `globalThis.fill ??= (name, chars, item) => {
  const head = 'var ' + name + ' = {"a":[';
  const count = Math.max(1, Math.floor((chars - head.length - 4) / (item.length + 1)));
  return head + Array(count).fill(item).join(',') + ']};';
}`;

async function openTab(browser: LaunchedBrowser, videoId: string): Promise<{ page: Page; context: number }> {
  const page = await browser.newPage();
  await page.goto(`https://www.youtube.com/watch?v=${videoId}&paused=1`);
  await fixture(page).ready();
  return { page, context: await contentScriptContext(page, browser.extensionId!) };
}

export async function hostileMessages(browser: LaunchedBrowser, into: Row[]): Promise<void> {
  const sender = await openTab(browser, 'dQw4w9WgXcQ');
  const other = await openTab(browser, EPISODE_VIDEO_ID);
  const worker = extensionWorker(browser.context, browser.extensionId!);
  const find = () => sendAsContentScript(other.page, other.context, 'findEpisode', `({ site: 'youtube', mediaId: '${EPISODE_VIDEO_ID}' })`);
  const alone: number[] = [];
  for (let i = 0; i < ROUNDS; i++) alone.push((await find()).roundTripMs);
  const behind: number[] = [];
  for (const c of CASES) {
    const longest: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const stop = await watchLongestTask(worker);
      const content = `{ initialData: ${c.initialData}${c.playerResponse ? `, playerResponse: ${c.playerResponse}` : ''}, shownVideoId: null, panels: {}, descriptions: [] }`;
      const hostile = sendAsContentScript(
        sender.page,
        sender.context,
        'readPageChapters',
        `(${FILL}, { site: 'youtube', mediaId: 'dQw4w9WgXcQ', content: ${content} })`,
      );
      // Another tab asks for its episode while the hostile message is on its way or being read.
      const [reply, answered] = await Promise.all([hostile, find()]);
      longest.push(await stop());
      behind.push(answered.roundTripMs);
      if (!(reply.reply as { res?: unknown }).res) throw new Error(`hostile: no answer for "${c.name}": ${JSON.stringify(reply.reply)}`);
    }
    into.push(row(`hostile: background's longest task, ${c.name}`, 'ms', longest, 50, c.note));
  }
  into.push(
    row(
      "hostile: another tab's findEpisode, sent with a hostile message",
      'ms',
      behind,
      50,
      `round trip; alone ${Math.min(...alone).toFixed(1)}–${Math.max(...alone).toFixed(1)} ms`,
    ),
  );
  await sender.page.close();
  await other.page.close();
}
