import type { ReadonlySignal } from '@preact/signals';
import type { ChapterProgress as Progress } from '../utils/chapter-clock';

/**
 * A CSS animation from where playback stands to the chapter's end. It is re-keyed only on
 * discontinuities (play, pause, seek, rate), so no script runs while the chapter plays.
 */
export function ChapterProgress({ progress }: { progress: ReadonlySignal<Progress> }) {
  const { fraction, remaining, running } = progress.value;
  const style = {
    '--cb-from': String(fraction),
    '--cb-remaining': `${remaining.toFixed(3)}s`,
    '--cb-state': running ? 'running' : 'paused',
  };
  return (
    <div class="cb-progress" aria-hidden="true">
      <div class="cb-progress-fill" key={`${fraction}-${remaining}-${running}`} style={style} />
    </div>
  );
}
