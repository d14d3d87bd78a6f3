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
import { writeClock } from './clock';
import { finishEpisode, type ChapterDraft } from './finish-episode';
import { asFormatResult, Recognition, type TextChapterFormat } from './format-module';
import { guardParse, MAX_CHAPTERS } from './guard';
import type { ParseContext } from './parse-context';
import { wholeFileLine } from './problems';
import { readTimestampEntries, readTimestampLine } from './timestamp-lines';
import { t } from '../../i18n';

// The line reading lives in timestamp-lines.ts (no schema there, so content scripts can use it).
export { readTimestampLine, type TimestampLine } from './timestamp-lines';

export function parseTimestampList(text: string, context?: ParseContext): ParseResult {
  return guardParse(text, (input) => readTimestampList(input, context));
}

function readTimestampList(text: string, context: ParseContext = {}): ParseResult {
  const duration = typeof context.duration === 'number' && context.duration > 0 ? context.duration : undefined;
  const { entries: chapters, warnings, unsaid, text: plain } = readTimestampEntries(text, duration);
  if (chapters.length === 0) {
    return { ok: false, problems: [{ line: wholeFileLine(plain), message: t('parseStampNone') }, ...warnings.slice(0, 100)] };
  }

  // Past the limit finishEpisode refuses the list; YouTube's rules would only add a warning per chapter.
  if (chapters.length <= MAX_CHAPTERS) for (const warning of checkYoutubeRules(chapters, duration)) warnings.push(warning);
  return finishEpisode(
    { chapters: chapters.map(({ line: _line, ...chapter }) => chapter) },
    {
      context,
      warnings,
      unsaidWarnings: unsaid,
      locate: (index) => ({ line: chapters[index]?.line }),
      noChaptersMessage: t('parseStampNoneShort'),
      noChaptersAt: { line: wholeFileLine(plain) },
    },
  );
}

/** YouTube turns a description into chapters only under these rules; worth knowing when writing one. */
function checkYoutubeRules(chapters: readonly (ChapterDraft & { line: number })[], duration: number | undefined): InputProblem[] {
  const warnings: InputProblem[] = [];
  const first = chapters[0];
  if (first && first.start !== 0) {
    warnings.push({ line: first.line, message: t('parseStampFirstNotZero', writeClock(first.start)) });
  }
  if (chapters.length < 3) {
    warnings.push({ message: t('parseStampTooFew', chapters.length) });
  }
  chapters.forEach((chapter, i) => {
    const end = chapters[i + 1]?.start ?? duration;
    if (end !== undefined && end - chapter.start < 10) {
      warnings.push({ line: chapter.line, message: t('parseStampTooShort', writeClock(end - chapter.start)) });
    }
  });
  return warnings;
}

/** Prose: a line of at least four words. Show notes without timestamps are told so, not "unknown format". */
const PROSE_LINE = /(?:\p{L}+[^\p{L}\n]+){3}\p{L}/u;

export const timestampListFormat: TextChapterFormat = {
  kind: 'text',
  id: 'timestamp-list',
  label: 'formatTimestampList',
  name: 'formatNameTimestampList',
  extensions: [],
  looseExtensions: ['txt', 'md'],
  recognise: ({ content, lines }) => {
    if (lines.some((line) => Boolean(readTimestampLine(line)?.title))) return Recognition.TEXT;
    // Control characters say it is no text at all (a binary file, a wrong encoding).
    // eslint-disable-next-line no-control-regex -- looking for exactly those characters
    if (/[\u0000-\u0008\u000e-\u001f]/.test(content.slice(0, 4096))) return Recognition.NO;
    return lines.some((line) => line.length <= 1000 && PROSE_LINE.test(line)) ? Recognition.LAST_RESORT : Recognition.NO;
  },
  parse: (text, context) => asFormatResult(parseTimestampList(text, context)),
};
