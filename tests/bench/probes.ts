import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';

/*
 * What a viewer sees, watched from outside Chapterbar: a bench-only extension whose content script
 * starts with the page (document_start), watches the DOM and, inside Chapterbar's CLOSED shadow root,
 * the rows. Chromium gives an extension's content script `chrome.dom.openOrClosedShadowRoot`, which
 * opens a closed root to that script's own isolated world only: the page's scripts still get null,
 * and nothing of the probe is visible to them. The bench reads the probe's records through the
 * DevTools protocol (`Runtime.callFunctionOn` in the probe's world), so it neither polls the page nor
 * adds anything to it while it waits: a waiter is checked only when the probe records something.
 */

export const PROBE_NAME = 'Chapterbar bench probe';

export interface BenchRecords {
  /** performance.now() when the player's <video> entered the page. */
  videoAt: number[];
  /** When the sidebar showed all 16 chapters (once per insertion of the sidebar). */
  sidebarAt: number[];
  /** Every row that became aria-current="true", with the media time then. */
  current: { index: number; mediaTime: number; rate: number; at: number }[];
}

const PROBE_SCRIPT = `(() => {
  const bench = (globalThis.__bench = { videoAt: [], sidebarAt: [], current: [] });
  const waiters = new Set();
  const changed = () => { for (const check of [...waiters]) check(); };
  bench.until = (test, arg) => new Promise((resolve) => {
    const check = () => { const value = test(bench, arg); if (value) { waiters.delete(check); resolve(value); } };
    waiters.add(check);
    check();
  });
  bench.shadowRoot = (host) => chrome.dom.openOrClosedShadowRoot(host);
  const EXPECTED_ROWS = 16;
  const VIDEO = '#movie_player video.html5-main-video';
  const watched = new WeakSet();
  const watchShadow = (host) => {
    const root = chrome.dom.openOrClosedShadowRoot(host);
    if (!root) return;
    const done = () => root.querySelectorAll('li.cb-row').length >= EXPECTED_ROWS;
    const record = () => { bench.sidebarAt.push(performance.now()); changed(); };
    if (done()) record();
    else {
      const wait = new MutationObserver(() => { if (done()) { wait.disconnect(); record(); } });
      wait.observe(root, { childList: true, subtree: true });
    }
    // One root for the content script's whole life, inserted again on every navigation.
    if (watched.has(root)) return;
    watched.add(root);
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.attributeName !== 'aria-current' || r.target.getAttribute('aria-current') !== 'true') continue;
        const video = document.querySelector(VIDEO);
        bench.current.push({ index: Number(r.target.dataset.index), mediaTime: video.currentTime, rate: video.playbackRate, at: performance.now() });
      }
      changed();
    }).observe(root, { subtree: true, attributes: true, attributeFilter: ['aria-current'] });
  };
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeType !== 1) continue;
      if (n.matches(VIDEO) || n.querySelector(VIDEO)) { bench.videoAt.push(performance.now()); changed(); }
      if (n.localName === 'chapterbar-sidebar') watchShadow(n);
    }
  }).observe(document, { childList: true, subtree: true });
})();`;

/** Writes the probe extension (content script on the fixture's YouTube watch pages only, no worker) and returns its folder. */
export function probeExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chapterbar-bench-probe-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: PROBE_NAME,
      version: '1.0',
      content_scripts: [{ matches: ['https://www.youtube.com/watch*'], js: ['probe.js'], run_at: 'document_start' }],
    }),
  );
  writeFileSync(join(dir, 'probe.js'), PROBE_SCRIPT);
  return dir;
}

interface CallResult {
  result: { value?: unknown };
  exceptionDetails?: { text: string; exception?: { description?: string } };
}

/** What code run in the probe's world gets: the records, and closed shadow roots opened to it. */
export type ProbeWorld = BenchRecords & { shadowRoot(host: Element): ShadowRoot | null };

/** The probe's records in one page, across its loads (each load has a new probe world). */
export class BenchProbe {
  private contextId: number | null = null;
  private readonly dead = new Set<number>();
  private readonly waiting = new Set<() => void>();

  private constructor(private readonly cdp: CDPSession) {
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.name !== PROBE_NAME) return;
      this.contextId = context.id;
      for (const wake of this.waiting) wake();
    });
    cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => {
      this.dead.add(executionContextId);
      if (executionContextId === this.contextId) this.contextId = null;
    });
    cdp.on('Runtime.executionContextsCleared', () => {
      if (this.contextId !== null) this.dead.add(this.contextId);
      this.contextId = null;
    });
  }

  static async attach(page: Page): Promise<BenchProbe> {
    const probe = new BenchProbe(await page.context().newCDPSession(page));
    await probe.cdp.send('Runtime.enable');
    return probe;
  }

  private live(deadline: number): Promise<number> {
    const id = this.contextId;
    if (id !== null && !this.dead.has(id)) return Promise.resolve(id);
    return new Promise((resolve, reject) => {
      const wake = () => {
        const now = this.contextId;
        if (now === null || this.dead.has(now)) return;
        clearTimeout(timer);
        this.waiting.delete(wake);
        resolve(now);
      };
      const timer = setTimeout(() => {
        this.waiting.delete(wake);
        reject(new Error('bench: the probe did not start in the page (is its extension loaded?)'));
      }, deadline - Date.now());
      this.waiting.add(wake);
    });
  }

  private async call(source: string, arg: unknown, timeout: number): Promise<unknown> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const id = await this.live(deadline);
      let reply: CallResult;
      try {
        reply = (await this.cdp.send('Runtime.callFunctionOn', {
          functionDeclaration: `function (arg) { return (${source})(globalThis.__bench, arg); }`,
          executionContextId: id,
          arguments: [{ value: arg ?? null }],
          returnByValue: true,
          awaitPromise: true,
        })) as CallResult;
      } catch (error) {
        // The document went away during the call: ask the next one.
        this.dead.add(id);
        if (Date.now() > deadline) throw error;
        continue;
      }
      if (reply.exceptionDetails)
        throw new Error(`bench probe: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`);
      return reply.result.value;
    }
  }

  /** `fn(records, arg)` in the probe's world of the page's current document; a load in between is waited out. */
  async evaluate<R, A = undefined>(fn: (bench: ProbeWorld, arg: A) => R, arg?: A, timeout = 15_000): Promise<Awaited<R>> {
    return (await this.call(fn.toString(), arg, timeout)) as Awaited<R>;
  }

  /** Resolves once `test(records, arg)` is truthy, checked whenever the probe records something. */
  async until<A = undefined>(test: (bench: BenchRecords, arg: A) => unknown, arg?: A, timeout = 15_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`bench: timed out waiting for ${test.toString()}`)), timeout);
    });
    try {
      await Promise.race([this.call(`(bench, arg) => bench.until(${test.toString()}, arg)`, arg, timeout), expired]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Before a load: what follows is asked of the next document's probe, never of this one's. */
  leaving(): void {
    if (this.contextId !== null) this.dead.add(this.contextId);
    this.contextId = null;
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => {});
  }
}
