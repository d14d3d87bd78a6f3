/**
 * Searching chapters: every word of the query must appear (in any case) somewhere in a chapter's
 * title, description or bullets. Matches are found with regular expressions on the original text,
 * so the parts to highlight keep their exact positions whatever case folding does to lengths.
 */

/** Long enough for any real query; a pasted paragraph is cut rather than compiled. */
const MAX_QUERY_CHARS = 100;
const MAX_WORDS = 8;

export interface TextPart {
  text: string;
  match: boolean;
}

export interface TextMatcher {
  /** Whether every word of the query appears in at least one of the texts. */
  matchesAll(texts: readonly string[]): boolean;
  /** Whether any word appears in the text. */
  hits(text: string): boolean;
  /** The text cut into plain and matching parts, in order, for highlighting. */
  split(text: string): TextPart[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A matcher for a query, or null when the query has no words. */
export function createMatcher(query: string): TextMatcher | null {
  const words = [...new Set(query.slice(0, MAX_QUERY_CHARS).trim().split(/\s+/).filter(Boolean))].slice(0, MAX_WORDS);
  if (words.length === 0) return null;
  const each = words.map((word) => new RegExp(escapeRegExp(word), 'iu'));
  // Longest first, so that "chip" inside "chips" highlights the whole of "chips" when both are asked for.
  const any = new RegExp(
    [...words]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|'),
    'giu',
  );
  return {
    matchesAll: (texts) => each.every((pattern) => texts.some((text) => pattern.test(text))),
    hits: (text) => each.some((pattern) => pattern.test(text)),
    split(text) {
      const parts: TextPart[] = [];
      let at = 0;
      for (const found of text.matchAll(any)) {
        const index = found.index ?? 0;
        if (index > at) parts.push({ text: text.slice(at, index), match: false });
        parts.push({ text: found[0], match: true });
        at = index + found[0].length;
      }
      if (at < text.length) parts.push({ text: text.slice(at), match: false });
      return parts;
    },
  };
}

/** The texts of a chapter that search looks in. */
export const searchableTexts = (chapter: { title: string; description?: string; bullets?: readonly string[] }): string[] => [
  chapter.title,
  chapter.description ?? '',
  ...(chapter.bullets ?? []),
];

/** Indexes of the chapters that match, in order. */
export function findMatches(
  chapters: ReadonlyArray<{ title: string; description?: string; bullets?: readonly string[] }>,
  matcher: TextMatcher,
): number[] {
  const found: number[] = [];
  chapters.forEach((chapter, index) => {
    if (matcher.matchesAll(searchableTexts(chapter))) found.push(index);
  });
  return found;
}
