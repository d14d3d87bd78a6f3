/**
 * What a title and a show name say once the ways each platform dresses them are taken off. Real
 * pairs this was written against are in tests/unit/episode-score.test.ts, with their sources:
 * "No Priors Ep. 3 | With …" on YouTube is "How can we … With …" in the feed; Lex Fridman's
 * "… | Lex Fridman Podcast #416" is "#416 – …"; a show is "No Priors" in a chapter file,
 * "No Priors: Artificial Intelligence | Technology | Startups" on Spotify and
 * "No Priors: AI, Machine Learning, Tech, & Startups" as a YouTube channel.
 */

/** Case, accents, curly quotes and punctuation folded away: words separated by single spaces. */
export function fold(text: string): string {
  // Most titles are plain ASCII: the Unicode steps, the slow ones, are for the others.
  if (/^[\x20-\x7e]*$/.test(text)) {
    return text
      .toLowerCase()
      .replace(/['`]/g, '')
      .replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032'`´]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const YOUTUBE_TAB = /\s+-\s+YouTube\s*$/i;
// "Ep. 3", "Episode 3", "EP #93", "#416", "| E1014", "🎙️115": the forms seen on the real pages.
const NUMBER = /(?:\b(?:ep|eps|episode)\b\.?\s*#?\s*(\d{1,5})\b|#\s?(\d{1,5})\b|(?:^|\|\s*)E(\d{1,5})\b|\u{1F399}\uFE0F?\s*(\d{1,5}))/giu;

/** The episode number a title carries, or null (feed titles often carry none). */
export function episodeNumber(title: string): number | null {
  NUMBER.lastIndex = 0;
  const found = NUMBER.exec(title);
  if (!found) return null;
  return Number(found[1] ?? found[2] ?? found[3] ?? found[4]);
}

const TAGLINE = /\s*(?::|\s\|\s|\s[-–—]\s|\(|,).*$/u;

/** A show's name without its tagline ("Show: …", "Show | …", "Show - …") or a trailing "Podcast". */
export function showCore(show: string): string {
  const name = show.replace(TAGLINE, '') || show;
  return fold(name)
    .replace(/^the /, '')
    .replace(/ (?:podcast|show|pod)$/, '')
    .trim();
}

const stripWords = (key: string, words: string) => {
  if (!words || key === words) return key;
  if (key.startsWith(`${words} `)) key = key.slice(words.length + 1);
  if (key.endsWith(` ${words}`)) key = key.slice(0, -words.length - 1);
  return key;
};

// A library has few shows and many episodes each: their folded forms are kept, not redone.
const showKeyCache = new Map<string, string[]>();
function showKeys(show: string): string[] {
  let keys = showKeyCache.get(show);
  if (!keys) {
    if (showKeyCache.size > 10_000) showKeyCache.clear();
    keys = [...new Set([fold(show), showCore(show)])].filter(Boolean);
    showKeyCache.set(show, keys);
  }
  return keys;
}

/**
 * The title's words without the " - YouTube" tab suffix, its episode number and the show's name
 * around it, so one episode's titles on different pages fold to one key.
 */
export function titleCore(title: string, shows: readonly string[] = []): string {
  NUMBER.lastIndex = 0;
  return withoutShows(fold(title.replace(YOUTUBE_TAB, '').replace(NUMBER, ' ')), shows);
}

/** A title key (titleCore's, without shows) with the shows' names around it taken off. */
export function withoutShows(key: string, shows: readonly string[]): string {
  for (const show of shows) {
    if (!show) continue;
    for (const words of showKeys(show)) key = stripWords(stripWords(key, `${words} podcast`), words);
  }
  return key;
}

const NAME_WORD = /^[\p{Lu}][\p{L}\p{M}’'.-]*$/u;
const NOT_NAMES = new Set([
  'the',
  'and',
  'of',
  'from',
  'with',
  'ceo',
  'founder',
  'creator',
  'cofounder',
  'co',
  'research',
  'scientist',
  'on',
  'at',
  'in',
  'for',
  'ai',
  'ais',
  'a',
]);

function nameWords(phrase: string): string[] {
  const words = phrase.split(/\s+/).filter((word) => NAME_WORD.test(word));
  if (words.length === 0) return [];
  return fold(words.join(' '))
    .split(' ')
    .filter((word) => word.length > 1 && !NOT_NAMES.has(word));
}

/**
 * The capitalised words of the guest a title names: after "with", "w/", "from", "featuring", or
 * before the title's first ":" or "—" ("Yann Lecun: …", "Andrej Karpathy — …"). Empty when the title
 * names nobody this way. Two titles naming guests with no word in common are different episodes.
 */
export function guestWords(title: string): Set<string> {
  NUMBER.lastIndex = 0;
  const bare = title
    .replace(YOUTUBE_TAB, '')
    .replace(NUMBER, ' ')
    .replace(/^[\s|:–—-]+/, '');
  const words = new Set<string>();
  const after = /(?:^|[\s|.,?!(])(?:with|w\/|from|featuring|feat\.|ft\.)\s+([^|?!()]+)/giu;
  for (const found of bare.matchAll(after)) for (const word of nameWords(found[1]!)) words.add(word);
  const lead = /^([^:—|]{3,40})\s*[:—]/u.exec(bare);
  if (lead) {
    const candidate = lead[1]!.trim().split(/\s+/);
    // A name is two to four capitalised words; "OpenClaw" or "Why Traditional…" are not guests.
    if (candidate.length >= 2 && candidate.length <= 4 && candidate.every((word) => NAME_WORD.test(word))) {
      for (const word of nameWords(lead[1]!)) words.add(word);
    }
  }
  return words;
}

/** The longest run of words two keys share, in words. */
export function longestCommonRun(a: string, b: string): number {
  const x = a.split(' ');
  const y = b.split(' ');
  if (!a || !b) return 0;
  let best = 0;
  let previous = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const row = new Array<number>(y.length + 1).fill(0);
    for (let j = 1; j <= y.length; j++) {
      if (x[i - 1] === y[j - 1]) {
        row[j] = previous[j - 1]! + 1;
        if (row[j]! > best) best = row[j]!;
      }
    }
    previous = row;
  }
  return best;
}
