/**
 * WebVTT chapter tracks (<track kind="chapters">): each cue is a chapter, its text the title.
 *
 *   WEBVTT
 *
 *   intro                                  ← optional cue identifier
 *   00:00:00.000 --> 00:02:20.000 align:start   ← cue settings after the timing are ignored
 *   Intro
 *
 * Handles a byte order mark, CRLF, a missing final newline, NOTE/STYLE/REGION blocks (skipped),
 * mm:ss.ttt and hh:mm:ss.ttt. Cue text may span lines (joined with a space); tags such as <b> or
 * <c.loud> are removed and entities (&amp; &lt; &gt; &nbsp; &lrm; &rlm; numeric) decoded to text.
 *
 * Leniency, each with a warning: times without milliseconds ("00:24", not valid WebVTT but found
 * in the wild), a comma before the milliseconds (SRT style), and a missing "WEBVTT" first line:
 * hand-made chapter files often lack it, so it is a problem only when no cue can be read either.
 */
import type { InputProblem, ParseResult } from '../schema';
import { finishEpisode, type ChapterDraft } from './finish-episode';
import { asFormatResult, Recognition, type TextChapterFormat } from './format-module';
import { guardParse } from './guard';
import { decodeHtmlEntities, stripTags } from './html-text';
import type { ParseContext } from './parse-context';
import { quote } from './problems';
import { splitLines } from './text-lines';
import { t } from '../../i18n';

const HEADER = /^WEBVTT(?:[ \t].*)?$/;
const SKIPPED_BLOCK = /^(?:NOTE(?:[ \t].*)?|STYLE[ \t]*|REGION[ \t]*)$/;
const TIMING = /^([0-9:.,]+)[ \t]*-->[ \t]*([0-9:.,]+)(?:[ \t]+.*)?$/;
const VTT_TIME = /^(?:(\d{1,4}):)?(\d{1,2}):(\d{2})(?:([.,])(\d{1,3}))?$/;
const timeHint = () => t('parseVttTimeHint');

interface CueSource {
  timingLine: number;
  textLine: number;
}

interface TimeReading {
  seconds: number;
  withoutMillis: boolean;
  withComma: boolean;
}

export function parseWebvtt(text: string, context?: ParseContext): ParseResult {
  return guardParse(text, (input) => readWebvtt(input, context));
}

function readWebvtt(text: string, context: ParseContext | undefined): ParseResult {
  const lines = splitLines(text);
  const problems: InputProblem[] = [];
  const warnings: InputProblem[] = [];
  const chapters: ChapterDraft[] = [];
  const sources: CueSource[] = [];
  const lenientTimes = { withoutMillis: 0, withComma: 0 };

  const hasHeader = HEADER.test(lines[0] ?? '');
  // The header block (WEBVTT and metadata lines such as "Kind: chapters") ends at the first blank
  // line, or at the first cue timing when the file has no blank line there (browsers read those).
  let i = hasHeader ? lines.findIndex((line, index) => index > 0 && (line.trim() === '' || line.includes('-->'))) : 0;
  if (i < 0) i = lines.length;
  /** Where the first cue belongs, for "no cues found". */
  const cuesLine = Math.max(1, Math.min(lines.length, hasHeader ? i + 2 : 1));

  for (const { blockStart, block } of readBlocks(lines, i)) {
    if (SKIPPED_BLOCK.test(block[0] ?? '')) continue;

    const timingOffset = (block[0] ?? '').includes('-->') ? 0 : (block[1] ?? '').includes('-->') ? 1 : -1;
    if (timingOffset < 0) {
      warnings.push({ line: blockStart + 1, message: t('parseVttNotCue') });
      continue;
    }
    const timingLine = blockStart + timingOffset + 1;
    const timing = TIMING.exec((block[timingOffset] ?? '').trim());
    if (!timing) {
      problems.push({ line: timingLine, message: t('parseVttExpectedTiming', timeHint()) });
      continue;
    }
    const start = readVttTime(timing[1] ?? '');
    const end = readVttTime(timing[2] ?? '');
    for (const [token, reading] of [
      [timing[1], start],
      [timing[2], end],
    ] as const) {
      if (!reading) problems.push({ line: timingLine, message: t('parseNotATime', quote(token ?? ''), timeHint()) });
      else {
        if (reading.withoutMillis) lenientTimes.withoutMillis++;
        if (reading.withComma) lenientTimes.withComma++;
      }
    }
    const textLines = block.slice(timingOffset + 1);
    const title = decodeHtmlEntities(stripTags(textLines.join(' ')))
      .replace(/\s+/g, ' ')
      .trim();
    if (!title) problems.push({ line: timingLine, message: t('parseVttNoText') });
    if (start && end && title) {
      chapters.push({ start: start.seconds, end: end.seconds, title });
      sources.push({ timingLine, textLine: textLines.length > 0 ? timingLine + 1 : timingLine });
    }
  }

  if (lenientTimes.withoutMillis > 0) {
    warnings.push({ message: t('parseVttNoMillis') });
  }
  if (lenientTimes.withComma > 0) {
    warnings.push({ message: t('parseVttComma') });
  }
  if (!hasHeader) {
    const missingHeader = { line: 1, message: t('parseVttNoHeader') };
    if (chapters.length > 0 && problems.length === 0) warnings.unshift(missingHeader);
    else problems.unshift(missingHeader);
  }

  return finishEpisode(
    { chapters },
    {
      context,
      problems,
      warnings,
      locate: (index, part) => ({ line: part === 'title' ? sources[index]?.textLine : sources[index]?.timingLine }),
      noChaptersMessage: t('parseVttNoCues'),
      noChaptersAt: { line: cuesLine },
    },
  );
}

/**
 * Blocks of non-blank lines from `from` on. As the WebVTT spec has it, a cue's text also ends at a
 * line containing "-->": that line starts the next cue, so files without blank lines between
 * cues read as browsers read them.
 */
function* readBlocks(lines: readonly string[], from: number): Generator<{ blockStart: number; block: string[] }> {
  let i = from;
  while (i < lines.length) {
    if ((lines[i] ?? '').trim() === '') {
      i++;
      continue;
    }
    const blockStart = i;
    let timingSeen = false;
    while (i < lines.length && (lines[i] ?? '').trim() !== '') {
      if ((lines[i] ?? '').includes('-->')) {
        if (timingSeen) break;
        timingSeen = true;
      }
      i++;
    }
    yield { blockStart, block: lines.slice(blockStart, i) };
  }
}

function readVttTime(token: string): TimeReading | null {
  const match = VTT_TIME.exec(token);
  if (!match) return null;
  const [, hours, minutes, seconds, separator, millis] = match;
  if (Number(minutes) >= 60 || Number(seconds) >= 60) return null;
  const wholeSeconds = Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds);
  const fraction = millis ? Number(millis.padEnd(3, '0')) : 0;
  return {
    seconds: (wholeSeconds * 1000 + fraction) / 1000,
    withoutMillis: separator === undefined,
    withComma: separator === ',',
  };
}

const CUE_TIMING = /^[0-9:.,]+[ \t]*-->[ \t]*[0-9:.,]+/;

export const webvttFormat: TextChapterFormat = {
  kind: 'text',
  id: 'webvtt',
  label: 'formatWebvtt',
  name: 'formatNameWebvtt',
  extensions: ['vtt'],
  recognise: ({ content, lines }) => {
    if (/^WEBVTT(?:[ \t\r\n]|$)/.test(content)) return Recognition.CERTAIN;
    return lines.some((line) => CUE_TIMING.test(line)) ? Recognition.TEXT : Recognition.NO;
  },
  parse: (text, context) => asFormatResult(parseWebvtt(text, context)),
};
