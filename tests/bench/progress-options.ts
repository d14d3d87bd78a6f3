import type { FixtureServer } from '../e2e/harness/index.ts';
import { ANIMATION_CSS, barExtension, emptyExtension, machineRound, type MachineOptions } from './machine-cost.ts';
import { row, type Row } from './stats.ts';

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
  const bare: number[] = [];
  const measured = variants.map(() => [] as number[]);
  for (let round = 0; round < options.rounds; round++) {
    options.log(`progress options, round ${round + 1} of ${options.rounds}`);
    bare.push((await machineRound(server, empty, options.playSeconds, true)).playing.cpu);
    for (let i = 0; i < variants.length; i++)
      measured[i]!.push((await machineRound(server, variants[i]![1], options.playSeconds, true)).playing.cpu);
  }
  variants.forEach(([name], i) =>
    rows.push(
      row(
        `progress option: ${name}`,
        'ms/s',
        measured[i]!.map((v, r) => v - bare[r]!),
        null,
        'whole-browser CPU added while playing, against an empty extension',
      ),
    ),
  );
}
