/** What the scored match answers: a verdict with its reasons, or why nothing matched. */

/** One signal a match was judged by, and whether the page and the episode agree on it. */
export type MatchSignal = 'link' | 'media-id' | 'title' | 'title-words' | 'show' | 'number' | 'guest' | 'duration' | 'refused';
export interface MatchReason {
  signal: MatchSignal;
  agrees: boolean;
  /** What each side says, for the popup's report ("3 vs 4"). */
  detail?: string;
}

/**
 * Confident: shown at once. Plausible (the title agrees but the show does not, say): the sidebar
 * asks first. Anything that contradicts (another episode number, another guest, a far length) is
 * never either.
 */
export type MatchVerdict = 'confident' | 'plausible';
export interface ScoredMatch<T> {
  episode: T;
  verdict: MatchVerdict;
  /** 0–100: how many signals agreed, weighted; for the report, the verdict decides. */
  score: number;
  reasons: MatchReason[];
}
export interface NoMatch<T> {
  episode: null;
  why: 'no-title' | 'no-candidate' | 'contradicted' | 'refused';
  /** The closest episode that was ruled out, with why, for the report. */
  nearest?: { episode: T; reasons: MatchReason[] };
}
export type MatchOutcome<T> = ScoredMatch<T> | NoMatch<T>;
