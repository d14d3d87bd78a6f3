/**
 * The offset an edition runs at, from the timestamps its page publishes (Spotify's show notes, a
 * YouTube description) against the library's chapter starts. Real lists of one edition disagree
 * by tens of seconds here and there (Lex Fridman #416's site and video outlines, issue 13's
 * research), so this asks for one common shift that at least three timestamps agree on within
 * `tolerance`, not for every timestamp to agree.
 */
export interface EditionShift {
  /** Seconds added to the media's time to reach the chapters' (the clock's offset). */
  offset: number;
  /** How many of the page's timestamps line up after that shift. */
  agreeing: number;
  /** Every timestamp of the page lines up with a chapter start. */
  exact: boolean;
}

const MIN_AGREEING = 3;
/** Past this many, a "timestamp list" is no show notes: it costs pairs without telling more. */
const MAX_STAMPS = 300;

export function findEditionShift(chapterStarts: readonly number[], pageStarts: readonly number[], tolerance = 2): EditionShift | null {
  const chapters = [...chapterStarts].sort((a, b) => a - b).slice(0, MAX_STAMPS);
  const page = [...new Set(pageStarts)].sort((a, b) => a - b).slice(0, MAX_STAMPS);
  if (page.length < MIN_AGREEING || chapters.length < MIN_AGREEING) return null;
  const near = (time: number) => {
    // Chapters are sorted: a binary search for the closest start.
    let low = 0;
    let high = chapters.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (chapters[middle]! < time) low = middle + 1;
      else high = middle;
    }
    const candidates = [chapters[low]!, chapters[low - 1]].filter((value): value is number => value !== undefined);
    return candidates.reduce((best, value) => (Math.abs(value - time) < Math.abs(best - time) ? value : best));
  };
  let best: { offset: number; differences: number[] } | null = null;
  for (const stamp of page) {
    for (const start of chapters) {
      const offset = start - stamp;
      const differences: number[] = [];
      for (const other of page) {
        const chapter = near(other + offset);
        if (Math.abs(chapter - (other + offset)) <= tolerance) differences.push(chapter - other);
      }
      if (
        !best ||
        differences.length > best.differences.length ||
        (differences.length === best.differences.length && Math.abs(offset) < Math.abs(best.offset))
      ) {
        best = { offset, differences };
      }
    }
  }
  if (!best || best.differences.length < MIN_AGREEING) return null;
  const sorted = best.differences.sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1]!;
  return { offset: Math.round(median * 10) / 10, agreeing: sorted.length, exact: sorted.length === page.length };
}
