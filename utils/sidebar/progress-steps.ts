import { effect, type ReadonlySignal } from '@preact/signals-core';
import { fractionAt, type ChapterProgress } from './chapter-progress';

/**
 * The fastest the bar steps, for chapters so short that a pixel passes in a frame or two: four
 * frames a second still reads as movement, and bounds what a short chapter costs.
 */
export const MIN_STEP_MS = 250;

export { fractionAt };

/**
 * A pixel counts as reached this close to it (a hundredth of a pixel: milliseconds of play). A timer
 * woken at its pixel can read the clock a hair short of it (timer and clock resolution); without
 * this the step drew the pixel it already had, and the real step waited MIN_STEP_MS more: twice
 * the frames, each a quarter second late.
 */
const PIXEL_SLACK = 0.01;

/** The whole pixels of a `width`-pixel bar that `played` (0..1) fills. */
export function wholePixels(played: number, width: number): number {
  return Math.floor(played * width + PIXEL_SLACK);
}

/**
 * Milliseconds from `now` until the bar, `width` pixels wide, next moves by a whole pixel (at
 * least MIN_STEP_MS); null when it never will (paused, at its end, no width).
 */
export function nextStepIn(progress: ChapterProgress, now: number, width: number): number | null {
  const { fraction, remaining, running } = progress;
  const played = fractionAt(progress, now);
  if (!running || played >= 1 || !(remaining > 0) || !(width > 0)) return null;
  const next = (wholePixels(played, width) + 1) / width;
  return Math.max(MIN_STEP_MS, ((next - played) * remaining * 1000) / (1 - fraction));
}

/** A player's redraw moments (Player.onTick): `callback` runs at each until `signal` aborts. */
export type Ticks = (callback: () => void, signal: AbortSignal) => void;

/**
 * Draws progress within the chapter in whole-pixel steps, each a transform written when the bar
 * has a new pixel to show: between steps nothing runs and the compositor has no frame to draw. A
 * running CSS animation (what this replaced) kept the compositor drawing at the display's rate for
 * the whole episode, about 70 ms of CPU per second of media across the browser's processes
 * (issue 17; `BENCH_ONLY=progress-options npm run bench` measures the options).
 *
 * With `ticks` (the player's redraw moments), a step waits for the first one after its pixel is
 * due: the page redraws its own time display then, and the step lands in that frame instead of
 * one of its own (each frame of its own cost the page a whole paint, layerize and commit, 2-4 ms
 * across the browser). That a site redraws at its media's timeupdate is an assumption; where it
 * does not, a step costs what a timer's step did. Without `ticks`, a timer wakes at the pixel.
 *
 * Nothing listens and no timer runs while paused, while the bar is out of view (a collapsed or
 * scrolled list, a hidden sidebar) or while the tab is hidden: the bar is drawn again when it can
 * be seen.
 */
export function stepProgress(
  fill: HTMLElement,
  track: HTMLElement,
  progress: ReadonlySignal<ChapterProgress>,
  lifetime: AbortSignal,
  ticks?: Ticks,
): void {
  let width = 0;
  // Until the observer first reports: a bar just drawn is taken to be seen.
  let inView = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let listening: AbortController | undefined;
  let drawn: number | undefined;

  const draw = (value: ChapterProgress) => {
    clearTimeout(timer);
    if (lifetime.aborted) return;
    const now = performance.now();
    // Whole pixels only, so that a step is a pixel. (Before the first size report, the fraction.)
    const played = fractionAt(value, now);
    const scale = width > 0 ? wholePixels(played, width) / width : played;
    // A tick between two pixels writes nothing (an unchanged style still costs a style pass).
    if (scale !== drawn) fill.style.transform = `scaleX(${(drawn = scale)})`;
    const wait = inView && document.visibilityState !== 'hidden' ? nextStepIn(value, now, width) : null;
    if (!ticks) timer = wait === null ? undefined : setTimeout(redraw, wait);
    else if (wait === null) {
      listening?.abort();
      listening = undefined;
    } else if (!listening) {
      listening = new AbortController();
      ticks(redraw, listening.signal);
    }
  };
  const redraw = () => draw(progress.peek());

  // Both report once when they start: the first draw with a width comes then.
  const resize = new ResizeObserver((entries) => {
    width = entries.at(-1)!.contentRect.width;
    redraw();
  });
  const visibility = new IntersectionObserver((entries) => {
    inView = entries.at(-1)!.isIntersecting;
    redraw();
  });
  resize.observe(track);
  visibility.observe(track);
  document.addEventListener('visibilitychange', redraw, { signal: lifetime });
  // The value read here must be used, not just read: the build's minifier (terser's pure_getters)
  // drops a bare `void progress.value`, and with it the only subscription, so the bar never heard
  // of play or pause in the built extension (unit tests, unminified, could not tell).
  const stop = effect(() => draw(progress.value));
  lifetime.addEventListener('abort', () => {
    clearTimeout(timer);
    listening?.abort();
    stop();
    resize.disconnect();
    visibility.disconnect();
  });
}
