/**
 * Chapterbar's text format: the format of the bundled episode documents, easy to write by hand.
 *
 *   No PriorsNo Priors Ep. 3 | With Stability AI’s Emad Mostaque     ← title line (see below)
 *   YouTube: C6Zpjij5AF4                                             ← optional header lines
 *   CHAPTERS
 *   - 0:00 – 2:15                                                    ← a chapter: start – end
 *   From hedge funds to AI-for-good                                  ← its title
 *   Link: https://example.com/notes                                  ← optional, right after the title
 *   Emad shares how his computer science background …                ← description (optional, may span lines)
 *   - •Was a major investor in video games                           ← bullets (optional)
 *
 * Title line: the first non-blank line. When it is the show name immediately followed by a title
 * that itself begins with the show name ("No PriorsNo Priors Ep. 3 …", as the seed documents are
 * written), it splits into show "No Priors" and title "No Priors Ep. 3 …"; otherwise the whole
 * line is the title and the show is empty, unless a `Show:` header names it. If the first line is
 * already CHAPTERS there is no title (the file name stands in).
 *
 * Header lines, between the title line and CHAPTERS, any order, keys case-insensitive:
 *   Show: <name>                  the show, when the title line does not carry it
 *   YouTube: <video id or link>   → ids.youtube (repeatable)
 *   Spotify: <episode id or link> → ids.spotify (repeatable)
 *   Id <site>: <id>               → ids[site], for other sites
 *   Also titled: <title>          → altTitles (repeatable), e.g. the audio edition's title
 *   Duration: <h:mm:ss>           → duration
 *   Offset <site>: <±seconds>     → offsets[site], seconds to add to that site's media time
 *                                   (also ±m:ss)
 * Unknown header lines are ignored with a warning.
 *
 * Chapter lines: "- start – end" with an en dash, em dash or hyphen, times as m:ss or h:mm:ss
 * (optionally .mmm); "- start" alone leaves the end open: the next start closes it when shown,
 * and for the last chapter the media's duration (context.duration) when known.
 * Bullets: "- •text", "- text", "• text" or "* text". Blank lines anywhere are ignored; CRLF, a
 * byte order mark, trailing spaces and a missing final newline are fine. A line right after the
 * chapter line that looks like a bullet means the chapter has no title. Text after the bullets is
 * added to the description, with a warning.
 */
import type { Episode, InputProblem, ParseResult } from '../schema';
import { readClock, writeClock } from './clock';
import { finishEpisode, type ChapterDraft, type EpisodeDraft } from './finish-episode';
import { guardParse } from './guard';
import type { ParseContext } from './parse-context';
import { quote } from './problems';
import { readHttpUrl } from './safe-url';
import { findSiteAddresses, findSiteByName } from '../../sites/addresses';
import { splitLines } from './text-lines';
import { t } from '../../i18n';

const CHAPTERS_LINE = /^chapters:?$/i;
/** "- 0:00 – 2:15" or "- 12:30"; tokens are digit runs so that "2:75" is caught as a bad time, not as a bullet. */
const CHAPTER_LINE = /^[-–—]\s*([0-9][0-9:.,]*)\s*(?:[-–—]\s*([0-9][0-9:.,]*))?$/;
const HEADER_LINE = /^([A-Za-z][A-Za-z0-9 -]{0,40}?)\s*:\s*(.*)$/;
const LINK_LINE = /^link:\s*(\S+)$/i;
const clockHint = () => t('parseClockHint');

interface ChapterBlock {
  line: number;
  titleLine?: number;
  draft: ChapterDraft | null;
  title?: string;
  url?: string;
  description: string[];
  bullets: string[];
  stage: 'title' | 'link' | 'description' | 'bullets';
}

export function parseChapterbarText(text: string, context?: ParseContext): ParseResult {
  return guardParse(text, (input) => readChapterbarText(input, context));
}

function readChapterbarText(text: string, context: ParseContext | undefined): ParseResult {
  const lines = splitLines(text).map((line) => line.trim());
  const problems: InputProblem[] = [];
  const warnings: InputProblem[] = [];

  const titleIndex = lines.findIndex((line) => line !== '');
  const chaptersIndex = lines.findIndex((line, i) => i >= titleIndex && CHAPTERS_LINE.test(line));
  if (chaptersIndex < 0) {
    // Where the CHAPTERS line belongs: before the first line that looks like a chapter, or else
    // after the title line.
    const firstChapter = lines.findIndex((line) => CHAPTER_LINE.test(line));
    const line = firstChapter >= 0 ? firstChapter + 1 : Math.min(lines.length, titleIndex + 2);
    return {
      ok: false,
      problems: [{ line: Math.max(1, line), message: t('parseCbtNoChaptersLine') }],
    };
  }

  const draft: EpisodeDraft = { chapters: [] };
  let explicitShow: string | undefined;
  for (let i = titleIndex + 1; i < chaptersIndex; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const show = readHeaderLine(line, i + 1, draft, problems, warnings);
    if (show !== undefined) explicitShow = show;
  }
  if (titleIndex < chaptersIndex) {
    const titleLine = lines[titleIndex] ?? '';
    const split = explicitShow === undefined ? splitDoubledShow(titleLine) : null;
    draft.show = explicitShow ?? split?.show ?? '';
    draft.title = split?.title ?? titleLine;
  }

  const blocks = readChapterBlocks(lines, chaptersIndex + 1, problems, warnings);
  draft.chapters = blocks.flatMap((block) => (block.draft ? [block.draft] : []));
  const kept = blocks.filter((block) => block.draft);
  return finishEpisode(draft, {
    context,
    problems,
    warnings,
    locate: (index, part) => {
      const block = kept[index];
      return { line: part === 'title' ? (block?.titleLine ?? block?.line) : block?.line };
    },
    noChaptersMessage: t('parseCbtNoChapters'),
    noChaptersAt: { line: chaptersIndex + 1 },
  });
}

/** Reads one header line into the draft; returns the show when it is a Show: line. */
function readHeaderLine(
  line: string,
  lineNumber: number,
  draft: EpisodeDraft,
  problems: InputProblem[],
  warnings: InputProblem[],
): string | undefined {
  const match = HEADER_LINE.exec(line);
  if (!match) {
    warnings.push({ line: lineNumber, message: t('parseCbtNotHeader') });
    return undefined;
  }
  const key = (match[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
  const value = (match[2] ?? '').trim();
  const addId = (site: string, id: string) => {
    draft.ids ??= {};
    (draft.ids[site] ??= []).push(id);
  };

  if (key === 'show') return value;
  // A site's own header ("YouTube: <id or link>"): the site's addresses know its ids and links.
  const site = findSiteByName(key);
  if (site) {
    const id = site.readMediaId(value);
    if (id) addId(site.id, id);
    else problems.push({ line: lineNumber, message: t(site.mediaKind === 'episode' ? 'parseCbtBadEpisodeId' : 'parseCbtBadVideoId', quote(value), site.name) });
  } else if (key === 'also titled') {
    if (value) (draft.altTitles ??= []).push(value);
  } else if (key === 'duration') {
    const duration = readClock(value);
    if (duration !== null && duration > 0) draft.duration = duration;
    else problems.push({ line: lineNumber, message: t('parseCbtBadDuration', quote(value), clockHint()) });
  } else if (key.startsWith('offset ')) {
    const offset = readOffset(value);
    if (offset !== null) (draft.offsets ??= {})[key.slice('offset '.length)] = offset;
    else problems.push({ line: lineNumber, message: t('parseCbtBadOffset', quote(value)) });
  } else if (key.startsWith('id ')) {
    if (value) addId(key.slice('id '.length), value);
  } else {
    warnings.push({ line: lineNumber, message: t('parseCbtUnknownHeader', quote(match[1] ?? '')) });
  }
  return undefined;
}

/** "-120", "+2.5" or "-2:00" seconds. */
function readOffset(text: string): number | null {
  const match = /^([+-]?)(.+)$/.exec(text);
  if (!match) return null;
  const sign = match[1] === '-' ? -1 : 1;
  const body = match[2] ?? '';
  const seconds = /^\d+(?:\.\d+)?$/.test(body) ? Number(body) : body.includes(':') ? readClock(body) : null;
  return seconds === null || !Number.isFinite(seconds) ? null : sign * seconds;
}

function readChapterBlocks(
  lines: readonly string[],
  from: number,
  problems: InputProblem[],
  warnings: InputProblem[],
): ChapterBlock[] {
  const blocks: ChapterBlock[] = [];
  let block: ChapterBlock | undefined;
  const reportMissingTitle = (b: ChapterBlock) =>
    problems.push({ line: b.line, message: t('parseCbtNoTitle') });

  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const lineNumber = i + 1;
    if (line === '') continue;

    const times = CHAPTER_LINE.exec(line);
    if (times && times[1]?.includes(':')) {
      if (block?.stage === 'title') reportMissingTitle(block);
      block = startBlock(lineNumber, times[1], times[2], problems);
      blocks.push(block);
      continue;
    }
    if (!block) {
      problems.push({ line: lineNumber, message: t('parseCbtExpectedChapter') });
      continue;
    }
    const bullet = readBullet(line);
    if (block.stage === 'title') {
      if (bullet !== null) {
        reportMissingTitle(block);
        block.bullets.push(bullet);
        block.stage = 'bullets';
      } else {
        block.title = line;
        block.titleLine = lineNumber;
        block.stage = 'link';
      }
      continue;
    }
    const link = block.stage === 'link' ? LINK_LINE.exec(line) : null;
    if (link) {
      const url = readHttpUrl(link[1] ?? '');
      if (url) block.url = url;
      else warnings.push({ line: lineNumber, message: t('parseLinkDropped') });
      block.stage = 'description';
    } else if (bullet !== null) {
      block.bullets.push(bullet);
      block.stage = 'bullets';
    } else {
      if (block.stage === 'bullets') {
        warnings.push({ line: lineNumber, message: t('parseCbtTextAfterBullets') });
      } else {
        block.stage = 'description';
      }
      block.description.push(line);
    }
  }
  if (block?.stage === 'title') reportMissingTitle(block);

  for (const b of blocks) {
    if (b.draft) {
      b.draft.title = b.title ?? '';
      b.draft.description = b.description.join('\n');
      b.draft.bullets = b.bullets;
      if (b.url) b.draft.url = b.url;
      if (b.title === undefined) b.draft = null;
    }
  }
  return blocks;
}

function startBlock(
  lineNumber: number,
  startText: string,
  endText: string | undefined,
  problems: InputProblem[],
): ChapterBlock {
  const start = readClock(startText);
  const end = endText === undefined ? undefined : readClock(endText);
  for (const [text, value] of [
    [startText, start],
    [endText, end],
  ] as const) {
    if (text !== undefined && value === null) {
      problems.push({ line: lineNumber, message: t('parseNotATime', quote(text), clockHint()) });
    }
  }
  const valid = start !== null && end !== null;
  const draft: ChapterDraft | null = valid ? { start, title: '', ...(end !== undefined ? { end } : {}) } : null;
  return { line: lineNumber, draft, description: [], bullets: [], stage: 'title' };
}

/** The bullet's text, or null when the line is not a bullet. */
function readBullet(line: string): string | null {
  const match = /^(?:-\s*•|[-*•])\s*(.*)$/.exec(line);
  if (!match) return null;
  // "-text" is a word with a hyphen, not a bullet; bullets need a space or the • after the dash.
  if (/^[-*][^\s•]/.test(line)) return null;
  return (match[1] ?? '').trim();
}

/**
 * Splits "No PriorsNo Priors Ep. 3 | …" into show and title: the longest prefix P (two characters
 * or more) such that the rest of the line starts with P again. P may not end in a space, so
 * ordinary titles that repeat a word ("Bora Bora", "Tora! Tora! Tora!") are not split.
 * The z-function finds every such P in one linear pass.
 */
export function splitDoubledShow(line: string): { show: string; title: string } | null {
  const z = zFunction(line);
  for (let length = Math.floor(line.length / 2); length >= 2; length--) {
    if ((z[length] ?? 0) >= length && !/\s/.test(line[length - 1] ?? '')) {
      const show = line.slice(0, length).trim();
      const title = line.slice(length).trim();
      return show && title ? { show, title } : null;
    }
  }
  return null;
}

/** z[i] = length of the longest common prefix of s and s.slice(i). */
function zFunction(s: string): number[] {
  const z = new Array<number>(s.length).fill(0);
  let left = 0;
  let right = 0;
  for (let i = 1; i < s.length; i++) {
    let length = i < right ? Math.min(right - i, z[i - left] ?? 0) : 0;
    while (i + length < s.length && s[length] === s[i + length]) length++;
    z[i] = length;
    if (i + length > right) {
      left = i;
      right = i + length;
    }
  }
  return z;
}

/** "YouTube" for ids the YouTube: line reads back unchanged; "Id <site>" for any other id. */
function siteHeader(site: string, id: string): string {
  const addresses = findSiteAddresses(site);
  if (addresses && addresses.readMediaId(id) === id) return addresses.name;
  return `Id ${site}`;
}

/** Writes an episode in the text format; parseChapterbarText reads it back to the same episode. */
export function formatChapterbarText(episode: Episode): string {
  const lines: string[] = [];
  const title = oneLine(episode.title);
  const show = oneLine(episode.show);
  const doubled = show + title;
  const split = splitDoubledShow(doubled);
  const titleAlone = splitDoubledShow(title);
  if (show && split?.show === show && split.title === title) {
    lines.push(doubled);
  } else {
    lines.push(title);
    // Without a Show: line the title line alone must not look like a doubled show name.
    if (show || titleAlone) lines.push(`Show: ${show}`);
  }
  for (const [site, ids] of Object.entries(episode.ids)) {
    for (const id of ids) lines.push(`${siteHeader(site, id)}: ${id}`);
  }
  for (const altTitle of episode.altTitles) lines.push(`Also titled: ${oneLine(altTitle)}`);
  if (episode.duration !== undefined) lines.push(`Duration: ${writeClock(episode.duration)}`);
  for (const [site, offset] of Object.entries(episode.offsets)) {
    lines.push(`Offset ${site}: ${offset >= 0 ? '+' : ''}${offset}`);
  }
  lines.push('CHAPTERS');
  for (const chapter of episode.chapters) {
    const end = chapter.end === undefined ? '' : ` – ${writeClock(chapter.end)}`;
    lines.push(`- ${writeClock(chapter.start)}${end}`, oneLine(chapter.title));
    if (chapter.url) lines.push(`Link: ${chapter.url}`);
    for (const line of chapter.description.split('\n')) if (line.trim()) lines.push(line.trim());
    for (const bullet of chapter.bullets) lines.push(`- •${oneLine(bullet)}`);
  }
  return `${lines.join('\n')}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
