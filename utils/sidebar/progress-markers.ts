import { effect } from '@preact/signals-core';
import type { ChapterClock } from './chapter-clock';
import type { Player } from '../sites/types';
import { loadStylesheet, styleShadowRoot } from './stylesheet';
// Built into the content script's stylesheet with the sidebar's (see stylesheet.ts).
import '../../assets/progress-markers.css';

/*
 * Chapter marks on the site's own progress bar: a tick at each chapter's start, and the title of
 * the chapter under the pointer while it hovers the bar.
 *
 * The marks never take a pointer event: the layer is `pointer-events: none` throughout, and the
 * hover is read from the bar's own pointermove (passive, never prevented), so the site's
 * scrubbing, previews and clicks work exactly as without Chapterbar. The layer lives in its own
 * shadow root, so neither the site's styles nor ours cross over.
 */

/** How close (px) the pointer must be to a tick for the tick's chapter to be named rather than the one it is in. */
const SNAP_PX = 6;

export interface ProgressMarkers {
  /** Puts the marks back if the site rebuilt its progress bar. */
  refresh(): void;
}

/**
 * Draws the clock's chapters on the bar `findBar` returns, on the media's timeline (the chapters'
 * times minus the offset), until `signal` aborts.
 */
export function showProgressMarkers(
  findBar: () => HTMLElement | null,
  clock: ChapterClock,
  player: Player,
  signal: AbortSignal,
): ProgressMarkers {
  const host = document.createElement('chapterbar-markers');
  host.setAttribute('aria-hidden', 'true');
  // Closed like the sidebar's (mount.tsx): the tips carry chapter titles from the library.
  const shadow = host.attachShadow({ mode: 'closed' });
  const ticks = document.createElement('div');
  const tip = document.createElement('div');
  tip.className = 'tip';
  tip.hidden = true;
  shadow.append(ticks, tip);

  /** Chapter starts as fractions of the media's length, with their titles. */
  let marks: Array<{ at: number; title: string }> = [];
  let bar: HTMLElement | null = null;
  let listening: AbortController | null = null;

  /** The media's length the marks were last drawn for. */
  let drawnFor: number | undefined;
  const draw = () => {
    const duration = player.duration();
    drawnFor = duration;
    const offset = clock.offset.value;
    const chapters = clock.chapters.value;
    marks = [];
    if (duration) {
      for (const chapter of chapters) {
        const at = (chapter.start - offset) / duration;
        if (at >= 0 && at < 1) marks.push({ at, title: chapter.title });
      }
    }
    ticks.replaceChildren(
      ...marks
        // The first chapter's tick would sit on the bar's left edge, where it marks nothing.
        .filter((mark) => mark.at > 0)
        .map((mark) => {
          const tick = document.createElement('div');
          tick.className = 'tick';
          tick.style.left = `${(mark.at * 100).toFixed(3)}%`;
          return tick;
        }),
    );
  };

  const showTip = (event: PointerEvent) => {
    const box = bar?.getBoundingClientRect();
    if (!box || box.width === 0 || marks.length === 0) return;
    const x = Math.min(box.width, Math.max(0, event.clientX - box.left));
    const near = marks.find((mark) => Math.abs(mark.at * box.width - x) <= SNAP_PX);
    const within = near ?? [...marks].reverse().find((mark) => mark.at * box.width <= x);
    if (!within) {
      tip.hidden = true;
      return;
    }
    tip.textContent = within.title;
    tip.style.left = `${Math.min(box.width - 40, Math.max(40, x))}px`;
    tip.hidden = false;
  };

  const attach = () => {
    const found = findBar();
    if (!found || (found === bar && host.parentElement === found)) return;
    listening?.abort();
    bar = found;
    bar.append(host);
    listening = new AbortController();
    const options = { passive: true, signal: listening.signal };
    bar.addEventListener('pointermove', showTip, options);
    bar.addEventListener('pointerleave', () => (tip.hidden = true), options);
  };

  // The marks go on the bar once their styles are in: unstyled, they would sit in YouTube's layout.
  let styled = false;
  loadStylesheet().then(
    (css) => {
      styleShadowRoot(shadow, css);
      styled = true;
      if (!signal.aborted) attach();
    },
    () => {},
  );
  const stopDrawing = effect(draw);
  // The media's length arrives after the chapters, and may change (a corrected stream): draw again
  // when it does. The clock's list does not change with it when every chapter has its end.
  player.onChange(() => {
    if (player.duration() !== drawnFor) draw();
  }, signal);
  signal.addEventListener(
    'abort',
    () => {
      stopDrawing();
      listening?.abort();
      host.remove();
    },
    { once: true },
  );
  return { refresh: () => void (signal.aborted || !styled || attach()) };
}
