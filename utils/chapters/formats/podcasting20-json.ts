/**
 * Podcasting 2.0 JSON chapters (podcast:chapters, "application/json+chapters"), spec version 1.2:
 * { "version": "1.2.0", "title"?, "podcastName"?, "author"?, "chapters": [{ "startTime": 94,
 *   "title"?, "img"?, "url"?, "toc"?, "endTime"?, "location"? }] }
 *
 * - toc: false marks a "silent" chapter (artwork or metadata only): it is not listed, so the
 *   chapter before it runs on to the next listed one.
 * - Fractional seconds are kept. The spec assumes ascending startTime; a chapter out of order is a
 *   problem pointing at its field (chapters[3].startTime), not silently re-sorted.
 * - title is optional in the spec: a chapter without one becomes "Chapter N" with a warning.
 * - Only http(s) urls are kept (javascript:, data: … are dropped with a warning). img and
 *   location have no place in an episode yet and are ignored.
 * - A missing version is tolerated with a warning; wrong types are problems with field paths.
 */
import { z } from 'zod';
import type { InputProblem, ParseResult } from '../schema';
import { finishEpisode, type ChapterDraft } from './finish-episode';
import { asFormatResult, Recognition, type TextChapterFormat } from './format-module';
import { guardParse } from './guard';
import { readJson } from './json-text';
import type { ParseContext } from './parse-context';
import { fieldPath, wholeFileLine } from './problems';
import { isPodloveChapterList } from './podlove-json';
import { readHttpUrl } from './safe-url';
import { stripBom } from './text-lines';
import { t } from '../../i18n';

const seconds = z.number().finite().nonnegative();
/** Optional text fields: some generators write null instead of leaving the key out. */
const optionalText = z.string().nullish();

const jsonChapterSchema = z.looseObject({
  startTime: seconds,
  endTime: seconds.nullish(),
  title: optionalText,
  img: optionalText,
  url: optionalText,
  toc: z.boolean().nullish(),
});

const jsonChaptersSchema = z.looseObject({
  version: z.unknown().optional(),
  title: optionalText,
  podcastName: optionalText,
  author: optionalText,
  chapters: z.array(jsonChapterSchema),
});

export function parsePodcasting20Json(text: string, context?: ParseContext): ParseResult {
  return guardParse(text, (input) => readPodcasting20Json(input, context));
}

function readPodcasting20Json(text: string, context: ParseContext | undefined): ParseResult {
  const json = readJson(stripBom(text));
  if (!json.ok) return { ok: false, problems: [json.problem] };
  const parsed = jsonChaptersSchema.safeParse(json.value);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        // An issue with the whole value (not an object at all) points at where the value starts.
        ...(issue.path.length > 0 ? { field: fieldPath(issue.path) } : { line: wholeFileLine(text) }),
        message: describeIssue(issue),
      })),
    };
  }
  const file = parsed.data;
  const warnings: InputProblem[] = [];
  if (typeof file.version !== 'string') {
    warnings.push({ field: 'version', message: t('parseP20Version') });
  }

  const chapters: ChapterDraft[] = [];
  /** Index in the file's chapters array of each listed chapter, for field paths. */
  const fileIndex: number[] = [];
  file.chapters.forEach((source, index) => {
    if (source.toc === false) return;
    const title = source.title?.trim();
    const number = chapters.length + 1;
    if (!title) warnings.push({ field: `chapters[${index}].title`, message: t('parseP20NoTitle', t('chapterNumber', number)) });
    const chapter: ChapterDraft = { start: source.startTime, title: title || t('chapterNumber', number) };
    if (source.endTime !== undefined && source.endTime !== null) chapter.end = source.endTime;
    if (source.url) {
      const url = readHttpUrl(source.url);
      if (url) chapter.url = url;
      else warnings.push({ field: `chapters[${index}].url`, message: t('parseLinkDropped') });
    }
    chapters.push(chapter);
    fileIndex.push(index);
  });

  const field = (index: number, name: string) => `chapters[${fileIndex[index] ?? index}].${name}`;
  const onlyHiddenChapters = file.chapters.length > 0;
  return finishEpisode(
    { show: file.podcastName ?? '', title: file.title ?? '', chapters },
    {
      context,
      warnings,
      locate: (index, part) => ({ field: field(index, part === 'start' ? 'startTime' : part === 'end' ? 'endTime' : 'title') }),
      noChaptersAt: { field: 'chapters' },
      noChaptersMessage: onlyHiddenChapters ? t('parseP20AllHidden') : t('parseP20Empty'),
    },
  );
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    const path = issue.path;
    if (path.length === 0) return t('parseP20NotObject');
    const name = String(path[path.length - 1]);
    if (name === 'startTime' || name === 'endTime') return t('parseP20TimeNotNumber', name);
    if (name === 'chapters') return t('parseP20NoArray');
    return t('parseExpected', issue.expected);
  }
  if (issue.code === 'too_small') return t('parseNegativeTime');
  return issue.message;
}

const PODCASTING20_MARKER = /"(?:startTime|chapters)"\s*:/;

export const podcasting20JsonFormat: TextChapterFormat = {
  kind: 'text',
  id: 'podcasting20-json',
  label: 'formatPodcasting20',
  name: 'formatNamePodcasting20',
  extensions: ['json'],
  recognise: ({ content, json }) => {
    if (json) {
      const value = json.value;
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return Recognition.NO;
      const chapters = (value as Record<string, unknown>).chapters;
      // {"chapters": [{"start": "00:01:02"}]} is the Podlove Web Player's, not this format.
      return Array.isArray(chapters) && !isPodloveChapterList(chapters) ? Recognition.CERTAIN : Recognition.NO;
    }
    if (!content.startsWith('{') && !content.startsWith('[')) return Recognition.NO;
    return PODCASTING20_MARKER.test(content) ? Recognition.MARKER : Recognition.WEAK;
  },
  parse: (text, context) => asFormatResult(parsePodcasting20Json(text, context)),
};
