/**
 * Podlove JSON chapters, as the Podlove Web Player reads them and Podlove Publisher writes them:
 *
 *   [{ "start": "00:01:02.500", "title": "Intro", "href": "https://…", "image": "https://…" }, …]
 *
 * also wrapped in an object, { "chapters": [ … ] }, as in a Web Player episode configuration,
 * whose "title" and "show": { "title" } then name the episode.
 *
 * - start is Normal Play Time, as in Podlove Simple Chapters ("hh:mm:ss.mmm", "mm:ss", seconds);
 *   a number is read as seconds.
 * - A chapter without a title becomes "Chapter N", with a warning. href becomes the chapter's
 *   link when it is http(s) (the Web Player writes "" for none); image is ignored.
 */
import { z } from 'zod';
import type { InputProblem, ParseResult } from '../schema';
import { finishEpisode, type ChapterDraft } from './finish-episode';
import { asFormatResult, Recognition, type TextChapterFormat } from './format-module';
import { guardParse } from './guard';
import { readJson } from './json-text';
import type { ParseContext } from './parse-context';
import { readNormalPlayTime } from './podlove-time';
import { fieldPath, quote, wholeFileLine } from './problems';
import { readHttpUrl } from './safe-url';
import { stripBom } from './text-lines';
import { t } from '../../i18n';

const optionalText = z.string().nullish();

const chapterSchema = z.looseObject({
  start: z.union([z.string(), z.number().finite().nonnegative()]),
  title: optionalText,
  href: optionalText,
});

const wrapperSchema = z.looseObject({
  title: z.unknown().optional(),
  show: z.unknown().optional(),
  chapters: z.array(chapterSchema),
});

/** A list whose first entry has a "start" and no Podcasting 2.0 "startTime". */
export function isPodloveChapterList(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  const first: unknown = value[0];
  return typeof first === 'object' && first !== null && 'start' in first && !('startTime' in first);
}

export function parsePodloveJson(text: string, context?: ParseContext): ParseResult {
  return guardParse(text, (input) => readPodloveJson(input, context));
}

function readPodloveJson(text: string, context: ParseContext | undefined): ParseResult {
  const json = readJson(stripBom(text));
  if (!json.ok) return { ok: false, problems: [json.problem] };
  const wrapped = !Array.isArray(json.value);
  const parsed = wrapped ? wrapperSchema.safeParse(json.value) : z.array(chapterSchema).safeParse(json.value);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, 100).map((issue) => ({
        ...(issue.path.length > 0 ? { field: fieldPath(issue.path) } : { line: wholeFileLine(text) }),
        message: issue.path.length > 0 ? describeIssue(issue) : t('parsePodloveJsonShape'),
      })),
    };
  }
  const file = Array.isArray(parsed.data) ? { chapters: parsed.data } : parsed.data;
  const prefix = wrapped ? 'chapters' : '';
  const field = (index: number, name: string) => `${prefix}[${index}].${name}`;

  const problems: InputProblem[] = [];
  const warnings: InputProblem[] = [];
  const chapters: ChapterDraft[] = [];
  /** Index in the file of each chapter read, for field paths. */
  const fileIndex: number[] = [];
  file.chapters.forEach((source, index) => {
    const start = typeof source.start === 'number' ? source.start : readNormalPlayTime(source.start);
    if (start === null) {
      problems.push({ field: field(index, 'start'), message: t('parsePodloveBadStart', quote(String(source.start))) });
      return;
    }
    const title = source.title?.replace(/\s+/g, ' ').trim();
    if (!title) warnings.push({ field: field(index, 'title'), message: t('parseP20NoTitle', t('chapterNumber', index + 1)) });
    const chapter: ChapterDraft = { start, title: title || t('chapterNumber', index + 1) };
    if (source.href?.trim()) {
      const url = readHttpUrl(source.href);
      if (url) chapter.url = url;
      else warnings.push({ field: field(index, 'href'), message: t('parseLinkDropped') });
    }
    chapters.push(chapter);
    fileIndex.push(index);
  });

  const episode = 'show' in file ? { show: textOf(titleOf(file.show)), title: textOf(file.title) } : {};
  return finishEpisode(
    { ...episode, chapters },
    {
      context,
      problems,
      warnings,
      locate: (index, part) => ({ field: field(fileIndex[index] ?? index, part === 'title' ? 'title' : 'start') }),
      noChaptersMessage: t('parsePodloveJsonEmpty'),
      noChaptersAt: wrapped ? { field: 'chapters' } : { line: wholeFileLine(text) },
    },
  );
}

function titleOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>).title : undefined;
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const name = String(issue.path[issue.path.length - 1]);
  if (name === 'start') return t('parsePodloveJsonStart');
  if (name === 'chapters') return t('parseP20NoArray');
  if (issue.code === 'invalid_type') return t('parseExpected', issue.expected);
  return issue.message;
}

export const podloveJsonFormat: TextChapterFormat = {
  kind: 'text',
  id: 'podlove-json',
  label: 'formatPodloveJson',
  name: 'formatNamePodloveJson',
  extensions: [],
  looseExtensions: ['json'],
  recognise: ({ content, json }) => {
    if (json) {
      const value = json.value;
      const list = Array.isArray(value)
        ? value
        : typeof value === 'object' && value !== null
          ? (value as Record<string, unknown>).chapters
          : null;
      return isPodloveChapterList(list) ? Recognition.CERTAIN : Recognition.NO;
    }
    // Broken JSON that starts like a Podlove list: [{"start": "00:…
    return /^\[\s*\{\s*"start"\s*:\s*"\d/.test(content) ? Recognition.MARKER : Recognition.NO;
  },
  parse: (text, context) => asFormatResult(parsePodloveJson(text, context)),
};
