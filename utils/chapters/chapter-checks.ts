import { formatClock } from './time';
import { t } from '../i18n';

/**
 * What a destination would say about a list of chapters, checked while a person edits them and
 * before an export: YouTube's rules for chapters in a description (the first at 0:00, at least
 * three, each at least ten seconds long), and mistakes any destination refuses or shows wrongly
 * (starts out of order, two chapters at one time, a start past the media's end, an empty title).
 * No zod and no parser here: the sidebar's editor runs it in the content script.
 */

export type ChapterCheck = 'first-not-zero' | 'too-few' | 'too-short' | 'out-of-order' | 'duplicate-start' | 'past-end' | 'no-title';

export interface ChapterWarning {
  /** The chapter it concerns, or null for the list as a whole. */
  index: number | null;
  check: ChapterCheck;
  message: string;
  /** Only YouTube's description rules; the others are mistakes anywhere. */
  youtube: boolean;
}

export interface CheckedChapter {
  start: number;
  title: string;
}

/** YouTube reads chapters from a description only when these hold. */
export const YOUTUBE_MIN_CHAPTERS = 3;
export const YOUTUBE_MIN_SECONDS = 10;

export function checkYoutubeRules(chapters: readonly CheckedChapter[], duration?: number): ChapterWarning[] {
  const warnings: ChapterWarning[] = [];
  const first = chapters[0];
  // YouTube's description timestamps are whole seconds: 0.4 s is written, and read, as 0:00.
  if (first && Math.floor(first.start) !== 0) {
    warnings.push({ index: 0, check: 'first-not-zero', youtube: true, message: t('parseStampFirstNotZero', formatClock(first.start)) });
  }
  if (chapters.length < YOUTUBE_MIN_CHAPTERS) {
    warnings.push({ index: null, check: 'too-few', youtube: true, message: t('parseStampTooFew', chapters.length) });
  }
  chapters.forEach((chapter, i) => {
    const end = chapters[i + 1]?.start ?? validDuration(duration);
    if (end === undefined) return;
    const length = Math.floor(end) - Math.floor(chapter.start);
    if (length < YOUTUBE_MIN_SECONDS && end >= chapter.start) {
      warnings.push({ index: i, check: 'too-short', youtube: true, message: t('parseStampTooShort', formatClock(Math.max(0, length))) });
    }
  });
  return warnings;
}

/** Mistakes whatever the destination; each names the chapter it is about. */
export function checkChapterMistakes(chapters: readonly CheckedChapter[], duration?: number): ChapterWarning[] {
  const warnings: ChapterWarning[] = [];
  const end = validDuration(duration);
  chapters.forEach((chapter, i) => {
    const previous = chapters[i - 1];
    const at = formatClock(chapter.start);
    if (previous && chapter.start === previous.start) {
      warnings.push({ index: i, check: 'duplicate-start', youtube: false, message: t('editWarnDuplicateStart', at) });
    } else if (previous && chapter.start < previous.start) {
      warnings.push({ index: i, check: 'out-of-order', youtube: false, message: t('editWarnOutOfOrder', at, formatClock(previous.start)) });
    }
    if (end !== undefined && chapter.start >= end) {
      warnings.push({ index: i, check: 'past-end', youtube: false, message: t('editWarnPastEnd', at, formatClock(end)) });
    }
    if (chapter.title.trim() === '') {
      warnings.push({ index: i, check: 'no-title', youtube: false, message: t('editWarnNoTitle') });
    }
  });
  return warnings;
}

/** Everything, mistakes first: the editor shows each beside its chapter. */
export function checkChapters(chapters: readonly CheckedChapter[], duration?: number): ChapterWarning[] {
  return [...checkChapterMistakes(chapters, duration), ...checkYoutubeRules(chapters, duration)];
}

function validDuration(duration: number | undefined): number | undefined {
  return typeof duration === 'number' && Number.isFinite(duration) && duration > 0 ? duration : undefined;
}
