import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import { findActiveChapter, resolveChapterEnds, type TimedChapter } from './chapters/active';
import type { Chapter } from './chapters/schema';
import type { Player } from './sites/types';

/** Where playback stands in the current chapter, enough for a CSS animation to draw progress. */
export interface ChapterProgress {
  /** 0..1 of the current chapter already played. */
  fraction: number;
  /** Wall-clock seconds until the chapter ends at the current rate. */
  remaining: number;
  running: boolean;
}

export interface ChapterClock {
  chapters: ReadonlySignal<TimedChapter[]>;
  activeIndex: ReadonlySignal<number>;
  progress: ReadonlySignal<ChapterProgress>;
  playing: ReadonlySignal<boolean>;
  /** The document's timeline: the site's media time plus the episode's offset for that site. */
  currentTime(): number;
  playbackRate(): number;
  seekTo(documentSeconds: number): void;
  setOffset(seconds: number): void;
  offset: ReadonlySignal<number>;
  /** Re-reads the player; called on every discontinuity and when a scheduled boundary is due. */
  sync(): void;
}

/** A boundary this close is treated as reached, so float error cannot schedule a zero-length wait. */
const EPSILON = 0.02;

/**
 * Follows the player without ticking: after each discontinuity it reads the time once and sleeps
 * until the next chapter boundary. Paused, it holds no timer at all.
 */
export function createChapterClock(
  source: readonly Chapter[],
  player: Player,
  initialOffset: number,
  lifetime: AbortSignal,
): ChapterClock {
  const duration = signal(player.duration());
  const chapters = computed(() => resolveChapterEnds(source, duration.value));
  const activeIndex = signal(-1);
  const progress = signal<ChapterProgress>({ fraction: 0, remaining: 0, running: false });
  const playing = signal(false);
  const offset = signal(initialOffset);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const currentTime = () => player.currentTime() + offset.value;

  function sync() {
    if (lifetime.aborted) return;
    clearTimeout(timer);
    timer = undefined;
    // While an ad plays, its time means nothing for the episode: hold the last state still.
    if (player.interrupted()) {
      progress.value = { ...progress.peek(), running: false };
      playing.value = false;
      return;
    }
    const mediaDuration = player.duration();
    const time = currentTime();
    const isPlaying = !player.paused();
    const rate = player.playbackRate();
    batch(() => {
      if (mediaDuration !== duration.peek()) duration.value = mediaDuration;
      const list = chapters.peek();
      const index = findActiveChapter(list, time + EPSILON);
      const chapter = list[index];
      activeIndex.value = index;
      playing.value = isPlaying;
      if (!chapter || !Number.isFinite(chapter.end)) {
        progress.value = { fraction: 0, remaining: 0, running: false };
      } else {
        const length = chapter.end - chapter.start;
        const fraction = Math.min(1, Math.max(0, (time - chapter.start) / length));
        progress.value = { fraction, remaining: Math.max(0, (chapter.end - time) / rate), running: isPlaying };
      }
      if (isPlaying) {
        const next = list[index + 1]?.start ?? (chapter && Number.isFinite(chapter.end) ? chapter.end : undefined);
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
    progress,
    playing,
    offset,
    currentTime,
    playbackRate: () => player.playbackRate(),
    seekTo(documentSeconds) {
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
