import type { ReadonlySignal } from '@preact/signals-core';
import type { ChapterProgress as Progress } from '../../utils/sidebar/chapter-clock';
import { useSignalValue } from '../../utils/sidebar/signal-hooks';

/**
 * A CSS animation over the whole chapter, started part-way through by a negative delay. It is
 * re-keyed only on discontinuities (play, pause, seek, rate), so no script runs while the chapter
 * plays. The keyframes are constant: keyframes that read custom properties are not run on the
 * compositor, and cost the page a style recalculation every few frames.
 */
export function ChapterProgress({ progress }: { progress: ReadonlySignal<Progress> }) {
  const { fraction, remaining, running } = useSignalValue(progress);
  // The chapter's whole length at the current rate, from what is left of it.
  const length = fraction < 1 && remaining > 0 ? remaining / (1 - fraction) : 1;
  const style = {
    animationDuration: `${length.toFixed(3)}s`,
    animationDelay: `${(-(fraction < 1 ? length * fraction : length)).toFixed(3)}s`,
    animationPlayState: running ? 'running' : 'paused',
  };
  return (
    <div class="cb-progress" aria-hidden="true">
      <div class="cb-progress-fill" key={`${fraction}-${remaining}-${running}`} style={style} />
    </div>
  );
}
