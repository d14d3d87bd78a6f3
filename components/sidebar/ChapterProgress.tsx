import type { ReadonlySignal } from '@preact/signals-core';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ChapterProgress as Progress } from '../../utils/sidebar/chapter-clock';
import { stepProgress, type Ticks } from '../../utils/sidebar/progress-steps';

/**
 * Progress within the current chapter, stepped a pixel at a time (progress-steps.ts) rather than
 * animated: the component renders once per current chapter, and the steps write the fill's
 * transform without rendering anything.
 */
export function ChapterProgress({ progress, onTick }: { progress: ReadonlySignal<Progress>; onTick?: Ticks }) {
  const track = useRef<HTMLDivElement>(null);
  const fill = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const lifetime = new AbortController();
    stepProgress(fill.current!, track.current!, progress, lifetime.signal, onTick);
    return () => lifetime.abort();
  }, [progress, onTick]);
  return (
    <div class="cb-progress" aria-hidden="true" ref={track}>
      <div class="cb-progress-fill" ref={fill} />
    </div>
  );
}
