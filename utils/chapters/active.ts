import type { Chapter } from './schema';

/** A chapter with its end decided: its own, the next start, or the media's duration. */
export interface TimedChapter extends Chapter {
  end: number;
}

/** Closes open-ended chapters; the last one without an end runs to the media's end. */
export function resolveChapterEnds(chapters: readonly Chapter[], mediaDuration?: number): TimedChapter[] {
  return chapters.map((chapter, i) => {
    const next = chapters[i + 1];
    const end = chapter.end ?? next?.start ?? (mediaDuration && mediaDuration > chapter.start ? mediaDuration : Infinity);
    return { ...chapter, end };
  });
}

/**
 * The chapter playing at `time`: the last one starting at or before it, or -1 before the first.
 * Binary search, so a 2,000-chapter episode costs eleven comparisons per boundary.
 */
export function findActiveChapter(chapters: readonly { start: number }[], time: number): number {
  let low = 0;
  let high = chapters.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (chapters[mid]!.start <= time) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/** Where "previous" goes: the current chapter's start when well into it, as media players do. */
export function previousChapterTarget(chapters: readonly { start: number }[], time: number, graceSeconds = 3): number {
  const index = findActiveChapter(chapters, time);
  if (index < 0) return 0;
  if (time - chapters[index]!.start > graceSeconds || index === 0) return index;
  return index - 1;
}
