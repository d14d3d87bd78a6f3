import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { setTimeout as sleep } from 'node:timers/promises';
import { EPISODE_VIDEO_ID, fixture, type FixtureServer } from '../e2e/harness/index.ts';
import { emptyExtension, type MachineOptions } from './machine-cost.ts';
import { clickSidebarButton } from './sidebar-by-dom.ts';
import { cpuWindows, sideBySide } from './side-by-side.ts';
import { pairedWindows, rotate, row, windowNote, type Row } from './stats.ts';

/*
 * What the sidebar's editor (issue 16) costs while it is open: the whole browser's CPU with the
 * sidebar in edit mode, paused and playing, against an empty extension beside it (side-by-side.ts),
 * and, while paused, against the same sidebar in view mode beside it too: what edit mode itself
 * adds, apart from what any sidebar costs. The editor holds no timer while nothing waits to be
 * saved, and follows the player as the list does.
 */

const WATCH = `https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}`;
const PAUSED_SECONDS = 60;
const SETTLE_MS = 1500;

interface EditRound {
  /** Whole-browser CPU, ms per second, window by window. */
  paused: number[];
  playing: number[];
}

const video = (page: Page, action: 'play' | 'pause') =>
  page.evaluate((a) => {
    const v = document.querySelector<HTMLVideoElement>('#movie_player video.html5-main-video')!;
    return a === 'play' ? v.play() : v.pause();
  }, action);

/** Chapterbar in edit mode (`editPath`), in view mode and the empty extension, side by side, in the order of `paths`; one EditRound each. */
async function editRound(server: FixtureServer, paths: string[], editPath: string, playSeconds: number): Promise<EditRound[]> {
  return sideBySide(server, paths, async (all) => {
    await Promise.all(
      all.map(async ({ page }, i) => {
        // 2:20 to 3:20 holds no chapter boundary.
        await page.goto(`${WATCH}&paused=1&t=140`);
        await fixture(page).ready();
        // Through the DOM domain, not the accessibility tree, which would stay switched on (sidebar-by-dom.ts).
        if (paths[i] === editPath) await clickSidebarButton(page, 'Edit chapters', 'Done');
        // The pointer rests over the right-hand column in each: over the sidebar in Chapterbar's,
        // over the page's own column in the empty extension's. The page hit-tests under it on each
        // layout (its progress bar moves several times a second), so where it rests counts, and
        // only the difference belongs to Chapterbar. (The click above left it wherever the button was.)
        const column = await page.locator('#secondary').boundingBox();
        if (!column) throw new Error('bench: the watch page has no right-hand column (#secondary)');
        await page.mouse.move(column.x + column.width / 2, column.y + 200);
      }),
    );
    // A bench measures over durations; tests never do.
    await sleep(SETTLE_MS);
    // Playing first, as the machine rows do: by the pause, the first half-minute in which the
    // sidebar still looks for the page's own chapters (to offer them) is over in both.
    await Promise.all(all.map(({ page }) => video(page, 'play')));
    const playing = await cpuWindows(all, playSeconds);
    await Promise.all(all.map(({ page }) => video(page, 'pause')));
    const paused = await cpuWindows(all, PAUSED_SECONDS);
    return all.map((_, i) => ({ playing: playing[i]!, paused: paused[i]! }));
  });
}

export async function editingCost(server: FixtureServer, extensionPath: string, rows: Row[], options: MachineOptions): Promise<void> {
  const empty = emptyExtension();
  // A copy of its own: each browser of a round is found by its extension's folder (side-by-side.ts).
  const viewing = mkdtempSync(join(tmpdir(), 'chapterbar-view-'));
  cpSync(extensionPath, viewing, { recursive: true });
  const editing: EditRound[] = [];
  const view: EditRound[] = [];
  const bare: EditRound[] = [];
  for (let round = 0; round < options.rounds; round++) {
    options.log(`editing, round ${round + 1} of ${options.rounds} (Chapterbar in edit mode, in view mode and empty, side by side)`);
    // Each takes each place in turn (launched, read and driven first, second or third).
    const paths = rotate([extensionPath, viewing, empty], round);
    const results = await editRound(server, paths, extensionPath, options.playSeconds);
    editing.push(results[paths.indexOf(extensionPath)]!);
    view.push(results[paths.indexOf(viewing)]!);
    bare.push(results[paths.indexOf(empty)]!);
  }
  const of = (pick: (r: EditRound) => number[]) => [editing.map(pick), bare.map(pick)] as const;
  for (const [name, pick, budget] of [
    ['editing: whole-browser CPU added while paused, sidebar in edit mode', (r: EditRound) => r.paused, 1],
    ['editing: whole-browser CPU added while playing, sidebar in edit mode', (r: EditRound) => r.playing, 5],
  ] as const) {
    const [mine, theirs] = of(pick);
    rows.push(row(name, 'ms/s', pairedWindows(mine, theirs), budget, windowNote(mine, theirs)));
  }
  // "Edit mode costs nothing while paused": nothing over the sidebar it replaces. Half the paused
  // budget, which is under the estimator's own reach while paused (an A/A run of two empty
  // extensions read +1.0 ms/s: README, Performance): a pass says "nothing it can see".
  const [mine, viewed] = [editing.map((r) => r.paused), view.map((r) => r.paused)];
  rows.push(
    row(
      'editing: whole-browser CPU edit mode adds over view mode while paused',
      'ms/s',
      pairedWindows(mine, viewed),
      0.5,
      windowNote(mine, viewed, 'view mode'),
    ),
  );
}
