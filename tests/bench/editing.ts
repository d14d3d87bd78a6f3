import type { Page } from 'playwright-core';
import { EPISODE_VIDEO_ID, fixture, launchBrowser, type FixtureServer } from '../e2e/harness/index.ts';
import { emptyExtension, type MachineOptions } from './machine-cost.ts';
import { findBrowserPid, treeCpuMs } from './process-cpu.ts';
import { clickSidebarButton } from './sidebar-by-dom.ts';
import { added, launches, row, type Row } from './stats.ts';

/*
 * What the sidebar's editor (issue 16) costs while it is open: the whole browser's CPU with the
 * sidebar in edit mode, paused and playing, against an empty extension in the same round. The
 * editor holds no timer while nothing waits to be saved, and follows the player as the list does.
 */

const WATCH = `https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}`;
const PAUSED_SECONDS = 60;
const SETTLE_MS = 1500;

interface EditRound {
  paused: number;
  playing: number;
}

const video = (page: Page, action: 'play' | 'pause') =>
  page.evaluate((a) => {
    const v = document.querySelector<HTMLVideoElement>('#movie_player video.html5-main-video')!;
    return a === 'play' ? v.play() : v.pause();
  }, action);

async function editRound(server: FixtureServer, extensionPath: string, playSeconds: number, edit: boolean): Promise<EditRound> {
  const browser = await launchBrowser({ server, extensionPath });
  try {
    const pid = findBrowserPid(extensionPath);
    const page = await browser.newPage();
    // 2:20 to 3:20 holds no chapter boundary.
    await page.goto(`${WATCH}&paused=1&t=140`);
    await fixture(page).ready();
    // Through the DOM domain, not the accessibility tree, which would stay switched on (sidebar-by-dom.ts).
    if (edit) await clickSidebarButton(page, 'Edit chapters', 'Done');
    // The pointer rests over the right-hand column in both runs: over the editor in Chapterbar's,
    // over the page's own column in the empty extension's. The page hit-tests under it on each
    // layout (its progress bar moves several times a second), so where it rests counts, and only
    // the difference belongs to Chapterbar. (The click above left it wherever the button was.)
    const column = await page.locator('#secondary').boundingBox();
    if (!column) throw new Error('bench: the watch page has no right-hand column (#secondary)');
    await page.mouse.move(column.x + column.width / 2, column.y + 200);
    // A bench measures over durations; tests never do.
    await page.waitForTimeout(SETTLE_MS);
    const span = async (seconds: number) => {
      const before = treeCpuMs(pid);
      await page.waitForTimeout(seconds * 1000);
      return (treeCpuMs(pid) - before) / seconds;
    };
    // Playing first, as the machine rows do: by the pause, the first half-minute in which the
    // sidebar still looks for the page's own chapters (to offer them) is over in both.
    await video(page, 'play');
    const playing = await span(playSeconds);
    await video(page, 'pause');
    const paused = await span(PAUSED_SECONDS);
    return { paused, playing };
  } finally {
    await browser.close();
  }
}

export async function editingCost(server: FixtureServer, extensionPath: string, rows: Row[], options: MachineOptions): Promise<void> {
  const empty = emptyExtension();
  const ours: EditRound[] = [];
  const bare: EditRound[] = [];
  for (let round = 0; round < options.rounds; round++) {
    options.log(`editing, round ${round + 1} of ${options.rounds} (Chapterbar in edit mode, then empty)`);
    // Alternated, so that drift in the machine's load falls on both.
    const order = round % 2 ? [false, true] : [true, false];
    for (const ourTurn of order) {
      if (ourTurn) ours.push(await editRound(server, extensionPath, options.playSeconds, true));
      else bare.push(await editRound(server, empty, options.playSeconds, false));
    }
  }
  const delta = (pick: (r: EditRound) => number) => added(ours.map(pick), bare.map(pick));
  rows.push(
    row(
      'editing: whole-browser CPU added while paused, sidebar in edit mode',
      'ms/s',
      delta((r) => r.paused),
      1,
      launches(
        ours.map((r) => r.paused),
        bare.map((r) => r.paused),
      ),
    ),
  );
  rows.push(
    row(
      'editing: whole-browser CPU added while playing, sidebar in edit mode',
      'ms/s',
      delta((r) => r.playing),
      5,
      launches(
        ours.map((r) => r.playing),
        bare.map((r) => r.playing),
      ),
    ),
  );
}
