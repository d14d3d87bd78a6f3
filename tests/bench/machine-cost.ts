import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CDPSession, Page } from 'playwright-core';
import { EPISODE_VIDEO_ID, fixture, type FixtureServer } from '../e2e/harness/index.ts';
import { cpuWindows, sideBySide, type Contender } from './side-by-side.ts';
import { added, launches, pairedRounds, pairedWindows, rotate, row, summarize, windowNote, type Row } from './stats.ts';

/*
 * What Chapterbar costs while a person watches, listens, pauses, navigates and loads pages: each
 * round launches one Chromium per extension (Chapterbar, an empty extension, and a control that
 * runs one CSS progress animation, kept as a reference) side by side on the same fixture page,
 * driven in step, and reads both the page's main-thread metrics and the whole browser's CPU time
 * (every Chromium process, from /proc). Chapterbar's budgets are against the empty extension that
 * ran beside it (side-by-side.ts says why side by side, and why windows).
 */

export const WATCH = `https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}`;
const OTHER = 'dQw4w9WgXcQ';
const PAUSED_SECONDS = 60;
const BEHIND_SECONDS = 10;
const NAVIGATIONS = 16;
/** 16, not 8: over 8 loads a round's figure ranged from +21 to +125 ms (README, Performance). */
const LOADS = 16;
/** After a navigation or load: what the page and the extension do once it has rendered counts too. */
const SETTLE_MS = 1000;

export interface MachineOptions {
  playSeconds: number;
  rounds: number;
  log(text: string): void;
}

interface Span {
  scriptMs: number;
  layouts: number;
  styles: number;
  /** Whole-browser CPU, ms per second, window by window. */
  cpu: number[];
}

export interface Round {
  playing: Span;
  paused: Span;
  behind: Span;
  /** Whole-browser CPU per single-page navigation and per full page load, ms. */
  navigation: number;
  load: number;
  /** The navigations split by where they went: to the episode (its sidebar appears) and away (it goes). */
  toEpisode: number;
  away: number;
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

export const video = (page: Page, action: 'play' | 'pause') =>
  page.evaluate((a) => {
    const v = document.querySelector<HTMLVideoElement>('#movie_player video.html5-main-video')!;
    return a === 'play' ? v.play() : v.pause();
  }, action);

/** Every contender does the same step at once. */
const inStep = (all: Contender[], step: (c: Contender, i: number) => Promise<unknown>) => Promise.all(all.map(step));

/**
 * Whole-browser CPU while the contenders repeat `step` `times`, all in step, each followed by the
 * settling time: per contender, the CPU between consecutive reads of its counter. With `each` the
 * counter is read after every repetition (one figure per repetition; they follow one another, so
 * their sum is the span's), else at the span's ends only (one figure): a counter read more often
 * counts a thread or process that ends between reads a little differently (treeCpuMs).
 */
async function perRepetition(
  all: Contender[],
  times: number,
  step: (c: Contender, repetition: number) => Promise<unknown>,
  { each = false } = {},
): Promise<number[][]> {
  const spans: number[][] = all.map(() => []);
  let before = all.map((c) => c.cpuMs());
  const read = () => {
    const after = all.map((c) => c.cpuMs());
    after.forEach((value, k) => spans[k]!.push(value - before[k]!));
    before = after;
  };
  for (let i = 0; i < times; i++) {
    await inStep(all, (c) => step(c, i));
    // A bench measures over durations; tests never do.
    await sleep(SETTLE_MS);
    if (each) read();
  }
  if (!each) read();
  return spans;
}

const sum = (values: readonly number[]) => values.reduce((total, v) => total + v, 0);
/** The mean of the repetitions `pick` chooses by their index. */
const meanOf = (values: readonly number[], pick: (i: number) => boolean) => {
  const picked = values.filter((_, i) => pick(i));
  return sum(picked) / picked.length;
};

/**
 * One round: the same page played, paused, behind another page, navigated and loaded, one Chromium per
 * extension side by side. One Round per extension, in the order given. Extensions listed in
 * `onlyWhilePlaying` leave after the playing span (their Round repeats it), so that fewer browsers
 * share the machine's cores while the others navigate and load.
 */
export async function machineRound(
  server: FixtureServer,
  extensionPaths: string[],
  playSeconds: number,
  { playingOnly = false, onlyWhilePlaying = [] as string[] } = {},
): Promise<Round[]> {
  return sideBySide(server, extensionPaths, async (everyone) => {
    let all = everyone;
    // 2:20 to 3:20 holds no chapter boundary, so any layout here is the extension ticking.
    await inStep(all, async ({ page }) => {
      await page.goto(`${WATCH}&paused=1&t=140`);
      await fixture(page).ready();
    });
    await sleep(1500);
    const cdps = new Map<Contender, CDPSession>();
    for (const c of all) cdps.set(c, await c.page.context().newCDPSession(c.page));
    await Promise.all([...cdps.values()].map((cdp) => cdp.send('Performance.enable')));
    const span = async (seconds: number, setup: (c: Contender) => Promise<unknown>): Promise<Span[]> => {
      await inStep(all, setup);
      const before = await Promise.all(all.map((c) => metrics(cdps.get(c)!)));
      const cpu = await cpuWindows(all, seconds);
      const after = await Promise.all(all.map((c) => metrics(cdps.get(c)!)));
      return all.map((_, i) => {
        const per = (key: string) => (after[i]![key]! - before[i]![key]!) / seconds;
        return { scriptMs: per('ScriptDuration') * 1000, layouts: per('LayoutCount'), styles: per('RecalcStyleCount'), cpu: cpu[i]! };
      });
    };
    const playing = await span(playSeconds, ({ page }) => video(page, 'play'));
    const playingRound = (p: Span): Round => ({
      playing: p,
      paused: p,
      behind: p,
      navigation: Number.NaN,
      load: Number.NaN,
      toEpisode: Number.NaN,
      away: Number.NaN,
    });
    if (playingOnly) return playing.map(playingRound);
    const leaving = everyone.filter((_, i) => onlyWhilePlaying.includes(extensionPaths[i]!));
    await Promise.all(leaving.map(({ browser }) => browser.close()));
    all = everyone.filter((c) => !leaving.includes(c));
    const paused = await span(PAUSED_SECONDS, ({ page }) => video(page, 'pause'));
    const others = await Promise.all(all.map(({ browser }) => browser.newPage()));
    await inStep(all, async (_, i) => {
      await others[i]!.goto('about:blank');
      await others[i]!.bringToFront();
    });
    const behind = await span(BEHIND_SECONDS, ({ page }) => video(page, 'play'));
    await inStep(all, async ({ page }, i) => {
      await video(page, 'pause');
      await others[i]!.close();
      await page.bringToFront();
    });

    // Single-page navigations, paused: the episode and a video without chapters, in turn.
    await sleep(SETTLE_MS);
    const toEpisode = (i: number) => i % 2 === 1;
    const navigation = await perRepetition(
      all,
      NAVIGATIONS,
      ({ page }, i) => fixture(page).navigate(toEpisode(i) ? EPISODE_VIDEO_ID : OTHER),
      { each: true },
    );
    // Full loads of the episode's page, paused.
    const load = await perRepetition(all, LOADS, async ({ page }) => {
      await page.goto(`${WATCH}&paused=1`);
      await fixture(page).ready();
    });
    return everyone.map((c, k) => {
      const i = all.indexOf(c);
      if (i < 0) return playingRound(playing[k]!);
      return {
        playing: playing[k]!,
        paused: paused[i]!,
        behind: behind[i]!,
        navigation: sum(navigation[i]!) / NAVIGATIONS,
        load: sum(load[i]!) / LOADS,
        toEpisode: meanOf(navigation[i]!, toEpisode),
        away: meanOf(navigation[i]!, (n) => !toEpisode(n)),
      };
    });
  });
}

function writeExtension(prefix: string, manifest: object, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, version: '1.0', background: { service_worker: 'worker.js' }, ...manifest }),
  );
  writeFileSync(join(dir, 'worker.js'), '');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** An extension that only adds a 3-px bar in a corner of every YouTube page, drawn by `css` and `script`. */
export function barExtension(name: string, css: string, script = ''): string {
  return writeExtension(
    `chapterbar-${name}-`,
    { name, content_scripts: [{ matches: ['https://www.youtube.com/*'], js: ['bar.js'], run_at: 'document_idle' }] },
    {
      'bar.js': `(() => {
      const host = document.createElement('div');
      host.style.cssText = 'position:fixed;right:0;bottom:0;width:300px;height:3px;overflow:hidden';
      const style = document.createElement('style');
      style.textContent = ${JSON.stringify(css)};
      const fill = document.createElement('div');
      fill.className = 'bar';
      fill.style.cssText = 'height:100%;background:#3ea6ff;transform-origin:left center';
      host.append(style, fill);
      document.body.append(host);
      ${script}
    })();`,
    },
  );
}

export const emptyExtension = () => writeExtension('chapterbar-empty-', { name: 'empty' }, {});

/** Today's progress bar before issue 17: one linear CSS animation over the chapter. */
export const ANIMATION_CSS = '.bar{animation:bar 600s linear -10s both}@keyframes bar{from{transform:scaleX(0)}to{transform:scaleX(1)}}';

/**
 * Chapterbar, the empty extension and the control, side by side in each round. Rows: whole-browser
 * CPU and the page's main thread.
 */
export async function machineCost(server: FixtureServer, extensionPath: string, rows: Row[], options: MachineOptions): Promise<void> {
  const empty = emptyExtension();
  const control = barExtension('control', ANIMATION_CSS);
  const ours: Round[] = [];
  const bare: Round[] = [];
  const animated: Round[] = [];
  for (let round = 0; round < options.rounds; round++) {
    options.log(
      `machine cost, round ${round + 1} of ${options.rounds} (${options.playSeconds} s playing; Chapterbar, empty and control side by side)`,
    );
    // Each takes each place in turn (launched, read and driven first, second, third).
    const order = rotate([extensionPath, empty, control], round);
    const results = await machineRound(server, order, options.playSeconds, { onlyWhilePlaying: [control] });
    const of = (path: string) => results[order.indexOf(path)]!;
    ours.push(of(extensionPath));
    bare.push(of(empty));
    animated.push(of(control));
  }
  const delta = (pick: (r: Round) => number, base = bare, of = ours) => added(of.map(pick), base.map(pick));
  const med = (values: number[]) => summarize(values).median.toFixed(1);
  const windows = (pick: (r: Round) => Span, base = bare, of = ours) =>
    pairedWindows(
      of.map((r) => pick(r).cpu),
      base.map((r) => pick(r).cpu),
    );
  const note = (pick: (r: Round) => Span) =>
    windowNote(
      ours.map((r) => pick(r).cpu),
      bare.map((r) => pick(r).cpu),
    );
  rows.push(
    row(
      'machine: whole-browser CPU added while playing',
      'ms/s',
      windows((r) => r.playing),
      5,
      `per second of media, against an empty extension beside it (each round: the mean of its paired 10-s windows); ${note((r) => r.playing)}`,
    ),
  );
  rows.push(
    row(
      'machine: whole-browser CPU added while paused',
      'ms/s',
      windows((r) => r.paused),
      1,
      note((r) => r.paused),
    ),
  );
  rows.push(
    row(
      'machine: whole-browser CPU added behind another page',
      'ms/s',
      windows((r) => r.behind),
      null,
      "playing, another page in front; in Playwright's launch a page behind another stays visible (hideable-browser.ts), so this is not a hidden tab's cost",
    ),
  );
  rows.push(
    row(
      'machine: whole-browser CPU added per single-page navigation',
      'ms',
      pairedRounds(
        ours.map((r) => r.navigation),
        bare.map((r) => r.navigation),
      ),
      20,
      `${NAVIGATIONS} navigations, paused, each with ${SETTLE_MS} ms after it; ${launches(
        ours.map((r) => r.navigation),
        bare.map((r) => r.navigation),
      )}`,
    ),
  );
  for (const [name, pick] of [
    ['to the episode (its sidebar appears)', (r: Round) => r.toEpisode],
    ['to a video without chapters (the sidebar goes)', (r: Round) => r.away],
  ] as const) {
    rows.push(
      row(
        `machine: of those, per navigation ${name}`,
        'ms',
        pairedRounds(ours.map(pick), bare.map(pick)),
        null,
        `${NAVIGATIONS / 2} a round; ${launches(ours.map(pick), bare.map(pick))}`,
      ),
    );
  }
  rows.push(
    row(
      'machine: whole-browser CPU added per full page load',
      'ms',
      pairedRounds(
        ours.map((r) => r.load),
        bare.map((r) => r.load),
      ),
      60,
      `${LOADS} loads, paused; ${launches(
        ours.map((r) => r.load),
        bare.map((r) => r.load),
      )}`,
    ),
  );
  rows.push(
    row(
      'reference: one running CSS animation, whole-browser CPU while playing',
      'ms/s',
      windows((r) => r.playing, bare, animated),
      null,
      'the control extension against the empty one: what the progress bar cost as an animation',
    ),
  );

  rows.push(
    row(
      "playing: page's script added per second of media, two browsers' difference",
      'ms/s',
      delta((r) => r.playing.scriptMs),
      null,
      `against an empty extension, no budget (own-script.ts says why); the page's own: ${med(bare.map((r) => r.playing.scriptMs))} ms/s`,
    ),
  );
  rows.push(
    row(
      'playing: layouts added per second (no chapter change)',
      '/s',
      delta((r) => r.playing.layouts),
      0.02,
    ),
  );
  rows.push(
    row(
      'playing: style recalcs added per second (no chapter change)',
      '/s',
      delta((r) => r.playing.styles),
      3,
      'each a step of the progress bar by a pixel or more (a 136-s chapter, a bar about 250 px wide); the control animation: ' +
        delta((r) => r.playing.styles, bare, animated).median.toFixed(1) +
        '/s',
    ),
  );
  rows.push(
    row(
      "paused: page's script added per second, two browsers' difference",
      'ms/s',
      delta((r) => r.paused.scriptMs),
      null,
      'against an empty extension, no budget',
    ),
  );
  rows.push(
    row(
      "behind another page: page's script added per second, two browsers' difference",
      'ms/s',
      delta((r) => r.behind.scriptMs),
      null,
      'against an empty extension, no budget',
    ),
  );
}
