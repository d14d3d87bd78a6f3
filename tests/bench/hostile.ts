import { readFileSync, readdirSync } from 'node:fs';
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
import { MAX_JSON_CONTAINERS } from '../../utils/page-chapters/reading/page-json.ts';
import { WATCH_PAGE_LIMITS } from '../../utils/sites/youtube.ts';
import { findBrowserPid } from './process-cpu.ts';
import { row, type Row } from './stats.ts';

/*
 * The background's time on the worst messages a hostile page can make a content script send
 * (issue 15): however many megabytes a page's inline data is, the content script sends only windows
 * of it (WATCH_PAGE_LIMITS.windows), so the worst is every window at its bounds, holding objects
 * nested as deep as the reader allows or deeper. One more case shows what the background paid when
 * the whole script was sent (refused now). Each is sent from a real content script's world with `readPageChapters`, as
 * the content script sends it (harness/content-world.ts). The figure is the CPU time the
 * extension's process (the service worker: receiving the message, checking and parsing it)
 * spends per message, read from /proc, so that a loaded machine does not inflate it as it does
 * wall-clock time. Then the worker's longest task while one is read (wall clock: on a busy
 * machine it includes time the thread waited for a core), and a second tab's `findEpisode` sent
 * at the same moment, which waits at most that long.
 */

const TICK_MS = 10;
/** utime + stime of the extension's renderer processes under Chromium's browser process, in ms. */
function extensionCpuMs(browserPid: number): number {
  const stats = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const text = readFileSync(`/proc/${name}/stat`, 'utf8');
        const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
        return [{ pid: Number(name), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) }];
      } catch {
        return [];
      }
    });
  const parent = new Map(stats.map((s) => [s.pid, s.ppid]));
  const under = (pid: number) => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === browserPid) return true;
    return false;
  };
  const cmdline = (pid: number) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      return '';
    }
  };
  return stats.filter((s) => under(s.pid) && cmdline(s.pid).includes('--extension-process')).reduce((sum, s) => sum + s.ticks, 0) * TICK_MS;
}

const ROUNDS = Number(process.env.BENCH_HOSTILE_ROUNDS ?? 5);
const WINDOWS = JSON.stringify(WATCH_PAGE_LIMITS.windows);
const PAGE_LIKE =
  '{"videoRenderer":{"videoId":"C6Zpjij5AF4","title":{"runs":[{"text":"A title of ordinary length"}]},"lengthText":{"simpleText":"12:34"},"n":1.5,"ok":true}}';
const DEEP = `'['.repeat(126) + ']'.repeat(126)`;

/**
 * The content of each message, as JavaScript run in the content script's world: what a hostile page
 * can make the content script send is its windows (WATCH_PAGE_LIMITS.windows), every one as long and
 * as many as allowed and holding a whole object of this video's, with as many objects and arrays as
 * the reader parses (MAX_JSON_CONTAINERS), so that all of it is parsed; or more, refused by the scan.
 */
const CASES: Array<{ name: string; content: string; note: string; budget: number | null }> = [
  {
    name: 'windows at the bounds, page-like objects',
    content: `{ initialData: windows(${WINDOWS}.ytInitialData, '${PAGE_LIKE}', 6), playerResponse: windows(${WINDOWS}.ytInitialPlayerResponse, '${PAGE_LIKE}', 6) }`,
    note: 'every window as long and as many as the content script cuts, each object as large as the reader parses',
    budget: 50,
  },
  {
    name: 'windows at the bounds, nested 128 deep',
    content: `{ initialData: windows(${WINDOWS}.ytInitialData, ${DEEP}, 126), playerResponse: windows(${WINDOWS}.ytInitialPlayerResponse, ${DEEP}, 126) }`,
    note: 'every value as deep as the reader parses (depth 128)',
    budget: 50,
  },
  {
    name: 'windows at the bounds, nested deeper than allowed',
    content: `{ initialData: ${WINDOWS}.ytInitialData.flatMap(([key, chars, count]) => Array(count).fill(key + (key.endsWith('{') ? '' : 'x",') + '"a":' + '['.repeat(chars - key.length - 8))), playerResponse: ${WINDOWS}.ytInitialPlayerResponse.flatMap(([key, chars, count]) => Array(count).fill(key + '"a":' + '['.repeat(chars - key.length - 8))) }`,
    note: 'refused by the depth scan before JSON.parse',
    budget: 50,
  },
  {
    name: 'windows at the bounds, more arrays than allowed',
    content: `{ initialData: windows(${WINDOWS}.ytInitialData, '[]', 0), playerResponse: windows(${WINDOWS}.ytInitialPlayerResponse, '[]', 0) }`,
    note: 'one array every 3 characters: refused by the scan after MAX_JSON_CONTAINERS, before JSON.parse',
    budget: 50,
  },
  {
    name: 'a whole 8 MB script, as the content script sent before windows',
    content: `{ initialData: ['"playerBar":{"a":[' + Array(80000).fill('['.repeat(50) + ']'.repeat(50)).join(',') + ']}'] }`,
    note: 'not a message the content script sends (its windows are bounded): refused by the schema; the cost is the receipt of 8 MB, before any handler runs',
    budget: null,
  },
];

/**
 * Defines `windows` in the content script's world: for each [key, chars, count], `count` windows of
 * about `chars` that start with the key and hold one object naming dQw4w9WgXcQ, with `item`s in it
 * (each holding `containers` objects and arrays; 0: as many as fit, whatever the reader allows).
 */
const FILL = `globalThis.windows ??= (keys, item, containers) => keys.flatMap(([key, chars, count]) => {
  const head = key + (key.endsWith('{') ? '' : 'auto-chapters",') + '"watchEndpoint":{"videoId":"dQw4w9WgXcQ"},"videoId":"dQw4w9WgXcQ","a":[';
  const fit = Math.max(1, Math.floor((chars - head.length - 2) / (item.length + 1)));
  const n = containers ? Math.min(fit, Math.floor((${MAX_JSON_CONTAINERS} - 3) / containers)) : fit;
  return Array(count).fill(head + Array(n).fill(item).join(',') + ']}');
})`;

async function openTab(browser: LaunchedBrowser, videoId: string): Promise<{ page: Page; context: number }> {
  const page = await browser.newPage();
  await page.goto(`https://www.youtube.com/watch?v=${videoId}&paused=1`);
  await fixture(page).ready();
  return { page, context: await contentScriptContext(page, browser.extensionId!) };
}

export async function hostileMessages(browser: LaunchedBrowser, into: Row[], extensionPath: string): Promise<void> {
  const browserPid = findBrowserPid(extensionPath);
  const sender = await openTab(browser, 'dQw4w9WgXcQ');
  const other = await openTab(browser, EPISODE_VIDEO_ID);
  const worker = extensionWorker(browser.context, browser.extensionId!);
  const find = () => sendAsContentScript(other.page, other.context, 'findEpisode', `({ site: 'youtube', mediaId: '${EPISODE_VIDEO_ID}' })`);
  const alone: number[] = [];
  for (let i = 0; i < ROUNDS; i++) alone.push((await find()).roundTripMs);
  const behind: number[] = [];
  const send = (c: (typeof CASES)[number]) =>
    sendAsContentScript(
      sender.page,
      sender.context,
      'readPageChapters',
      `(${FILL}, { site: 'youtube', mediaId: 'dQw4w9WgXcQ', content: { shownVideoId: null, panels: {}, descriptions: [], ...${c.content} } })`,
    );
  const messageChars = async (c: (typeof CASES)[number]) =>
    (
      (await sender.page.evaluate(
        // The message's size as JSON, which is how the browser carries it; measured in the page's world (same code).
        `(${FILL.replace('globalThis.windows ??=', 'globalThis.windows =')}, JSON.stringify(${c.content}).length)`,
      )) as number
    ).toLocaleString('en');
  for (const c of CASES) {
    // CPU per message: the extension process's time over ROUNDS messages, less as long idle.
    const idleStart = extensionCpuMs(browserPid);
    const t0 = performance.now();
    for (let i = 0; i < ROUNDS; i++) await find();
    const idle = extensionCpuMs(browserPid) - idleStart;
    const idleMs = performance.now() - t0;
    const cpu: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const start = extensionCpuMs(browserPid);
      const reply = await send(c);
      cpu.push(extensionCpuMs(browserPid) - start);
      if (!(reply.reply as { res?: unknown }).res) throw new Error(`hostile: no answer for "${c.name}": ${JSON.stringify(reply.reply)}`);
    }
    const longest: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const stop = await watchLongestTask(worker);
      // Another tab asks for its episode while the hostile message is on its way or being read.
      const [, answered] = await Promise.all([send(c), find()]);
      longest.push(await stop());
      if (c.budget !== null) behind.push(answered.roundTripMs);
    }
    const longestNote = `worker's longest task (wall clock) ${Math.min(...longest).toFixed(0)}–${Math.max(...longest).toFixed(0)} ms`;
    into.push(
      row(
        `hostile: background CPU per message, ${c.name}`,
        'ms',
        cpu,
        c.budget,
        `${c.note}; ${await messageChars(c)} characters of content; ${longestNote}; ${ROUNDS} findEpisode messages cost ${idle} ms CPU over ${idleMs.toFixed(0)} ms; /proc resolution 10 ms`,
      ),
    );
  }
  into.push(
    row(
      "hostile: another tab's findEpisode, sent with a hostile message",
      'ms',
      behind,
      50,
      `round trip, wall clock, beside the messages a page can cause; alone ${Math.min(...alone).toFixed(1)}–${Math.max(...alone).toFixed(1)} ms`,
    ),
  );
  await sender.page.close();
  await other.page.close();
}
