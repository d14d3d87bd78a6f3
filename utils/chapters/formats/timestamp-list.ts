/**
 * Timestamp lists as people write them in YouTube and Spotify descriptions, one chapter per line:
 *
 *   0:00 Intro               (12:30) - Topic          [00:12] title
 *   1:02:03 Title            • 4:31 – Why Stability   3. 14:01 Pulsewidth
 *   Title - 12:30            2. Break Apart (05:28)   Suite-Pee 4:26 (Incomplete)
 *
 * A line is a chapter when its timestamp comes first (after bullets, numbering or an opening
 * bracket) or last (optionally followed by one parenthetical note, which joins the title). A
 * timestamp inside a sentence ("from 13:30 outside the venue") is not a chapter, and lines without
 * one are ignored, so a whole description can be pasted. "0:00 - 2:15 Title" gives an end too.
 * Track numbering before a title ("1. ", "01. ", "1 - ") is dropped: the list shows order already.
 *
 * Old YouTube description markup (lines separated by <br />, timestamps inside <a> links) is read
 * as text: when the input contains <br> or </a> tags, tags are removed and entities decoded first.
 *
 * Timestamps that do not come after the previous one, or lie past context.duration, are skipped
 * with a warning. YouTube's own rules for chapters (first at 0:00, at least three, each at least
 * ten seconds long) are reported as warnings: the chapters still work here. Problems are returned
 * only when no chapter at all can be found.
 */
import type { InputProblem, ParseResult } from '../schema';
import { readClock, writeClock } from './clock';
import { finishEpisode, type ChapterDraft } from './finish-episode';
import { failure, guardParse } from './guard';
import { htmlToText } from './html-text';
import type { ParseContext } from './parse-context';
import { wholeFileLine } from './problems';
import { splitLines } from './text-lines';

export interface TimestampLine {
  start: number;
  end?: number;
  title: string;
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

export function parseTimestampList(text: string, context?: ParseContext): ParseResult {
  return guardParse(text, (input) => readTimestampList(input, context));
}

function readTimestampList(text: string, context: ParseContext = {}): ParseResult {
  const plain = /<br\s*\/?>|<\/a>/i.test(text) ? htmlToText(text) : text;
  const duration = typeof context.duration === 'number' && context.duration > 0 ? context.duration : undefined;
  const warnings: InputProblem[] = [];
  const chapters: (ChapterDraft & { line: number })[] = [];

  const lines = splitLines(plain);
  for (let i = 0; i < lines.length; i++) {
    const entry = readTimestampLine(lines[i] ?? '');
    if (!entry) continue;
    const line = i + 1;
    const previous = chapters[chapters.length - 1];
    if (!entry.title) {
      warnings.push({ line, message: `${writeClock(entry.start)} has no title; skipped` });
    } else if (previous && entry.start <= previous.start) {
      warnings.push({
        line,
        message: `${writeClock(entry.start)} does not come after the previous timestamp ${writeClock(previous.start)}; skipped`,
      });
    } else if (duration !== undefined && entry.start >= duration) {
      warnings.push({ line, message: `${writeClock(entry.start)} is past the end of the media (${writeClock(duration)}); skipped` });
    } else {
      chapters.push({ ...entry, line });
    }
  }
  if (chapters.length === 0) {
    return failure({ line: wholeFileLine(plain), message: 'no timestamps found: write one chapter per line, like “0:00 Intro”' }, ...warnings);
  }

  dropImpossibleEnds(chapters, warnings);
  warnings.push(...checkYoutubeRules(chapters, duration));
  return finishEpisode(
    { chapters: chapters.map(({ line: _line, ...chapter }) => chapter) },
    {
      context,
      warnings,
      locate: (index) => ({ line: chapters[index]?.line }),
      noChaptersMessage: 'no timestamps found',
      noChaptersAt: { line: wholeFileLine(plain) },
    },
  );
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
function dropImpossibleEnds(chapters: (ChapterDraft & { line: number })[], warnings: InputProblem[]): void {
  chapters.forEach((chapter, i) => {
    const next = chapters[i + 1];
    if (chapter.end === undefined) return;
    if (chapter.end <= chapter.start || (next && chapter.end > next.start)) {
      warnings.push({ line: chapter.line, message: `the end ${writeClock(chapter.end)} does not fit between the neighbouring timestamps; ignored` });
      delete chapter.end;
    }
  });
}

/** YouTube turns a description into chapters only under these rules; worth knowing when writing one. */
function checkYoutubeRules(chapters: readonly (ChapterDraft & { line: number })[], duration: number | undefined): InputProblem[] {
  const warnings: InputProblem[] = [];
  const first = chapters[0];
  if (first && first.start !== 0) {
    warnings.push({ line: first.line, message: `YouTube needs the first timestamp at 0:00; this list starts at ${writeClock(first.start)}` });
  }
  if (chapters.length < 3) {
    warnings.push({ message: `YouTube shows chapters only when there are at least three; this list has ${chapters.length}` });
  }
  chapters.forEach((chapter, i) => {
    const end = chapters[i + 1]?.start ?? duration;
    if (end !== undefined && end - chapter.start < 10) {
      warnings.push({ line: chapter.line, message: `this chapter is ${writeClock(end - chapter.start)} long; YouTube needs at least 10 seconds` });
    }
  });
  return warnings;
}
