/**
 * The line reading behind parseTimestampList, without the schema: content scripts use it to read
 * chapters from a page's description, and zod must not enter them (every kilobyte there is paid
 * on every page). parseTimestampList adds the shared checks and the schema on top.
 */
import type { InputProblem } from '../schema';
import { readClock, writeClock } from './clock';
import { htmlToText } from './html-text';
import { splitLines } from './text-lines';
import { t } from '../../i18n';

export interface TimestampLine {
  start: number;
  end?: number;
  title: string;
}

/** A chapter line and where it is (1-based), for messages that point at it. */
export interface TimestampEntry extends TimestampLine {
  line: number;
}

/** m:ss, mm:ss or h:mm:ss, not part of a longer run of digits and colons. */
const TIMESTAMP = /(?<!\d)(?<!\d:)(\d{1,3}(?::\d{2}){1,2})(?!\d)(?!:\d)/g;
/** What may stand before a leading timestamp: bullets, brackets, emoji, and a track number. */
const LEADING_PREFIX = /^[\p{P}\p{S}\p{M}\s]*(?:\d{1,3}(?:[.):]|\s)[\p{P}\p{S}\p{M}\s]*)?$/u;
const RANGE_END = /^\s*[-–—~]\s*[([]?(\d{1,3}(?::\d{2}){1,2})(?![\d:])[)\]]?/;
const SEPARATOR_BEFORE_TITLE = /^\s*[-–—‒―:|－~.]*\s*/;
/** Trimmed from the end of a title before a trailing timestamp (by a loop: an unanchored regex would be quadratic). */
const SEPARATORS_AFTER_TITLE = new Set([...'-–—‒―:|－~@']);
const CLOSING_BRACKET = /^\s*[)\]}]/;
const OPENING_BRACKET = /[([{]\s*$/;
// Written so that no two parts can match the same spaces: the usual "\s*(…)?\s*$" backtracks
// quadratically over a long run of spaces.
const TRAILING_NOTE = /^\s*(?:\(([^()]*)\)\s*)?$/;
const BULLET_AND_NUMBER = /^(?:[-*•●▪◦‣⁃►▶→>]+\s*)?(?:\d{1,3}[.)]\s+|\d{1,3}\s+[-–—]\s+|#\d{1,3}\s+)?/;

/**
 * Every chapter line of a text, in order, with the rules of parseTimestampList: a timestamp that
 * does not come after the previous one, lies past `duration` or has no title is skipped with a
 * warning, and a range's end that cannot be true is dropped. Old description markup (<br>, <a>)
 * is read as text.
 */
export function readTimestampEntries(text: string, duration?: number): { entries: TimestampEntry[]; warnings: InputProblem[]; text: string } {
  const plain = /<br\s*\/?>|<\/a>/i.test(text) ? htmlToText(text) : text;
  const limit = typeof duration === 'number' && duration > 0 ? duration : undefined;
  const warnings: InputProblem[] = [];
  const entries: TimestampEntry[] = [];
  const lines = splitLines(plain);
  for (let i = 0; i < lines.length; i++) {
    const entry = readTimestampLine(lines[i] ?? '');
    if (!entry) continue;
    const line = i + 1;
    const previous = entries[entries.length - 1];
    if (!entry.title) {
      warnings.push({ line, message: t('parseStampNoTitle', writeClock(entry.start)) });
    } else if (previous && entry.start <= previous.start) {
      warnings.push({
        line,
        message: t('parseStampNotAfter', writeClock(entry.start), writeClock(previous.start)),
      });
    } else if (limit !== undefined && entry.start >= limit) {
      warnings.push({ line, message: t('parseStampPastEnd', writeClock(entry.start), writeClock(limit)) });
    } else {
      entries.push({ ...entry, line });
    }
  }
  dropImpossibleEnds(entries, warnings);
  return { entries, warnings, text: plain };
}

/** Reads one line; null when the line is not a chapter. The title is '' for a bare timestamp. */
export function readTimestampLine(rawLine: string): TimestampLine | null {
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
  const title = tidy(rest.replace(SEPARATOR_BEFORE_TITLE, ''));
  return end === undefined ? { start, title } : { start, end, title };
}

function readTrailingTimestamp(line: string, token: RegExpExecArray | RegExpMatchArray): TimestampLine | null {
  const at = token.index ?? 0;
  const start = readClock(token[1] ?? '');
  const note = TRAILING_NOTE.exec(line.slice(at + (token[0]?.length ?? 0)).replace(CLOSING_BRACKET, ''));
  if (start === null || !note) return null;
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
