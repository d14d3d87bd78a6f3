import { readTimestampEntries } from '../../chapters/formats/timestamp-lines';
import { PAGE_LIMITS } from '../collect';
import type { PageChapter } from '../../sites/types';

/*
 * The checks every site's page reader shares, in the background (see page-readers.ts): from a
 * page's raw chapter list or description to chapters the sidebar can show. Everything here treats
 * the page as untrusted: values are type-checked one by one and every loop is bounded.
 */

/** A chapter as the page's data gives it: anything, until checked. */
export interface RawPageChapter {
  start: unknown;
  title: unknown;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Checked chapters from a page's raw list, or null when they are not a usable chapter list:
 * starts must be finite, non-negative, increasing and before the end of the media; titles are text,
 * collapsed and cut to a sane length.
 */
export function tidyPageChapters(raw: readonly RawPageChapter[], duration?: number): PageChapter[] | null {
  const chapters: PageChapter[] = [];
  for (const item of raw.slice(0, PAGE_LIMITS.maxChapters * 2)) {
    const { start, title } = item;
    if (typeof start !== 'number' || !Number.isFinite(start) || start < 0 || typeof title !== 'string') continue;
    if (duration !== undefined && duration > 0 && start >= duration) continue;
    const text = collapse(title).slice(0, PAGE_LIMITS.maxTitleChars);
    const previous = chapters[chapters.length - 1];
    if (!text || (previous && start <= previous.start)) continue;
    chapters.push({ start: Math.round(start * 1000) / 1000, title: text });
  }
  if (chapters.length > PAGE_LIMITS.maxChapters || chapters.length < PAGE_LIMITS.minChapters) return null;
  return chapters;
}

/** Chapters from a description's timestamp lines ("0:00 Intro"), or null when it has none. */
export function readDescriptionChapters(text: string, duration?: number): PageChapter[] | null {
  if (!text) return null;
  const { entries } = readTimestampEntries(text.slice(0, PAGE_LIMITS.maxTextChars), duration);
  const chapters = tidyPageChapters(entries, duration);
  if (!chapters) return null;
  // A range's end ("0:00 - 2:15 Title") survives when it still fits after the checks.
  return chapters.map((chapter, i) => {
    const end = entries.find((entry) => entry.start === chapter.start)?.end;
    const next = chapters[i + 1];
    return end !== undefined && end > chapter.start && (!next || end <= next.start) ? { ...chapter, end } : chapter;
  });
}
