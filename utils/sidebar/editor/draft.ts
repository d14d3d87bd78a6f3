import type { Chapter, Episode } from '../../chapters/schema';

/**
 * A chapter as the editor holds it: what a person can change, and a key that stays with it while
 * its start moves it up or down the list (so focus and the row stay with the chapter).
 */
export interface DraftChapter {
  key: number;
  start: number;
  title: string;
  description: string;
  bullets: readonly string[];
  url?: string;
}

export type DraftChapters = readonly DraftChapter[];

let nextKey = 1;
export const newKey = () => nextKey++;

/** The editor works with starts: each chapter runs to the next (ends from a file would fight a moved start). */
export function toDraft(chapters: readonly Chapter[]): DraftChapter[] {
  return chapters.map(({ start, title, description, bullets, url }) => ({
    key: newKey(),
    start,
    title,
    description,
    bullets,
    ...(url ? { url } : {}),
  }));
}

/**
 * The episode to store. A title not yet written is stored as "Chapter N" (the library's schema
 * needs one, and the chapter must be kept from its first moment); blank bullets are left out.
 */
export function fromDraft(episode: Episode, chapters: DraftChapters, untitled: (number: number) => string, duration?: number): Episode {
  const media =
    duration !== undefined && duration > 0 ? { duration } : episode.duration !== undefined ? { duration: episode.duration } : {};
  return {
    ...episode,
    ...media,
    chapters: chapters.map((chapter, i) => ({
      start: chapter.start,
      title: chapter.title.trim() || untitled(i + 1),
      description: chapter.description,
      bullets: chapter.bullets.filter((bullet) => bullet.trim() !== ''),
      ...(chapter.url ? { url: chapter.url } : {}),
    })),
  };
}

/** Keeps the list in time order; a stable sort, so two chapters at one time keep their order. */
export function sortByStart(chapters: readonly DraftChapter[]): DraftChapter[] {
  return [...chapters].sort((a, b) => a.start - b.start);
}

/** Starts are kept to milliseconds: the formats write no finer, so every export reads back the same. */
export const roundStart = (seconds: number) => Math.max(0, Math.round(seconds * 1000) / 1000);
