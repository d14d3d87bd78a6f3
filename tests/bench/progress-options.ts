import type { FixtureServer } from '../e2e/harness/index.ts';
import { ANIMATION_CSS, barExtension, emptyExtension, machineRound, type MachineOptions } from './machine-cost.ts';
import { pairedWindows, row, type Row } from './stats.ts';

/*
 * `BENCH_ONLY=progress-options`: the ways to draw progress within a chapter, each alone in an
 * extension that adds a 300-px bar to the playing page, in whole-browser CPU against an empty
 * extension. Not part of the default run: it chose how the sidebar draws progress (issue 17).
 */

/** A pixel of a 300-px bar over a 600-s chapter: a step every 2 s, as a timer. */
const TIMER_STEPS = `
  const length = 600, width = 300, started = performance.now() - 10000;
  const step = () => {
    const t = (performance.now() - started) / 1000;
    fill.style.transform = 'scaleX(' + (Math.floor((t / length) * width) / width) + ')';
    setTimeout(step, (length / width) * 1000);
  };
  step();`;

export async function progressOptions(server: FixtureServer, rows: Row[], options: MachineOptions): Promise<void> {
  const empty = emptyExtension();
  const variants: Array<[string, string]> = [
    ['a linear CSS animation (before issue 17)', barExtension('animation', ANIMATION_CSS)],
    ['a CSS animation in steps(300)', barExtension('steps', ANIMATION_CSS.replace('linear', 'steps(300)'))],
    ['a timer that moves it a pixel at a time', barExtension('timer', '', TIMER_STEPS)],
  ];
  const bare: number[][] = [];
  const measured = variants.map(() => [] as number[][]);
  for (let round = 0; round < options.rounds; round++) {
    options.log(`progress options, round ${round + 1} of ${options.rounds} (all side by side with an empty extension)`);
    const [base, ...each] = await machineRound(server, [empty, ...variants.map(([, path]) => path)], options.playSeconds, {
      playingOnly: true,
    });
    bare.push(base!.playing.cpu);
    each.forEach((r, i) => measured[i]!.push(r.playing.cpu));
  }
  variants.forEach(([name], i) =>
    rows.push(
      row(
        `progress option: ${name}`,
        'ms/s',
        pairedWindows(measured[i]!, bare),
        null,
        'whole-browser CPU added while playing, against an empty extension beside it, window by window',
      ),
    ),
  );
}
