/**
 * mp4chaps chapter text, one chapter per line, as mp4v2's mp4chaps tool reads it and Podlove
 * Publisher, Auphonic and Ultraschall write it:
 *
 *   00:00:00.000 Intro
 *   00:09:12.500 Follow-up: Apple-Facebook <https://example.com/>
 *
 * Times keep their fraction; a link in angle brackets at the end of a line becomes the chapter's
 * link. The lines are read as timestamp lists are (timestamp-lines.ts), without YouTube's rules,
 * which mean nothing for a podcast's chapters.
 */
import type { ParseResult } from '../schema';
import { finishEpisode } from './finish-episode';
import { asFormatResult, Recognition, type TextChapterFormat } from './format-module';
import { guardParse } from './guard';
import type { ParseContext } from './parse-context';
import { wholeFileLine } from './problems';
import { readTimestampEntries } from './timestamp-lines';
import { t } from '../../i18n';

/** A line as mp4chaps writes it: the time first (hours optional here), then the title. */
const MP4CHAPS_LINE = /^\d{1,3}:\d{2}(?::\d{2})?(?:\.\d{1,3})?[ \t]+\S/;
/** What tells these lines from a pasted timestamp list: a fraction, or a link in angle brackets. */
const MP4CHAPS_MARK = /^\d{1,3}:\d{2}(?::\d{2})?\.\d|<https?:\/\/[^\s<>]*>$/i;

export function parseMp4chaps(text: string, context?: ParseContext): ParseResult {
  return guardParse(text, (input) => readMp4chaps(input, context));
}

function readMp4chaps(text: string, context: ParseContext = {}): ParseResult {
  const duration = typeof context.duration === 'number' && context.duration > 0 ? context.duration : undefined;
  const { entries, warnings, unsaid, text: plain } = readTimestampEntries(text, duration);
  return finishEpisode(
    { chapters: entries.map(({ line: _line, ...chapter }) => chapter) },
    {
      context,
      warnings,
      unsaidWarnings: unsaid,
      locate: (index) => ({ line: entries[index]?.line }),
      noChaptersMessage: t('parseStampNone'),
      noChaptersAt: { line: wholeFileLine(plain) },
    },
  );
}

export const mp4chapsFormat: TextChapterFormat = {
  kind: 'text',
  id: 'mp4chaps',
  label: 'formatMp4chaps',
  name: 'formatNameMp4chaps',
  extensions: [],
  looseExtensions: ['chapters.txt', 'txt'],
  recognise: ({ lines }) => {
    let chapters = 0;
    let marked = false;
    for (const line of lines) {
      if (line === '') continue;
      if (!MP4CHAPS_LINE.test(line)) return Recognition.NO;
      chapters++;
      marked ||= MP4CHAPS_MARK.test(line);
    }
    return chapters > 0 && marked ? Recognition.TEXT_SHAPE : Recognition.NO;
  },
  parse: (text, context) => asFormatResult(parseMp4chaps(text, context)),
};
