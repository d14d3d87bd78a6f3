import type { Chapter, Episode } from '../schema';

/**
 * Where each chapter ends: its own end, else the next start, else the media's duration; null for
 * a last chapter of media whose length is unknown. Formats that need an end (WebVTT cues) use it.
 */
export function chapterEnds(episode: Pick<Episode, 'chapters' | 'duration'>): Array<number | null> {
  return episode.chapters.map((chapter: Chapter, i) => chapter.end ?? episode.chapters[i + 1]?.start ?? episode.duration ?? null);
}

/** Text on one line: every format here writes a title as one line (or one attribute). */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** "01:02:03.450": hours always, milliseconds always, as mp4chaps, Podlove and WebVTT write them. */
export function longClock(seconds: number): string {
  const millis = Math.round(Math.max(0, seconds) * 1000);
  const h = Math.floor(millis / 3_600_000);
  const m = Math.floor((millis % 3_600_000) / 60_000);
  const s = Math.floor((millis % 60_000) / 1000);
  const ms = millis % 1000;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(h)}:${two(m)}:${two(s)}.${String(ms).padStart(3, '0')}`;
}

/** Whether any chapter carries what a format has no place for, so the export can say it is left out. */
export function hasSummaries(episode: Pick<Episode, 'chapters'>): boolean {
  return episode.chapters.some((chapter) => chapter.description.trim() !== '' || chapter.bullets.length > 0);
}
