import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { EPISODE_VIDEO_ID, EXTENSION_PATH, fixture, launchBrowser, startServer } from '../e2e/harness/index.ts';
import { WATCH, video } from './machine-cost.ts';
import { originOf, ownMs, type Profile } from './profile-samples.ts';

/*
 * `node --import tsx tests/bench/profile-cpu.ts [extension folder]`: where Chapterbar's CPU goes
 * during the bench's single-page navigations and full loads, as CPU profiles of the page's renderer
 * (every world of its main thread: the page's and the content script's) and of the extension's
 * service worker. Prints self time by script and the heaviest functions; writes the .cpuprofile files
 * to /tmp for DevTools. A tool for finding costs, not a bench row.
 */

const OTHER = 'dQw4w9WgXcQ';
const SETTLE_MS = 1000;
const NAVIGATIONS = 16;
const LOADS = 8;
const PLAY_MS = 10_000;
const PAUSED_MS = 10_000;

/** A worker's DevTools session through the page's (Playwright opens sessions only for pages). */
class TargetSession {
  private next = 1;
  private readonly pending = new Map<number, (reply: { result?: unknown; error?: { message: string } }) => void>();
  private constructor(
    private readonly parent: CDPSession,
    private readonly sessionId: string,
  ) {
    parent.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      if (message.id !== undefined) this.pending.get(message.id)?.(message);
    });
  }

  static async attachWorker(page: Page): Promise<TargetSession | null> {
    const cdp = await page.context().newCDPSession(page);
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    if (!worker) return null;
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    return new TargetSession(cdp, sessionId);
  }

  send<R>(method: string, params: object = {}): Promise<R> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (reply) => (reply.error ? reject(new Error(reply.error.message)) : resolve(reply.result as R)));
      void this.parent.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) });
    });
  }
}

type Sender = { send<R>(method: string, params?: object): Promise<R> };
const sender = (cdp: CDPSession): Sender => ({ send: (m, p) => cdp.send(m as never, p as never) as never });

/**
 * Counts, in the worker, the messages it receives (by type) and the storage writes anyone makes
 * (by area and key), from now until `read()`: what a navigation or a load asks of the background.
 */
async function countTraffic(worker: Sender | null) {
  const expression = (body: string) => ({ expression: `(() => { ${body} })()`, returnByValue: true });
  await worker?.send('Runtime.evaluate', {
    ...expression(`
      const counts = (globalThis.__benchTraffic ??= { messages: {}, writes: {}, on: false });
      counts.messages = {};
      counts.writes = {};
      if (counts.on) return;
      counts.on = true;
      chrome.runtime.onMessage.addListener((message) => {
        const type = (message && message.type) || '?';
        counts.messages[type] = (counts.messages[type] ?? 0) + 1;
      });
      chrome.storage.onChanged.addListener((changes, area) => {
        for (const key of Object.keys(changes)) counts.writes[area + ':' + key] = (counts.writes[area + ':' + key] ?? 0) + 1;
      });`),
  });
  return {
    async read(label: string, per: number) {
      if (!worker) return;
      const { result } = await worker.send<{ result: { value: { messages: Record<string, number>; writes: Record<string, number> } } }>(
        'Runtime.evaluate',
        expression('return globalThis.__benchTraffic;'),
      );
      const line = (counts: Record<string, number>) =>
        Object.entries(counts)
          .map(([key, n]) => `${key} ${(n / per).toFixed(2)}`)
          .join(', ') || 'none';
      console.log(`\n== ${label}, per one: messages ${line(result.value.messages)}; storage writes ${line(result.value.writes)}`);
    },
  };
}

async function profiled(targets: Array<[string, Sender | null]>, label: string, per: number, work: () => Promise<void>) {
  const live = targets.filter((t): t is [string, Sender] => t[1] !== null);
  for (const [, s] of live) {
    await s.send('Profiler.enable');
    await s.send('Profiler.setSamplingInterval', { interval: 200 });
    await s.send('Profiler.start');
  }
  const started = Date.now();
  await work();
  const workMs = Date.now() - started;
  for (const [name, s] of live) {
    const { profile } = await s.send<{ profile: Profile }>('Profiler.stop');
    writeFileSync(`/tmp/chapterbar-${label}-${name}.cpuprofile`, JSON.stringify(profile));
    // A full load restarts the renderer's profile with its new document: only the last load is in it.
    const covered = Math.min(1, (profile.endTime - profile.startTime) / 1000 / workMs);
    summarize(`${label}, ${name}`, profile, Math.max(1, Math.round(per * covered)));
  }
}

function summarize(title: string, profile: Profile, per: number) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byUrl = new Map<string, number>();
  const byFunction = new Map<string, number>();
  // Chapterbar's code with the browser's functions it calls (messaging, DOM, storage).
  const own = ownMs(profile, 'gap');
  for (const [id, ms] of self) {
    const { callFrame } = byId.get(id)!;
    const origin = originOf(callFrame.url);
    const url = (origin ? callFrame.url.replace(origin, 'ext:') : callFrame.url) || `(${callFrame.functionName || 'native'})`;
    byUrl.set(url, (byUrl.get(url) ?? 0) + ms);
    const fn = `${callFrame.functionName || '(anonymous)'} ${url}:${callFrame.lineNumber + 1}:${callFrame.columnNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${v.toFixed(1).padStart(8)} ms  ${k}`)
      .join('\n');
  console.log(
    `\n== ${title}: ${((profile.endTime - profile.startTime) / 1000).toFixed(0)} ms profiled\n-- self time by script\n${top(byUrl, 12)}`,
  );
  console.log(`-- heaviest functions\n${top(byFunction, 25)}`);
  console.log(`-- Chapterbar's code and what it calls: ${own.toFixed(1)} ms, ${(own / per).toFixed(1)} ms per one (${per} in the profile)`);
}

async function main() {
  const server = await startServer();
  const browser = await launchBrowser({ server, extensionPath: process.argv[2] ?? EXTENSION_PATH });
  try {
    const page = await browser.newPage();
    await page.goto(`${WATCH}&paused=1&t=140`);
    await fixture(page).ready();
    await page.waitForTimeout(1500);
    const renderer = sender(await page.context().newCDPSession(page));
    const worker = await TargetSession.attachWorker(page);
    // Paused after playing, as the bench's paused span (within the page's first 30 s, while the
    // page's own chapters may still be looked for).
    let traffic = await countTraffic(worker);
    await video(page, 'play');
    await page.waitForTimeout(PLAY_MS);
    await video(page, 'pause');
    await traffic.read('playing, per second', PLAY_MS / 1000);
    traffic = await countTraffic(worker);
    await profiled(
      [
        ['renderer', renderer],
        ['worker', worker],
      ],
      'paused',
      PAUSED_MS / 1000,
      () => page.waitForTimeout(PAUSED_MS),
    );
    await traffic.read('paused, per second', PAUSED_MS / 1000);
    traffic = await countTraffic(worker);
    await profiled(
      [
        ['renderer', renderer],
        ['worker', worker],
      ],
      'navigations',
      NAVIGATIONS,
      async () => {
        for (let i = 0; i < NAVIGATIONS; i++) {
          await fixture(page).navigate(i % 2 ? EPISODE_VIDEO_ID : OTHER);
          await page.waitForTimeout(SETTLE_MS);
        }
      },
    );
    await traffic.read('navigations', NAVIGATIONS);
    // A full load replaces the renderer's document (same process): the page session survives it.
    const loadWorker = await TargetSession.attachWorker(page);
    traffic = await countTraffic(loadWorker);
    await profiled(
      [
        ['renderer', renderer],
        ['worker', loadWorker],
      ],
      'loads',
      LOADS,
      async () => {
        for (let i = 0; i < LOADS; i++) {
          await page.goto(`${WATCH}&paused=1`);
          await fixture(page).ready();
          await page.waitForTimeout(SETTLE_MS);
        }
      },
    );
    await traffic.read('loads', LOADS);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
