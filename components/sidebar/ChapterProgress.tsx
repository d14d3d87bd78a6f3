import type { ReadonlySignal } from '@preact/signals-core';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ChapterProgress as Progress } from '../../utils/sidebar/chapter-clock';
import { stepProgress } from '../../utils/sidebar/progress-steps';

/**
 * Progress within the current chapter, stepped a pixel at a time by a timer (progress-steps.ts)
 * rather than animated: the component renders once per current chapter, and the steps write the
 * fill's transform without rendering anything.
 */
export function ChapterProgress({ progress }: { progress: ReadonlySignal<Progress> }) {
  const track = useRef<HTMLDivElement>(null);
  const fill = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const lifetime = new AbortController();
    stepProgress(fill.current!, track.current!, progress, lifetime.signal);
    return () => lifetime.abort();
  }, [progress]);
  return (
    <div class="cb-progress" aria-hidden="true" ref={track}>
      <div class="cb-progress-fill" ref={fill} />
    </div>
  );
}
