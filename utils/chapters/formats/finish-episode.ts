import type { z } from 'zod';
import { type chapterSchema, episodeIdFrom, validateEpisode, type InputProblem, type ParseResult } from '../schema';
import { writeClock } from './clock';
import { MAX_CHAPTERS } from './guard';
import type { ParseContext } from './parse-context';
import { t } from '../../i18n';

export type ChapterDraft = z.input<typeof chapterSchema>;

/** Which part of a chapter a problem is about; each format says where that part is in its file. */
export type ChapterPart = 'start' | 'end' | 'title';
export type ChapterLocator = (index: number, part: ChapterPart) => Pick<InputProblem, 'line' | 'field'>;

/** What a parser read from its file, before the shared checks and the schema. */
export interface EpisodeDraft {
  show?: string;
  title?: string;
  altTitles?: string[];
  ids?: Record<string, string[]>;
  offsets?: Record<string, number>;
  duration?: number;
  chapters: ChapterDraft[];
}

export interface FinishOptions {
  context?: ParseContext;
  /** Problems the parser found; they are reported together with the shared checks' ones. */
  problems?: InputProblem[];
  warnings?: InputProblem[];
  locate: ChapterLocator;
  /** Said when no chapter was found, in the words of the format. */
  noChaptersMessage: string;
  /** Where the chapters should have been (the list's line or field), for that message. */
  noChaptersAt: Pick<InputProblem, 'line' | 'field'>;
}

/** Past this many, more problems only bury the first ones (a wrong file can have thousands). */
const MAX_REPORTED_PROBLEMS = 100;

/**
 * The last step of every parser: fills what the file left out from the context, checks the
 * chapters' times with messages that point at the file, and passes the result through
 * validateEpisode, the single gate every episode goes through.
 */
export function finishEpisode(draft: EpisodeDraft, options: FinishOptions): ParseResult {
  const { context = {}, locate } = options;
  const problems = [...(options.problems ?? [])];
  const warnings = [...(options.warnings ?? [])];
  const chapters = draft.chapters.map((chapter) => ({ ...chapter }));

  if (chapters.length === 0) problems.push({ ...options.noChaptersAt, message: options.noChaptersMessage });
  if (chapters.length > MAX_CHAPTERS) {
    // Pointing at the first chapter past the limit tells where the file could be split.
    problems.push({
      ...locate(MAX_CHAPTERS, 'start'),
      message: t('parseTooManyChapters', chapters.length, MAX_CHAPTERS),
    });
  } else {
    problems.push(...findTimingProblems(chapters, locate));
  }
  if (problems.length > 0) return { ok: false, problems: sortAndCap(problems) };

  closeLastChapter(chapters, context.duration);
  const show = (draft.show ?? '').trim() || (context.show ?? '').trim();
  const title = draft.title?.trim() || context.title?.trim() || fileStem(context.fileName);
  if (!title) warnings.push({ message: t('parseNoTitle', t('untitledEpisode')) });
  const finalTitle = title || t('untitledEpisode');
  const duration = draft.duration ?? validDuration(context.duration);
  const episode = {
    id: episodeIdFrom(show, finalTitle),
    show,
    title: finalTitle,
    altTitles: draft.altTitles ?? [],
    ids: draft.ids ?? {},
    offsets: draft.offsets ?? {},
    ...(duration === undefined ? {} : { duration }),
    chapters,
  };
  const result = validateEpisode(episode, warnings);
  return result.ok ? result : { ok: false, problems: sortAndCap(result.problems.map((p) => locateSchemaProblem(p, locate))) };
}

/**
 * The schema's time rules, checked here first so each message names the times and points at the
 * chapter a person must fix (the later one of two that overlap).
 */
export function findTimingProblems(chapters: readonly ChapterDraft[], locate: ChapterLocator): InputProblem[] {
  const problems: InputProblem[] = [];
  chapters.forEach((chapter, i) => {
    if (chapter.end !== undefined && chapter.end <= chapter.start) {
      problems.push({
        ...locate(i, 'end'),
        message: t('parseEndBeforeStart', writeClock(chapter.end), writeClock(chapter.start)),
      });
    }
    const next = chapters[i + 1];
    if (!next) return;
    if (next.start < chapter.start) {
      problems.push({
        ...locate(i + 1, 'start'),
        message: t('parseStartBeforePrevious', writeClock(next.start), writeClock(chapter.start)),
      });
    } else if (chapter.end !== undefined && chapter.end > next.start) {
      problems.push({
        ...locate(i + 1, 'start'),
        message: t('parseStartBeforeEnd', writeClock(next.start), writeClock(chapter.end)),
      });
    }
  });
  return problems;
}

/** The media's duration ends a last chapter the file left open, when it can (it must end after the start). */
function closeLastChapter(chapters: ChapterDraft[], duration: number | undefined): void {
  const last = chapters[chapters.length - 1];
  const end = validDuration(duration);
  if (last && last.end === undefined && end !== undefined && end > last.start) last.end = end;
}

function validDuration(duration: unknown): number | undefined {
  return typeof duration === 'number' && Number.isFinite(duration) && duration > 0 ? duration : undefined;
}

/** "ep-3.chapters.json" → "ep-3.chapters": the name a person gave the file is better than no title. */
function fileStem(fileName: string | undefined): string {
  if (!fileName) return '';
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).trim();
}

/** Maps the schema's "chapters.3.title" back to where chapter 3's title is in the file. */
function locateSchemaProblem(problem: InputProblem, locate: ChapterLocator): InputProblem {
  const match = /^chapters\.(\d+)(?:\.(start|end|title))?/.exec(problem.field ?? '');
  if (!match) return problem;
  const part = (match[2] ?? 'title') as ChapterPart;
  return { ...locate(Number(match[1]), part), message: problem.message };
}

function sortAndCap(problems: InputProblem[]): InputProblem[] {
  const sorted = [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (sorted.length <= MAX_REPORTED_PROBLEMS) return sorted;
  const rest = sorted.length - MAX_REPORTED_PROBLEMS;
  return [...sorted.slice(0, MAX_REPORTED_PROBLEMS), { message: t('parseMoreProblems', rest) }];
}
