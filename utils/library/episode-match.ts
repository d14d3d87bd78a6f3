import type { Episode } from '../chapters/schema';
import type { EpisodeRef } from '../sites/types';
import type { MatchOutcome, MatchReason, MatchSignal, MatchVerdict, NoMatch, ScoredMatch } from './match-outcome';
import { episodeNumber, fold, guestWords, longestCommonRun, showCore, titleCore, withoutShows } from './title-signals';

/**
 * Folds the ways one title is written on different pages into one key: case, accents, curly
 * quotes, punctuation, the " - YouTube" tab suffix and the show's name around the title. The
 * popup's and options page's searches use it too.
 */
export function normalizeTitle(title: string, show = ''): string {
  let key = fold(title.replace(/\s+-\s+YouTube\s*$/i, ''));
  const showKey = fold(show);
  if (showKey && key !== showKey) {
    if (key.startsWith(`${showKey} `)) key = key.slice(showKey.length + 1);
    if (key.endsWith(` ${showKey}`)) key = key.slice(0, -showKey.length - 1);
  }
  return key;
}

/**
 * What matching needs of an episode: the library's index holds only this for imported episodes,
 * whose chapters are read from storage once a page plays one.
 */
export type MatchableEpisode = Pick<Episode, 'id' | 'show' | 'title' | 'altTitles' | 'ids' | 'offsets' | 'duration'>;

export type { MatchOutcome, MatchReason, MatchSignal, MatchVerdict, NoMatch, ScoredMatch } from './match-outcome';

interface Signals {
  titleKeys: Set<string>;
  numbers: Set<number>;
  guests: Set<string>;
  show: string;
}

export interface EpisodeIndex<T extends MatchableEpisode = Episode> {
  byMediaId: Map<string, T>;
  byTitle: Map<string, T[]>;
  /** Distinctive title words → episodes, to find candidates for a title that is not the same. */
  byWord: Map<string, T[]>;
  signals: Map<T, Signals>;
  /** The media ids a person linked by hand (`site:id`), which beat every other signal. */
  linked: Set<string>;
}

const mediaKey = (site: string, mediaId: string) => `${site}:${mediaId}`;
export { mediaKey as linkKey };

/** A word in more titles than this says nothing about which episode plays ("with", "the", "ai"). */
const COMMON_WORD = 200;
/** Shared words a title needs before it is scored against a different title. */
const MIN_RUN = 4;

function signalsOf(episode: MatchableEpisode): Signals {
  const titles = [episode.title, ...episode.altTitles];
  const titleKeys = new Set<string>();
  const numbers = new Set<number>();
  const guests = new Set<string>();
  for (const title of titles) {
    const bare = titleCore(title);
    for (const key of [withoutShows(bare, [episode.show]), bare]) if (key) titleKeys.add(key);
    const number = episodeNumber(title);
    if (number !== null) numbers.add(number);
    for (const word of guestWords(title)) guests.add(word);
  }
  return { titleKeys, numbers, guests, show: episode.show ? showCore(episode.show) : '' };
}

/**
 * Built once per library change so matching a page is a few map look-ups, not a scan. When two
 * episodes claim the same media id or title, the earlier one in `episodes` wins.
 */
export function indexEpisodes<T extends MatchableEpisode>(
  episodes: readonly T[],
  links: Readonly<Record<string, string>> = {},
): EpisodeIndex<T> {
  const byMediaId = new Map<string, T>();
  const byTitle = new Map<string, T[]>();
  const byWord = new Map<string, T[]>();
  const signals = new Map<T, Signals>();
  const byId = new Map<string, T>();
  const add = (map: Map<string, T[]>, key: string, episode: T) => {
    const list = map.get(key);
    if (!list) map.set(key, [episode]);
    else if (list[list.length - 1] !== episode) list.push(episode);
  };
  for (const episode of episodes) {
    if (signals.has(episode)) continue;
    if (!byId.has(episode.id)) byId.set(episode.id, episode);
    for (const [site, ids] of Object.entries(episode.ids)) {
      for (const id of ids) if (!byMediaId.has(mediaKey(site, id))) byMediaId.set(mediaKey(site, id), episode);
    }
    const found = signalsOf(episode);
    signals.set(episode, found);
    for (const key of found.titleKeys) {
      add(byTitle, key, episode);
      for (const word of new Set(key.split(' '))) if (word.length > 2) add(byWord, word, episode);
    }
  }
  // A person's explicit link ("use these chapters for this video") beats everything else.
  const linked = new Set<string>();
  for (const [key, episodeId] of Object.entries(links)) {
    const episode = byId.get(episodeId);
    if (!episode) continue;
    byMediaId.set(key, episode);
    linked.add(key);
  }
  return { byMediaId, byTitle, byWord, signals, linked };
}

/** How far a page's media length may stray from the episode's: editions differ by intros and ads. */
function durationFits(episode: MatchableEpisode, ref: EpisodeRef): boolean | null {
  if (episode.duration === undefined || ref.duration === undefined || !(ref.duration > 0)) return null;
  const offset = Math.abs(episode.offsets[ref.site] ?? 0);
  const tolerance = Math.max(30, episode.duration * 0.05) + offset;
  return Math.abs(episode.duration - ref.duration) <= tolerance;
}

interface PageSignals {
  keys: string[];
  core: string;
  number: number | null;
  guests: Set<string>;
  show: string;
}

function pageSignals(ref: EpisodeRef): PageSignals {
  const title = ref.title ?? '';
  const bare = titleCore(title);
  const core = withoutShows(bare, [ref.show ?? '']);
  return {
    keys: [...new Set([core, bare])].filter(Boolean),
    core,
    number: episodeNumber(title),
    guests: guestWords(title),
    show: ref.show ? showCore(ref.show) : '',
  };
}

const WEIGHTS: Record<MatchSignal, number> = {
  link: 100,
  'media-id': 100,
  title: 50,
  'title-words': 25,
  show: 20,
  number: 10,
  guest: 10,
  duration: 10,
  refused: 0,
};

/** Judges one episode against what the page says; null when nothing ties them at all. */
function scoreEpisode(
  episode: MatchableEpisode,
  known: Signals,
  page: PageSignals,
  ref: EpisodeRef,
): { verdict: MatchVerdict | null; score: number; reasons: MatchReason[] } {
  const reasons: MatchReason[] = [];
  const exact = page.keys.some((key) => known.titleKeys.has(key));
  if (exact) reasons.push({ signal: 'title', agrees: true });
  let run = 0;
  if (!exact) {
    for (const key of known.titleKeys) run = Math.max(run, longestCommonRun(page.core, key));
    if (run >= MIN_RUN) reasons.push({ signal: 'title-words', agrees: true, detail: `${run} words in a row` });
  }
  const showAgrees = page.show && known.show ? page.show === known.show : null;
  if (showAgrees !== null)
    reasons.push({ signal: 'show', agrees: showAgrees, detail: showAgrees ? undefined : `“${ref.show}” vs “${episode.show}”` });
  let contradicted = false;
  if (page.number !== null && known.numbers.size > 0) {
    const agrees = known.numbers.has(page.number);
    contradicted ||= !agrees;
    reasons.push({ signal: 'number', agrees, detail: agrees ? String(page.number) : `${page.number} vs ${[...known.numbers].join(', ')}` });
  }
  let guestAgrees = false;
  if (page.guests.size > 0 && known.guests.size > 0) {
    guestAgrees = [...page.guests].some((word) => known.guests.has(word));
    contradicted ||= !guestAgrees;
    reasons.push({ signal: 'guest', agrees: guestAgrees });
  }
  const duration = durationFits(episode, ref);
  if (duration !== null) {
    contradicted ||= !duration;
    reasons.push({ signal: 'duration', agrees: duration, detail: `${Math.round(ref.duration!)} s vs ${Math.round(episode.duration!)} s` });
  }
  const score = Math.min(
    100,
    reasons.reduce((sum, reason) => sum + (reason.agrees ? WEIGHTS[reason.signal] : 0), 0),
  );
  let verdict: MatchVerdict | null = null;
  if (!contradicted) {
    if (exact) verdict = showAgrees === false ? 'plausible' : 'confident';
    // Different titles for one conversation share its guest and a phrase ("With Stability AI’s Emad
    // Mostaque"); a guest alone does not tell two of their episodes apart, so that only asks.
    else if (run >= MIN_RUN && guestAgrees && showAgrees !== false) verdict = 'plausible';
  }
  return { verdict, score, reasons };
}

/** One episode judged against a page on its own, without an index (tests, the popup's report). */
export function judgeEpisode(
  episode: MatchableEpisode,
  ref: EpisodeRef,
): { verdict: MatchVerdict | null; score: number; reasons: MatchReason[] } {
  return scoreEpisode(episode, signalsOf(episode), pageSignals(ref), ref);
}

/**
 * The library episode a page plays, and how sure that is: a link or a known media id first, then
 * the title and everything else the page says, scored. `refused` holds the `site:mediaId` →
 * episode answers "Not this one", which rule that episode out for that media.
 */
export function findMatch<T extends MatchableEpisode>(
  index: EpisodeIndex<T>,
  ref: EpisodeRef,
  refused: ReadonlyMap<string, string> | null = null,
): MatchOutcome<T> {
  const key = ref.mediaId ? mediaKey(ref.site, ref.mediaId) : null;
  const refusedId = key ? refused?.get(key) : undefined;
  if (key) {
    const known = index.byMediaId.get(key);
    if (known && (index.linked.has(key) || known.id !== refusedId)) {
      const signal: MatchSignal = index.linked.has(key) ? 'link' : 'media-id';
      return { episode: known, verdict: 'confident', score: 100, reasons: [{ signal, agrees: true, detail: key }] };
    }
  }
  if (!ref.title?.trim()) return { episode: null, why: 'no-title' };
  const page = pageSignals(ref);
  const candidates: T[] = [];
  for (const titleKey of page.keys)
    for (const episode of index.byTitle.get(titleKey) ?? []) if (!candidates.includes(episode)) candidates.push(episode);
  // Titles that differ: episodes sharing enough distinctive words with the page's title.
  const hits = new Map<T, number>();
  for (const word of new Set(page.core.split(' '))) {
    const list = word.length > 2 ? index.byWord.get(word) : undefined;
    if (!list || list.length > COMMON_WORD) continue;
    for (const episode of list) hits.set(episode, (hits.get(episode) ?? 0) + 1);
  }
  for (const [episode, count] of hits) if (count >= MIN_RUN - 1 && !candidates.includes(episode)) candidates.push(episode);

  let best: ScoredMatch<T> | null = null;
  let nearest: NoMatch<T>['nearest'];
  let nearestScore = -1;
  let refusedSeen = false;
  for (const episode of candidates) {
    const judged = scoreEpisode(episode, index.signals.get(episode)!, page, ref);
    if (judged.verdict && episode.id === refusedId) {
      refusedSeen = true;
      nearest = { episode, reasons: [...judged.reasons, { signal: 'refused', agrees: false, detail: key! }] };
      nearestScore = Infinity;
      continue;
    }
    if (!judged.verdict) {
      if (judged.score > nearestScore) {
        nearest = { episode, reasons: judged.reasons };
        nearestScore = judged.score;
      }
      continue;
    }
    const rank = (match: ScoredMatch<T>) => (match.verdict === 'confident' ? 1000 : 0) + match.score;
    const candidate = { episode, verdict: judged.verdict, score: judged.score, reasons: judged.reasons };
    // Ties keep the earlier episode: the library's order says which wins (imports first).
    if (!best || rank(candidate) > rank(best)) best = candidate;
  }
  if (best) return best;
  if (refusedSeen) return { episode: null, why: 'refused', nearest };
  return { episode: null, why: nearest ? 'contradicted' : 'no-candidate', ...(nearest && { nearest }) };
}

/** The episode a page plays when that is certain (a link, a media id, the title and show), or null. */
export function matchEpisode<T extends MatchableEpisode>(index: EpisodeIndex<T>, ref: EpisodeRef): T | null {
  const outcome = findMatch(index, ref);
  return outcome.episode !== null && (outcome as ScoredMatch<T>).verdict === 'confident' ? outcome.episode : null;
}
