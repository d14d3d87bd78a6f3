import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { EPISODE_VIDEO_ID, EXTENSION_PATH, fixture, launchBrowser, startServer } from '../e2e/harness/index.ts';

/*
 * `node --import tsx tests/bench/profile-cpu.ts [extension folder]`: where Chapterbar's CPU goes
 * during the bench's single-page navigations and full loads, as CPU profiles of the page's renderer
 * (every world of its main thread: the page's and the content script's) and of the extension's
 * service worker. Prints self time by script and the heaviest functions; writes the .cpuprofile files
 * to /tmp for DevTools. A tool for finding costs, not a bench row.
 */

const WATCH = `https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}`;
const OTHER = 'dQw4w9WgXcQ';
const SETTLE_MS = 1000;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

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

async function profiled(targets: Array<[string, Sender | null]>, label: string, work: () => Promise<void>) {
  const live = targets.filter((t): t is [string, Sender] => t[1] !== null);
  for (const [, s] of live) {
    await s.send('Profiler.enable');
    await s.send('Profiler.setSamplingInterval', { interval: 200 });
    await s.send('Profiler.start');
  }
  await work();
  for (const [name, s] of live) {
    const { profile } = await s.send<{ profile: Profile }>('Profiler.stop');
    writeFileSync(`/tmp/chapterbar-${label}-${name}.cpuprofile`, JSON.stringify(profile));
    summarize(`${label}, ${name}`, profile);
  }
}

function summarize(title: string, profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byUrl = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, ms] of self) {
    const { callFrame } = byId.get(id)!;
    const url = callFrame.url.replace(/^chrome-extension:\/\/[a-p]+/, 'ext:') || `(${callFrame.functionName || 'native'})`;
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
    await profiled(
      [
        ['renderer', renderer],
        ['worker', worker],
      ],
      'navigations',
      async () => {
        for (let i = 0; i < 16; i++) {
          await fixture(page).navigate(i % 2 ? EPISODE_VIDEO_ID : OTHER);
          await page.waitForTimeout(SETTLE_MS);
        }
      },
    );
    // A full load replaces the renderer's document (same process): the page session survives it.
    await profiled(
      [
        ['renderer', renderer],
        ['worker', await TargetSession.attachWorker(page)],
      ],
      'loads',
      async () => {
        for (let i = 0; i < 8; i++) {
          await page.goto(`${WATCH}&paused=1`);
          await fixture(page).ready();
          await page.waitForTimeout(SETTLE_MS);
        }
      },
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
