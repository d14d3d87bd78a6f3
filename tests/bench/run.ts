import { execSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ON_DEMAND } from '../../utils/sidebar/on-demand-registry';
import type { CDPSession, Page } from 'playwright-core';
import {
  EPISODE_VIDEO_ID,
  EXTENSION_PATH as BUILD_PATH,
  ROOT,
  fixture,
  launchBrowser,
  startServer,
  type FixtureServer,
  type LaunchedBrowser,
} from '../e2e/harness/index.ts';
import { directLoad } from './direct-load.ts';
import { editingCost } from './editing.ts';
import { embeddedChapters } from './embedded-chapters.ts';
import { hostileMessages } from './hostile.ts';
import { machineCost } from './machine-cost.ts';
import { ownScript } from './own-script.ts';
import { BenchProbe, probeExtension } from './probes.ts';
import { progressOptions } from './progress-options.ts';
import { printTable, row, type Row } from './stats.ts';

/*
 * `npm run bench`: what Chapterbar costs a viewer, measured in real Chromium against fixture pages,
 * with and without the extension in the same run. Prints a table, writes bench-results.json and
 * ends with "budgets: H of N hold". It reports; it never fails on a budget.
 */

const PLAY_SECONDS = Number(process.env.BENCH_PLAY_SECONDS ?? 60);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WATCH = `https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}`;
const OTHER = 'dQw4w9WgXcQ';
/** Chapter starts of the bundled episode (seconds), for boundary latency. */
const BOUNDARIES = [135, 271, 359, 550, 697, 881];

const rows: Row[] = [];
/** A copy of the build, so a rebuild during the run (an editor, another command) cannot change it. */
const EXTENSION_PATH = mkdtempSync(join(tmpdir(), 'chapterbar-bench-'));
/** BENCH_ONLY=scale,memory runs a subset while working on one figure; the default runs all. */
const ONLY = new Set((process.env.BENCH_ONLY ?? 'sizes,sidebar,direct,boundary,memory,scale,embedded,playing,script,editing').split(','));
const log = (text: string) => console.error(`[bench] ${text}`);

function sizes() {
  const measure = (label: string, file: string, budget: number | null) => {
    const bytes = readFileSync(file);
    const gz = gzipSync(bytes, { level: 9 }).length / 1024;
    rows.push(row(`size: ${label} (gzip)`, 'KB', [gz], budget, `${(bytes.length / 1024).toFixed(1)} KB raw`));
  };
  const scripts = join(EXTENSION_PATH, 'content-scripts');
  for (const file of readdirSync(scripts).filter((f) => f.endsWith('.js'))) measure(`content script ${file}`, join(scripts, file), 20);
  // The sidebar's stylesheet: not script, served by the background once per page that shows it.
  for (const file of readdirSync(scripts).filter((f) => f.endsWith('.css'))) measure(`stylesheet ${file}`, join(scripts, file), null);
  const chunks = join(EXTENSION_PATH, 'chunks');
  for (const file of readdirSync(chunks).filter((f) => f.endsWith('.js')))
    measure(`page ${file.replace(/-[\w-]+\.js$/, '')}`, join(chunks, file), null);
  measure('background', join(EXTENSION_PATH, 'background.js'), null);
  // Scripts a content script loads when a person reaches for the sidebar or asks (utils/sidebar/extras.ts): paid only then.
  for (const name of ON_DEMAND) measure(`on-demand ${name}`, join(EXTENSION_PATH, `${name}.js`), null);
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

async function openWatch(browser: LaunchedBrowser, query: string): Promise<{ page: Page; probe: BenchProbe }> {
  const page = await browser.newPage();
  const probe = await BenchProbe.attach(page);
  await page.goto(`${WATCH}${query}`);
  await fixture(page).ready();
  return { page, probe };
}

async function timeToSidebar(browser: LaunchedBrowser) {
  const firstLoad: number[] = [];
  const afterNavigation: number[] = [];
  const { page, probe } = await openWatch(browser, '&paused=1&late=400');
  for (let i = 0; i < 12; i++) {
    if (i > 0) {
      probe.leaving();
      await page.reload();
      await fixture(page).ready();
    }
    await probe.until((b) => b.sidebarAt.length > 0 && b.videoAt.length > 0);
    firstLoad.push(await probe.evaluate((b) => b.sidebarAt[0]! - b.videoAt[0]!));
  }
  for (let i = 0; i < 12; i++) {
    await fixture(page).navigate(OTHER, { replacePlayer: true });
    await probe.evaluate((b) => {
      b.videoAt.length = 0;
      b.sidebarAt.length = 0;
    });
    await fixture(page).navigate(EPISODE_VIDEO_ID, { replacePlayer: true });
    await probe.until((b) => b.sidebarAt.length > 0 && b.videoAt.length > 0);
    afterNavigation.push(await probe.evaluate((b) => b.sidebarAt.at(-1)! - b.videoAt.at(-1)!));
  }
  rows.push(row('time to sidebar: first load', 'ms', firstLoad, 50, 'from the player <video> entering the page to all 16 chapters shown'));
  rows.push(row('time to sidebar: after navigation', 'ms', afterNavigation, 50));
  await probe.detach();
  await page.close();
}

async function boundaryLatency(browser: LaunchedBrowser) {
  const { page, probe } = await openWatch(browser, '&paused=1');
  await probe.until((b) => b.sidebarAt.length > 0);
  for (const rate of [1, 2]) {
    const late: number[] = [];
    for (const boundary of BOUNDARIES) {
      const index = BOUNDARIES.indexOf(boundary) + 1;
      await probe.evaluate((b) => void (b.current.length = 0));
      await page.evaluate(
        ({ start, playbackRate }) => {
          const video = document.querySelector<HTMLVideoElement>('#movie_player video.html5-main-video')!;
          video.playbackRate = playbackRate;
          video.currentTime = start - 0.8 * playbackRate;
          return video.play();
        },
        { start: boundary, playbackRate: rate },
      );
      await probe.until((b, i) => b.current.some((c) => c.index === i), index, 5000);
      const hit = await probe.evaluate((b, i) => b.current.find((c) => c.index === i)!, index);
      late.push(((hit.mediaTime - boundary) / hit.rate) * 1000);
      await page.evaluate(() => document.querySelector<HTMLVideoElement>('#movie_player video')!.pause());
    }
    rows.push(row(`boundary latency at ${rate}x`, 'ms', late, 50, 'media time past the boundary when aria-current moved'));
  }
  await probe.detach();
  await page.close();
}

async function memory(browser: LaunchedBrowser) {
  const { page, probe } = await openWatch(browser, '&paused=1');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const sample = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const m = await metrics(cdp);
    const ownNodes = await probe.evaluate((b) => {
      const hosts = [...document.querySelectorAll('chapterbar-sidebar')];
      return { hosts: hosts.length, nodes: hosts.reduce((sum, h) => sum + (b.shadowRoot(h)?.querySelectorAll('*').length ?? 0) + 1, 0) };
    });
    let detached = Number.NaN;
    try {
      const result = (await cdp.send('DOM.getDetachedDomNodes' as never)) as { detachedNodes: { treeNode: { nodeName: string } }[] };
      detached = result.detachedNodes.filter((d) => /CHAPTERBAR|ASIDE/i.test(d.treeNode.nodeName)).length;
    } catch {
      // Older Chromium without the experimental command: reported as n/a.
    }
    return { heap: m.JSHeapUsedSize! / 1024 / 1024, ...ownNodes, detached };
  };
  await fixture(page).navigate(OTHER);
  await fixture(page).navigate(EPISODE_VIDEO_ID);
  await page.waitForFunction(() => document.querySelector('chapterbar-sidebar'));
  const after1 = await sample();
  for (let i = 0; i < 99; i++) await fixture(page).navigate(i % 2 ? EPISODE_VIDEO_ID : OTHER, { replacePlayer: i % 3 === 0 });
  await fixture(page).navigate(EPISODE_VIDEO_ID);
  await page.waitForFunction(() => document.querySelector('chapterbar-sidebar'));
  await page.waitForTimeout(500);
  const after100 = await sample();
  rows.push(
    row(
      'memory: JS heap growth after 100 navigations',
      'MB',
      [after100.heap - after1.heap],
      1,
      `${after1.heap.toFixed(1)} MB → ${after100.heap.toFixed(1)} MB`,
    ),
  );
  rows.push(
    row(
      'memory: extension DOM nodes growth',
      'nodes',
      [after100.nodes - after1.nodes],
      0,
      `${after1.nodes} → ${after100.nodes}; sidebars ${after1.hosts} → ${after100.hosts}`,
    ),
  );
  if (!Number.isNaN(after100.detached)) rows.push(row('memory: detached sidebar trees', 'trees', [after100.detached], 0));
  await probe.detach();
  await page.close();
}

async function bundleScale(): Promise<string> {
  const result = await build({
    entryPoints: [resolve(ROOT, 'tests/bench/scale-entry.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    target: 'es2022',
    minify: true,
    plugins: [
      {
        name: 'inline-text',
        setup(b) {
          b.onResolve({ filter: /\?inline$/ }, (args) => ({
            path: resolve(args.resolveDir, args.path.replace(/\?inline$/, '')),
            namespace: 'inline',
          }));
          b.onLoad({ filter: /.*/, namespace: 'inline' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text' }));
        },
      },
    ],
  });
  return result.outputFiles[0]!.text;
}

async function scale(browser: LaunchedBrowser, server: FixtureServer) {
  const script = await bundleScale();
  const stopPage = server.route('www.youtube.com', '/__bench/scale', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><html><body style="width:400px"><script src="/__bench/scale.js"></script></body></html>');
  });
  const stopScript = server.route('www.youtube.com', '/__bench/scale.js', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end(script);
  });
  const page = await browser.newPage();
  await page.goto('https://www.youtube.com/__bench/scale');
  type Scale = {
    measureRender(c: number, r: number): Promise<{ render: number[]; complete: number[]; change: number[] }>;
    measureMatching(e: number, l: number): { index: number; match: number[] };
  };
  const render = await page.evaluate(() => (window as unknown as { __scale: Scale }).__scale.measureRender(2000, 11));
  const matching = await page.evaluate(() => (window as unknown as { __scale: Scale }).__scale.measureMatching(10_000, 500));
  rows.push(
    row('scale: first render of 2,000 chapters', 'ms', render.render, 100, 'a screenful of rows; the rest follow when the page is idle'),
  );
  rows.push(
    row(
      'scale: all 2,000 rows in place',
      'ms',
      render.complete,
      null,
      'from the first render, in idle batches that leave the page responsive',
    ),
  );
  rows.push(row('scale: chapter change in 2,000 chapters', 'ms', render.change, 2));
  rows.push(row('scale: match a page in 10,000 episodes', 'ms', matching.match, 5, `index built once in ${matching.index.toFixed(0)} ms`));
  await page.close();
  stopPage();
  stopScript();
}

interface BenchContext {
  server: FixtureServer;
  /** Chromium with Chapterbar loaded, shared by the modules that do not launch their own. */
  browser: LaunchedBrowser;
  rows: Row[];
}

/**
 * The bench's row modules, in the order they run: `shared` ones in one Chromium with Chapterbar,
 * then those that launch their own. BENCH_ONLY picks them by name. A new row module is one line here.
 */
const MODULES: Array<{ name: string; shared: boolean; run(ctx: BenchContext): Promise<void> }> = [
  { name: 'sidebar', shared: true, run: ({ browser }) => timeToSidebar(browser) },
  { name: 'direct', shared: true, run: ({ browser, rows: into }) => directLoad(browser, into) },
  { name: 'boundary', shared: true, run: ({ browser }) => boundaryLatency(browser) },
  // Scale before memory: 100 navigations leave the browser's heap busier, which only adds noise.
  { name: 'scale', shared: true, run: ({ browser, server }) => scale(browser, server) },
  { name: 'memory', shared: true, run: ({ browser }) => memory(browser) },
  { name: 'embedded', shared: true, run: async ({ browser, rows: into }) => void into.push(...(await embeddedChapters(browser))) },
  { name: 'hostile', shared: true, run: ({ browser, rows: into }) => hostileMessages(browser, into, EXTENSION_PATH) },
  {
    name: 'playing',
    shared: false,
    run: ({ server, rows: into }) => machineCost(server, EXTENSION_PATH, into, { playSeconds: PLAY_SECONDS, rounds: ROUNDS, log }),
  },
  {
    name: 'script',
    shared: false,
    run: ({ server, rows: into }) => ownScript(server, EXTENSION_PATH, into, { playSeconds: PLAY_SECONDS, rounds: ROUNDS, log }),
  },
  {
    name: 'editing',
    shared: false,
    run: ({ server, rows: into }) => editingCost(server, EXTENSION_PATH, into, { playSeconds: PLAY_SECONDS, rounds: ROUNDS, log }),
  },
  {
    name: 'progress-options',
    shared: false,
    run: ({ server, rows: into }) => progressOptions(server, into, { playSeconds: PLAY_SECONDS, rounds: ROUNDS, log }),
  },
];

async function main() {
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    log('building the extension');
    execSync('npx wxt build', { cwd: ROOT, stdio: 'ignore' });
  }
  cpSync(BUILD_PATH, EXTENSION_PATH, { recursive: true });
  if (ONLY.has('sizes')) sizes();
  const server = await startServer();
  const chosen = MODULES.filter((m) => ONLY.has(m.name));
  const shared = chosen.filter((m) => m.shared);
  if (shared.length > 0) {
    const browser = await launchBrowser({ server, extensionPath: EXTENSION_PATH, alsoLoad: [probeExtension()] });
    try {
      for (const m of shared) {
        log(m.name);
        await m.run({ server, browser, rows });
      }
    } finally {
      await browser.close();
    }
  }
  for (const m of chosen.filter((c) => !c.shared)) {
    log(m.name);
    await m.run({ server, browser: null as never, rows });
  }
  await server.close();

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${execSync('/usr/lib/chromium/chromium --version 2>/dev/null || chromium --version', { encoding: 'utf8' }).trim()}`;
  console.log(`Chapterbar bench, ${new Date().toISOString()}, ${machine}\n`);
  printTable(rows);
  const budgeted = rows.filter((r) => r.holds !== null);
  const holding = budgeted.filter((r) => r.holds).length;
  writeFileSync(
    resolve(ROOT, 'bench-results.json'),
    JSON.stringify({ date: new Date().toISOString(), machine, playSeconds: PLAY_SECONDS, rounds: ROUNDS, rows }, null, 2),
  );
  console.log(`\nbudgets: ${holding} of ${budgeted.length} hold`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
