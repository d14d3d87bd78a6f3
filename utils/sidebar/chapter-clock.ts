import { batch, computed, signal, type ReadonlySignal, type Signal } from '@preact/signals-core';
import { findActiveChapter, resolveChapterEnds, type TimedChapter } from '../chapters/active';
import type { Chapter } from '../chapters/schema';
import type { Player } from '../sites/types';
import { fractionAt, type ChapterProgress } from './chapter-progress';

export type { ChapterProgress };

export interface ChapterClock {
  chapters: ReadonlySignal<TimedChapter[]>;
  activeIndex: ReadonlySignal<number>;
  /** Whether `index` is the active chapter, as a signal that changes only for that chapter's row. */
  isActive(index: number): ReadonlySignal<boolean>;
  progress: ReadonlySignal<ChapterProgress>;
  /** The player's redraw moments (Player.onTick), for the progress bar's steps; absent on players without. */
  onTick?: Player['onTick'];
  playing: ReadonlySignal<boolean>;
  /** The document's timeline: the site's media time plus the episode's offset for that site. */
  currentTime(): number;
  playbackRate(): number;
  seekTo(documentSeconds: number): void;
  setOffset(seconds: number): void;
  /** The chapter being replayed until the person stops it, or -1. */
  loopIndex: ReadonlySignal<number>;
  /** Replays a chapter (from its start, each time its end is reached) until set to -1. */
  setLoop(index: number): void;
  offset: ReadonlySignal<number>;
  /** Re-reads the player; called on every discontinuity and when a scheduled boundary is due. */
  sync(): void;
}

/** A boundary this close is treated as reached, so float error cannot schedule a zero-length wait. */
const EPSILON = 0.02;
/**
 * A looped chapter jumps back this long before its end, so the next chapter never flashes up and
 * the last chapter loops before the media ends (an ended media element stops playing).
 */
const LOOP_LEAD = 0.15;
/** A player that did not move when asked is not asked again at once (no seek storm). */
const LOOP_RETRY_MS = 1000;
/** Seconds the drawn progress may be off before it is drawn again: under a pixel of the bar for chapters over a minute. */
const PROGRESS_TOLERANCE = 0.25;

/**
 * Follows the player without ticking: after each discontinuity it reads the time once and sleeps
 * until the next chapter boundary. Paused, it holds no timer at all.
 */
export function createChapterClock(
  // A signal while the sidebar's editor changes the chapters (the caller syncs after a change).
  source: readonly Chapter[] | ReadonlySignal<readonly Chapter[]>,
  player: Player,
  initialOffset: number,
  lifetime: AbortSignal,
): ChapterClock {
  const duration = signal(player.duration());
  // The media's length reaches only a last chapter without an end: when it changes nothing there,
  // the list stays the same array, and the sidebar's rows do not render again (they did, on each
  // navigation whose media told its length after the sidebar showed).
  let resolved: { from: readonly Chapter[]; list: TimedChapter[] } | null = null;
  const chapters = computed(() => {
    const from = 'value' in source ? source.value : source;
    const list = resolveChapterEnds(from, duration.value);
    if (resolved?.from !== from || resolved.list.at(-1)?.end !== list.at(-1)?.end) resolved = { from, list };
    return resolved.list;
  });
  const activeIndex = signal(-1);
  // One "am I current" flag per row that asked: a chapter change sets two of them, so the other rows
  // of a long list do not even recompute (2,000 rows comparing the index cost 2 ms per change).
  const flags = new Map<number, Signal<boolean>>();
  const isActive = (index: number) => {
    let flag = flags.get(index);
    if (!flag) flags.set(index, (flag = signal(index === activeIndex.peek())));
    return flag;
  };
  const progress = signal<ChapterProgress>({ fraction: 0, remaining: 0, running: false, at: performance.now() });
  const playing = signal(false);
  const offset = signal(initialOffset);
  const loopIndex = signal(-1);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let loopSeekAt = Number.NEGATIVE_INFINITY;
  /** The chapter `progress` was last set for. */
  let progressIndex = -1;

  const currentTime = () => player.currentTime() + offset.value;

  function sync() {
    if (lifetime.aborted) return;
    clearTimeout(timer);
    timer = undefined;
    // While an ad plays, its time means nothing for the episode: hold the last state still.
    if (player.interrupted()) {
      const held = progress.peek();
      const now = performance.now();
      // Frozen where it was drawn, not where it was last read.
      progress.value = {
        fraction: fractionAt(held, now),
        remaining: held.running ? Math.max(0, held.remaining - (now - held.at) / 1000) : held.remaining,
        running: false,
        at: now,
      };
      playing.value = false;
      return;
    }
    const mediaDuration = player.duration();
    const time = currentTime();
    const isPlaying = !player.paused();
    const rate = player.playbackRate();
    // The looped chapter's end is due: back to its start. The boundary timer below wakes this up.
    const looped = chapters.peek()[loopIndex.peek()];
    if (looped && isPlaying && time >= looped.end - LOOP_LEAD && time < looped.end + 1 && Date.now() - loopSeekAt > LOOP_RETRY_MS) {
      loopSeekAt = Date.now();
      player.seek(looped.start - offset.peek());
      sync();
      return;
    }
    batch(() => {
      if (mediaDuration !== duration.peek()) duration.value = mediaDuration;
      const list = chapters.peek();
      const index = findActiveChapter(list, time + EPSILON);
      const chapter = list[index];
      const was = activeIndex.peek();
      if (was !== index) {
        const before = flags.get(was);
        const after = flags.get(index);
        if (before) before.value = false;
        if (after) after.value = true;
        activeIndex.value = index;
      }
      // The person moved out of the looped chapter (the site's own seek bar): the loop ends.
      if (loopIndex.peek() >= 0 && index !== loopIndex.peek()) loopIndex.value = -1;
      playing.value = isPlaying;
      if (!chapter || !Number.isFinite(chapter.end)) {
        progress.value = { fraction: 0, remaining: 0, running: false, at: performance.now() };
      } else {
        const length = chapter.end - chapter.start;
        const fraction = Math.min(1, Math.max(0, (time - chapter.start) / length));
        const remaining = Math.max(0, (chapter.end - time) / rate);
        // Only a real discontinuity is a new progress: a `waiting`/`playing` pair or another look
        // at the clock that finds it where the drawn progress already is leaves it be.
        const shown = progress.peek();
        const now = performance.now();
        const drawn = shown.running ? shown.remaining - (now - shown.at) / 1000 : shown.remaining;
        if (!(shown.running === isPlaying && index === progressIndex && Math.abs(drawn - remaining) < PROGRESS_TOLERANCE)) {
          progress.value = { fraction, remaining, running: isPlaying, at: now };
          progressIndex = index;
        }
      }
      if (isPlaying) {
        let next = list[index + 1]?.start ?? (chapter && Number.isFinite(chapter.end) ? chapter.end : undefined);
        if (looped && index === loopIndex.peek() && Number.isFinite(looped.end)) next = looped.end - LOOP_LEAD;
        if (next !== undefined && next > time) {
          timer = setTimeout(sync, Math.max(10, ((next - time) / rate) * 1000));
        }
      }
    });
  }

  player.onChange(sync, lifetime);
  lifetime.addEventListener('abort', () => clearTimeout(timer), { once: true });
  sync();

  return {
    chapters,
    activeIndex,
    isActive,
    progress,
    onTick: player.onTick?.bind(player),
    playing,
    offset,
    currentTime,
    playbackRate: () => player.playbackRate(),
    loopIndex,
    setLoop(index) {
      const chapter = chapters.peek()[index];
      // Only a chapter with an end can loop; a chapter too short to hear once is not looped either.
      loopIndex.value = chapter && Number.isFinite(chapter.end) && chapter.end - chapter.start > 2 * LOOP_LEAD ? index : -1;
      sync();
    },
    seekTo(documentSeconds) {
      // Going elsewhere (a click on another chapter, the popup, a shortcut) ends the loop.
      const looped = chapters.peek()[loopIndex.peek()];
      if (looped && (documentSeconds < looped.start || documentSeconds >= looped.end)) loopIndex.value = -1;
      player.seek(documentSeconds - offset.peek());
      // Some players report the new time before `seeked`; syncing now keeps the highlight instant.
      sync();
    },
    setOffset(seconds) {
      offset.value = seconds;
      sync();
    },
    sync,
  };
}
