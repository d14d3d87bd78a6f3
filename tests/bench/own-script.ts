import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CDPSession, Page } from 'playwright-core';
import { fixture, serveFile, type FixtureServer } from '../e2e/harness/index.ts';
import { launchHideable } from './hideable-browser.ts';
import { makeSoundingEpisode } from './sounding-episode.ts';
import { WATCH, barExtension, video, type MachineOptions } from './machine-cost.ts';
import { extensionMs, originOf, type Profile } from './profile-samples.ts';
import { row, summarize, type Row } from './stats.ts';

/*
 * The script Chapterbar runs on the page's main thread, counted in its own samples: a CPU profile
 * of the renderer's main thread (every world in it, the page's and the content script's), of which
 * only what runs in the extension's scripts counts, with the browser's functions they call.
 *
 * Why not the difference of two browsers' script time, as these rows were until 2026-12-05: the
 * fixture page's own script (about 4 ms/s while playing) differed between two browsers side by
 * side by more than a millisecond per second from round to round (rounds from -1.25 to +1.67 ms/s
 * against a budget of 0.3), so that difference could not tell 0.06 ms/s from 0.6; it stays beside
 * these rows, without a budget. What these rows cannot see: garbage collection, which the page and
 * the content script share (the profile's "(garbage collector)", in the note); the page's own
 * reactions to the sidebar's changes (its observers, its frames) and the records the browser keeps
 * for Chapterbar's observers while the page changes, which run without Chapterbar on the stack; and
 * the style, layout and paint that follow (the layout and style rows and the whole-browser rows
 * count those). Samples may miss part of a script's time, so a second extension in the same page,
 * the count's check, runs slices of known length: each round's figure is Chapterbar's samples
 * divided by the share of the check's time its samples found.
 */

const PAUSED_SECONDS = 60;
const HIDDEN_SECONDS = 60;
/** Microseconds between samples: the budgets are tenths of a millisecond per second. */
const SAMPLING_US = 100;
/** The check's slices: short, as Chapterbar's event callbacks are, and ten a second. */
const SLICE_MS = 0.1;
const SLICE_EVERY_MS = 100;

/**
 * The check's extension: slices of a fixed number of iterations, whose cost it times once over
 * runs of a million (the page's clock, not cross-origin isolated, steps by 0.1 ms: a slice timed on
 * its own would be mostly rounding). It keeps the time it burned in an attribute of its bar.
 */
const checkExtension = () =>
  barExtension(
    'count-check',
    '',
    `const spin = (n) => { let x = 0; for (let i = 0; i < n; i++) x += Math.sqrt(i); return x; };
    let sink = 0;
    for (let k = 0; k < 5; k++) sink += spin(1e5);
    let perIteration = Infinity;
    // The fastest of three: a run the machine interrupted took longer than its iterations did.
    for (let k = 0; k < 3; k++) {
      const t = performance.now();
      sink += spin(1e6);
      perIteration = Math.min(perIteration, (performance.now() - t) / 1e6);
    }
    const n = Math.max(1, Math.round(${SLICE_MS} / perIteration));
    let burned = 0;
    setInterval(() => {
      sink += spin(n);
      burned += n * perIteration;
      host.dataset.burned = String(burned);
      if (sink < 0) host.remove();
    }, ${SLICE_EVERY_MS});`,
  );

const CHECK_SCRIPT = /^chrome-extension:\/\/[a-p]+\/bar\.js$/;
const MAIN_VIDEO = '#movie_player video.html5-main-video';

interface Spent {
  /** Chapterbar's samples, ms per second. */
  own: number;
  gc: number;
  /** The check's samples and its own timing, ms in all. */
  checkSampled: number;
  checkBurned: number;
  /** The page's document.visibilityState at the span's end. */
  visibility?: string;
  /** Seconds the media advanced over the span. */
  played?: number;
}

/**
 * Profiles the page's main thread from before `setup` to `seconds` after it: what the setup's
 * events cause counts too. The check's time is read just outside the profile, so its few slices
 * between the reads and the profile's ends count as burned and not sampled (the figures err high).
 */
async function profiled(cdp: CDPSession, page: Page, label: string, seconds: number, setup: () => Promise<unknown>): Promise<Spent> {
  const burned = () => page.evaluate(() => Number(document.querySelector<HTMLElement>('[data-burned]')?.dataset.burned ?? Number.NaN));
  const before = await burned();
  await cdp.send('Profiler.start');
  await setup();
  // A bench measures over durations; tests never do.
  await sleep(seconds * 1000);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const after = await burned();
  // BENCH_PROFILES=<folder> keeps each span's profile, for DevTools.
  const keep = process.env.BENCH_PROFILES;
  if (keep) {
    mkdirSync(keep, { recursive: true });
    writeFileSync(join(keep, `own-script-${Date.now()}-${label}.cpuprofile`), JSON.stringify(profile));
  }
  const { byOrigin, gc } = extensionMs(profile);
  const checkOrigin = originOf(profile.nodes.find((n) => CHECK_SCRIPT.test(n.callFrame.url))?.callFrame.url ?? '');
  let own = 0;
  for (const [origin, ms] of byOrigin) if (origin !== checkOrigin) own += ms;
  return {
    own: own / seconds,
    gc: gc / seconds,
    checkSampled: (checkOrigin && byOrigin.get(checkOrigin)) || 0,
    checkBurned: after - before,
  };
}

interface ScriptRound {
  playing: Spent;
  paused: Spent;
  hidden: Spent;
  /** The share of the check's known time its samples found, over the round. */
  found: number;
}

/**
 * One launch with the check beside Chapterbar in the same page, and no other browser running. The
 * hidden span: the media playing, another tab brought to the front and the page waited for until
 * it reads "hidden" (hideable-browser.ts says why Playwright's own launch could not).
 */
async function scriptRound(server: FixtureServer, extensionPath: string, check: string, playSeconds: number): Promise<ScriptRound> {
  const browser = await launchHideable({ server, extensions: [extensionPath, check] });
  try {
    const page = await browser.newPage();
    await page.goto(`${WATCH}&paused=1&t=140`);
    await fixture(page).ready();
    // This launch has none of the harness's checks: the sidebar's host is the proof that Chapterbar runs.
    await page.waitForSelector('chapterbar-sidebar', { state: 'attached' });
    await sleep(1500);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    const playing = await profiled(cdp, page, 'playing', playSeconds, () => video(page, 'play'));
    const paused = await profiled(cdp, page, 'paused', PAUSED_SECONDS, () => video(page, 'pause'));
    // As a person listening has it: the sound on, the episode playing, then another tab in front.
    await page.evaluate((selector) => void (document.querySelector<HTMLVideoElement>(selector)!.muted = false), MAIN_VIDEO);
    await video(page, 'play');
    const mediaTime = () => page.evaluate((selector) => document.querySelector<HTMLVideoElement>(selector)!.currentTime, MAIN_VIDEO);
    const startedAt = await mediaTime();
    const hidden = await profiled(cdp, page, 'hidden', HIDDEN_SECONDS, async () => {
      const other = await browser.newPage();
      await other.goto('about:blank');
      // Polled by time: a hidden page draws no frames to poll on. A page that never hides fails its row.
      await page.waitForFunction(() => document.visibilityState === 'hidden', undefined, { polling: 100, timeout: 10_000 }).catch(() => {});
    });
    hidden.visibility = await page.evaluate(() => document.visibilityState);
    hidden.played = (await mediaTime()) - startedAt;
    const spans = [playing, paused, hidden];
    const found = spans.reduce((a, s) => a + s.checkSampled, 0) / spans.reduce((a, s) => a + s.checkBurned, 0);
    return { playing, paused, hidden, found };
  } finally {
    await browser.close();
  }
}

/** Slices a second of the check's timer: ten unthrottled, about one where Chromium throttles a silent hidden page. */
const checkRate = (spent: Spent) => spent.checkBurned / SLICE_MS / HIDDEN_SECONDS;
/** The share of the check's time that this span's samples found. */
const checkFound = (spent: Spent) => spent.checkSampled / spent.checkBurned;

/**
 * A hidden span counts only where the page read "hidden", its media played through the span, its
 * timers ran unthrottled as an audible tab's do, and the profiler found the check there: anything
 * else measured some other tab, or nothing.
 */
const reallyHidden = (spent: Spent) =>
  spent.visibility === 'hidden' && (spent.played ?? 0) >= HIDDEN_SECONDS * 0.9 && checkRate(spent) >= 5 && checkFound(spent) >= 0.5;

/** Per round, what `reallyHidden` looks at. */
function hiddenNote(rounds: ScriptRound[]): string {
  const list = (pick: (s: Spent) => string) => rounds.map((r) => pick(r.hidden)).join(', ');
  return (
    `the page read "${list((s) => s.visibility ?? '?')}"; its media played ${list((s) => (s.played ?? Number.NaN).toFixed(0))} s; ` +
    `the check's timer ran ${list((s) => checkRate(s).toFixed(1))} a second there and its samples found ${list((s) => checkFound(s).toFixed(2))} of its time`
  );
}

export async function ownScript(server: FixtureServer, extensionPath: string, rows: Row[], options: MachineOptions): Promise<void> {
  const check = checkExtension();
  const rounds: ScriptRound[] = [];
  let sounding: ReturnType<typeof makeSoundingEpisode> | undefined;
  let unroute = () => {};
  try {
    // The episode with a sound, as a listener's YouTube has it (sounding-episode.ts says why).
    const file = (sounding = makeSoundingEpisode()).file;
    unroute = server.route('www.youtube.com', '/media/episode-45min.webm', (req, res) => serveFile(req, res, file));
    for (let round = 0; round < options.rounds; round++) {
      options.log(`own script, round ${round + 1} of ${options.rounds} (Chapterbar and the count's check, its main-thread samples)`);
      rounds.push(await scriptRound(server, extensionPath, check, options.playSeconds));
    }
  } finally {
    unroute();
    sounding?.remove();
    rmSync(check, { recursive: true, force: true });
  }
  const found = rounds.map((r) => r.found);
  // The check only ever raises a figure (a share over 1 is its own overheads: dispatch, its attribute).
  // A round whose check found nothing cannot be divided, and a hidden span whose page did not hide
  // or whose media stopped measured something else: the row reads NaN and fails.
  const own = (pick: (r: ScriptRound) => Spent, counts: (s: Spent) => boolean = () => true) => {
    const values = rounds.map((r) => (counts(pick(r)) ? pick(r).own / Math.min(1, r.found) : Number.NaN));
    return values.every((v) => Number.isFinite(v) && v >= 0) ? values : [Number.NaN];
  };
  const note = (seconds: string, pick: (r: ScriptRound) => Spent) =>
    `${seconds}; rounds, as sampled: ${rounds.map((r) => pick(r).own.toFixed(3)).join(', ')} ms/s; the page's garbage collector (shared, not counted): ${summarize(
      rounds.map((r) => pick(r).gc),
    ).median.toFixed(2)} ms/s`;
  rows.push(
    row(
      "playing: Chapterbar's own script per second of media (page's main thread)",
      'ms/s',
      own((r) => r.playing),
      0.3,
      note(`${options.playSeconds} s from the play`, (r) => r.playing),
    ),
  );
  rows.push(
    row(
      "paused: Chapterbar's own script per second (page's main thread)",
      'ms/s',
      own((r) => r.paused),
      0.05,
      note(`${PAUSED_SECONDS} s from the pause`, (r) => r.paused),
    ),
  );
  rows.push(
    row(
      "hidden tab: Chapterbar's own script per second of media (page's main thread)",
      'ms/s',
      own((r) => r.hidden, reallyHidden),
      0.05,
      note(`${HIDDEN_SECONDS} s from another tab coming to the front while the media played; ${hiddenNote(rounds)}`, (r) => r.hidden),
    ),
  );
  rows.push(
    row(
      "reference: the count's check, the share of its known time the samples found",
      '',
      found,
      null,
      `slices of about ${SLICE_MS} ms every ${SLICE_EVERY_MS} ms, their cost timed by the check over long runs; the rows above are divided by it where it is under 1`,
    ),
  );
}
