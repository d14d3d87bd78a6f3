/**
 * The line reading behind parseTimestampList, without the schema: content scripts use it to read
 * chapters from a page's description, and zod must not enter them (every kilobyte there is paid
 * on every page). parseTimestampList adds the shared checks and the schema on top.
 */
import type { InputProblem } from '../schema';
import { readClock, writeClock } from './clock';
import { htmlToText } from './html-text';
import { readHttpUrl } from './safe-url';
import { MAX_LINE_CHARS, splitLines } from './text-lines';
import { t } from '../../i18n';

export interface TimestampLine {
  start: number;
  end?: number;
  title: string;
  /** An http(s) link written after the title in angle brackets, as mp4chaps lines have it. */
  url?: string;
}

/** A chapter line and where it is (1-based), for messages that point at it. */
export interface TimestampEntry extends TimestampLine {
  line: number;
}

/**
 * m:ss, mm:ss or h:mm:ss with an optional fraction (mp4chaps writes "00:09:12.500"), not part of
 * a longer run of digits, colons and dots.
 */
const TIMESTAMP = /(?<!\d)(?<!\d:)(\d{1,3}(?::\d{2}){1,2}(?:\.\d{1,3})?)(?!\.?\d)(?!:\d)/g;
/** What may stand before a leading timestamp: bullets, brackets, emoji, and a track number. */
const LEADING_PREFIX = /^[\p{P}\p{S}\p{M}\s]*(?:\d{1,3}(?:[.):]|\s)[\p{P}\p{S}\p{M}\s]*)?$/u;
const RANGE_END = /^\s*[-–—~]\s*[([]?(\d{1,3}(?::\d{2}){1,2}(?:\.\d{1,3})?)(?![\d:.])[)\]]?/;
/** "Title <https://…>": Podlove Publisher's and Auphonic's way of giving a chapter a link. */
const LINK_AT_END = /^<(https?:\/\/[^\s<>]+)>$/i;
const SEPARATOR_BEFORE_TITLE = /^\s*[-–—‒―:|－~.]*\s*/;
/** Trimmed from the end of a title before a trailing timestamp (by a loop: an unanchored regex would be quadratic). */
const SEPARATORS_AFTER_TITLE = new Set([...'-–—‒―:|－~@']);
const CLOSING_BRACKET = /^\s*[)\]}]/;
const OPENING_BRACKET = /[([{]\s*$/;
// Written so that no two parts can match the same spaces: the usual "\s*(…)?\s*$" backtracks
// quadratically over a long run of spaces.
const TRAILING_NOTE = /^\s*(?:\(([^()]*)\)\s*)?$/;
const MAX_WARNINGS = 100;
/** "date: 2020-07-01 00:00:00" (a post's front matter) is a date and time, not a chapter. */
const DATE_BEFORE = /\d{4}-\d{2}-\d{2}[T ]$/;
const BULLET_AND_NUMBER = /^(?:[-*•●▪◦‣⁃►▶→>]+\s*)?(?:\d{1,3}[.)]\s+|\d{1,3}\s+[-–—]\s+|#\d{1,3}\s+)?/;

/**
 * Every chapter line of a text, in order, with the rules of parseTimestampList: a timestamp that
 * does not come after the previous one, lies past `duration` or has no title is skipped with a
 * warning, and a range's end that cannot be true is dropped. Old description markup (<br>, <a>)
 * is read as text.
 */
export function readTimestampEntries(
  text: string,
  duration?: number,
): {
  entries: TimestampEntry[];
  warnings: InputProblem[];
  /** Warnings past the first hundred, only counted. */ unsaid: number;
  text: string;
} {
  const plain = /<br\s*\/?>|<\/a>/i.test(text) ? htmlToText(text) : text;
  const limit = typeof duration === 'number' && duration > 0 ? duration : undefined;
  const warnings: InputProblem[] = [];
  // Past the first hundred, warnings are only counted: 300,000 bad lines would cost seconds of messages.
  let unsaid = 0;
  const warn = (warning: () => InputProblem) => {
    if (warnings.length < MAX_WARNINGS) warnings.push(warning());
    else unsaid++;
  };
  const entries: TimestampEntry[] = [];
  const lines = splitLines(plain);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    const line = i + 1;
    if (text.length > MAX_LINE_CHARS) {
      // Said only when the line starts like a chapter: a long paragraph of show notes is no news.
      if (readTimestampLine(text.slice(0, 80).trimEnd()))
        warn(() => ({ line, message: t('parseLineTooLong', MAX_LINE_CHARS.toLocaleString('en')) }));
      continue;
    }
    const entry = readTimestampLine(text);
    if (!entry) continue;
    const previous = entries[entries.length - 1];
    if (!entry.title) {
      warn(() => ({ line, message: t('parseStampNoTitle', writeClock(entry.start)) }));
    } else if (previous && entry.start <= previous.start) {
      warn(() => ({ line, message: t('parseStampNotAfter', writeClock(entry.start), writeClock(previous.start)) }));
    } else if (limit !== undefined && entry.start >= limit) {
      warn(() => ({ line, message: t('parseStampPastEnd', writeClock(entry.start), writeClock(limit)) }));
    } else {
      entries.push({ ...entry, line });
    }
  }
  dropImpossibleEnds(entries, warnings);
  return { entries, warnings, unsaid, text: plain };
}

/** Reads one line; null when the line is not a chapter. The title is '' for a bare timestamp. */
export function readTimestampLine(rawLine: string): TimestampLine | null {
  if (rawLine.length > MAX_LINE_CHARS) return null;
  const line = rawLine.trim();
  const tokens = [...line.matchAll(TIMESTAMP)];
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (!first || !last) return null;
  return readLeadingTimestamp(line, first) ?? readTrailingTimestamp(line, last);
}

function readLeadingTimestamp(line: string, token: RegExpExecArray | RegExpMatchArray): TimestampLine | null {
  const at = token.index ?? 0;
  const start = readClock(token[1] ?? '');
  if (start === null || !LEADING_PREFIX.test(line.slice(0, at))) return null;
  let rest = line.slice(at + (token[0]?.length ?? 0)).replace(CLOSING_BRACKET, '');
  let end: number | undefined;
  const range = RANGE_END.exec(rest);
  if (range) {
    end = readClock(range[1] ?? '') ?? undefined;
    rest = rest.slice(range[0].length);
  }
  const { text, url } = splitLinkAtEnd(rest);
  const title = tidy(text.replace(SEPARATOR_BEFORE_TITLE, ''));
  const reading: TimestampLine = end === undefined ? { start, title } : { start, end, title };
  if (url) reading.url = url;
  return reading;
}

/** "Title <https://…>" → the title and the link (by string search: no regex runs over the title). */
function splitLinkAtEnd(text: string): { text: string; url?: string } {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith('>')) return { text };
  const open = trimmed.lastIndexOf('<');
  const link = open < 0 ? null : LINK_AT_END.exec(trimmed.slice(open));
  const url = link ? readHttpUrl(link[1] ?? '') : null;
  return url ? { text: trimmed.slice(0, open), url } : { text };
}

function readTrailingTimestamp(line: string, token: RegExpExecArray | RegExpMatchArray): TimestampLine | null {
  const at = token.index ?? 0;
  const start = readClock(token[1] ?? '');
  const note = TRAILING_NOTE.exec(line.slice(at + (token[0]?.length ?? 0)).replace(CLOSING_BRACKET, ''));
  if (start === null || !note || DATE_BEFORE.test(line.slice(Math.max(0, at - 12), at))) return null;
  const before = trimSeparatorsAtEnd(line.slice(0, at).replace(OPENING_BRACKET, ''));
  const title = tidy(before.replace(BULLET_AND_NUMBER, ''));
  const noteText = tidy(note[1] ?? '');
  return { start, title: title && noteText ? `${title} (${noteText})` : title };
}

function trimSeparatorsAtEnd(text: string): string {
  let end = text.length;
  while (end > 0 && (/\s/.test(text[end - 1] ?? '') || SEPARATORS_AFTER_TITLE.has(text[end - 1] ?? ''))) end--;
  return text.slice(0, end);
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A range's end that cannot be true (before its start, past the next start) is dropped, not fatal. */
function dropImpossibleEnds(entries: TimestampEntry[], warnings: InputProblem[]): void {
  entries.forEach((entry, i) => {
    const next = entries[i + 1];
    if (entry.end === undefined) return;
    if (entry.end <= entry.start || (next && entry.end > next.start)) {
      warnings.push({ line: entry.line, message: t('parseStampBadEnd', writeClock(entry.end)) });
      delete entry.end;
    }
  });
}
