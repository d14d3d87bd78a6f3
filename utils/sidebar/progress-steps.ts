import { effect, type ReadonlySignal } from '@preact/signals-core';
import type { ChapterProgress } from './chapter-clock';

/**
 * The fastest the bar steps, for chapters so short that a pixel passes in a frame or two: four
 * frames a second still reads as movement, and bounds what a short chapter costs.
 */
export const MIN_STEP_MS = 250;

/** 0..1 of the chapter played at `now` (performance.now()), as `progress` says it runs. */
export function fractionAt(progress: ChapterProgress, now: number): number {
  const { fraction, remaining, running, at } = progress;
  if (!running || fraction >= 1 || !(remaining > 0)) return fraction;
  // The chapter's whole length in wall-clock seconds at the current rate, from what is left of it.
  const length = remaining / (1 - fraction);
  return Math.min(1, fraction + (now - at) / 1000 / length);
}

/**
 * Milliseconds from `now` until the bar, `width` pixels wide, next moves by a whole pixel (at
 * least MIN_STEP_MS); null when it never will (paused, at its end, no width).
 */
export function nextStepIn(progress: ChapterProgress, now: number, width: number): number | null {
  const { fraction, remaining, running } = progress;
  if (!running || fraction >= 1 || !(remaining > 0) || !(width > 0)) return null;
  const length = remaining / (1 - fraction);
  const pixels = fractionAt(progress, now) * width;
  if (pixels >= width) return null;
  // The next whole pixel, past float error at the one just drawn.
  const target = Math.floor(pixels + 1e-6) + 1;
  return Math.max(MIN_STEP_MS, ((target / width - fractionAt(progress, now)) * length * 1000));
}

/**
 * Draws progress within the chapter in whole-pixel steps, each a transform written by a timer:
 * between steps nothing runs and the compositor has no frame to draw. A running CSS animation
 * (what this replaced) kept the compositor drawing at the display's rate for the whole episode,
 * about 80 ms of CPU per second of media across the browser's processes (issue 17; `npm run bench`,
 * `BENCH_ONLY=progress-options` measures the options). No timer while paused, while the bar is out
 * of view (a collapsed or scrolled list, a hidden sidebar) or while the tab is hidden: the bar is
 * drawn again when it can be seen.
 */
export function stepProgress(fill: HTMLElement, track: HTMLElement, progress: ReadonlySignal<ChapterProgress>, lifetime: AbortSignal): void {
  const doc = track.ownerDocument;
  let width = 0;
  let inView = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let drawn = Number.NaN;

  const draw = () => {
    clearTimeout(timer);
    timer = undefined;
    if (lifetime.aborted) return;
    const value = progress.peek();
    const now = performance.now();
    // Whole pixels only, so that a step is a pixel and equal values cost nothing.
    const scale = width > 0 ? Math.floor(fractionAt(value, now) * width + 1e-6) / width : value.fraction;
    if (scale !== drawn) {
      drawn = scale;
      fill.style.transform = `scaleX(${scale})`;
    }
    if (!inView || doc.visibilityState === 'hidden') return;
    const wait = nextStepIn(value, now, width);
    if (wait !== null) timer = setTimeout(draw, wait);
  };

  // Both report once when they start: the first draw with a width happens then. (Test DOMs may
  // have neither: the bar is then drawn at each change, and in view.)
  const resize = typeof ResizeObserver === 'function'
    ? new ResizeObserver((entries) => {
        width = entries.at(-1)?.contentRect.width ?? width;
        draw();
      })
    : null;
  resize?.observe(track);
  const visibility = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((entries) => {
        inView = entries.at(-1)?.isIntersecting ?? inView;
        draw();
      })
    : null;
  if (visibility) visibility.observe(track);
  else inView = true;
  const onVisibility = () => draw();
  doc.addEventListener('visibilitychange', onVisibility);
  const stop = effect(() => {
    void progress.value;
    draw();
  });
  lifetime.addEventListener(
    'abort',
    () => {
      clearTimeout(timer);
      stop();
      resize?.disconnect();
      visibility?.disconnect();
      doc.removeEventListener('visibilitychange', onVisibility);
    },
    { once: true },
  );
}
