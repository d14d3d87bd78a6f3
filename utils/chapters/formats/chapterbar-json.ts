/**
 * Chapterbar's own JSON, for export and import of one or many episodes without loss:
 *
 *   { "format": "chapterbar", "version": 1, "episodes": [ <Episode as in schema.ts>, … ] }
 *
 * The version is the file format's, raised only when an older Chapterbar could not read the new
 * files correctly; a file from a newer version is refused with a message saying so.
 * Each episode passes through validateEpisode. An invalid episode is skipped with a warning when
 * others in the file are fine (one bad entry should not block a whole library), and the file is
 * refused when none is. An episode without an id gets one derived from its show and title.
 */
import { z } from 'zod';
import { episodeIdFrom, validateEpisode, type Episode, type InputProblem } from '../schema';
import { Recognition, type TextChapterFormat } from './format-module';
import { failure, guardParse, MAX_CHAPTERS, type Failure } from './guard';
import { readJson } from './json-text';
import { fieldPath, wholeFileLine } from './problems';
import { readHttpUrl } from './safe-url';
import { stripBom } from './text-lines';
import { t } from '../../i18n';

export const CHAPTERBAR_JSON_FORMAT = 'chapterbar';
export const CHAPTERBAR_JSON_VERSION = 1;

export type ChapterbarJsonResult = { ok: true; episodes: Episode[]; warnings: InputProblem[] } | Failure;

const fileSchema = z.looseObject({
  format: z.literal(CHAPTERBAR_JSON_FORMAT, { error: t('parseCbjFormat') }),
  version: z.number({ error: '"version" must be a whole number' }).int('"version" must be a whole number').positive(),
  episodes: z.array(z.unknown(), { error: '"episodes" must be a list of episodes' }),
});

export function parseChapterbarJson(text: string): ChapterbarJsonResult {
  return guardParse(text, readChapterbarJson);
}

function readChapterbarJson(text: string): ChapterbarJsonResult {
  const json = readJson(stripBom(text));
  if (!json.ok) return failure(json.problem);

  // The version is checked before the shape: a newer file may have a shape this version rejects.
  const version = (json.value as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > CHAPTERBAR_JSON_VERSION) {
    return failure({
      field: 'version',
      message: t('parseCbjNewer', version),
    });
  }
  const file = fileSchema.safeParse(json.value);
  if (!file.success) {
    // An issue with the whole value (not an object at all) points at where the value starts.
    const place = (path: readonly PropertyKey[]) => (path.length > 0 ? { field: fieldPath(path) } : { line: wholeFileLine(text) });
    return failure(...file.error.issues.map((issue) => ({ ...place(issue.path), message: issue.message })));
  }

  const episodes: Episode[] = [];
  const problems: InputProblem[] = [];
  const linkWarnings: InputProblem[] = [];
  file.data.episodes.forEach((value, index) => {
    // The same limit as every other format, checked before the schema walks every chapter.
    const chapters = (value as { chapters?: unknown } | null)?.chapters;
    if (Array.isArray(chapters) && chapters.length > MAX_CHAPTERS) {
      problems.push({
        field: `episodes[${index}].chapters[${MAX_CHAPTERS}]`,
        message: t('parseCbjTooManyInEpisode', chapters.length, MAX_CHAPTERS),
      });
      return;
    }
    const result = validateEpisode(withoutUnsafeLinks(withDerivedId(value), `episodes[${index}]`, linkWarnings));
    if (result.ok) {
      episodes.push(result.episode);
      return;
    }
    for (const problem of result.problems) {
      const inner = problem.field ? `.${problem.field.replace(/\.(\d+)(?=\.|$)/g, '[$1]')}` : '';
      problems.push({ field: `episodes[${index}]${inner}`, message: problem.message });
    }
  });
  const chapterCount = episodes.reduce((sum, episode) => sum + episode.chapters.length, 0);
  if (chapterCount > MAX_CHAPTERS * 10) {
    return failure({ field: 'episodes', message: t('parseCbjTooManyInFile', chapterCount, MAX_CHAPTERS * 10) });
  }
  if (episodes.length === 0) {
    return failure(...(problems.length > 0 ? problems : [{ field: 'episodes', message: t('parseCbjNoEpisodes') }]));
  }
  const warnings = problems.map((problem) => ({ ...problem, message: t('parseCbjSkipped', problem.message) }));
  return { ok: true, episodes, warnings: [...linkWarnings, ...warnings] };
}

/** An id is the library's key; a hand-written file may leave it out, as the other formats do. */
function withDerivedId(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  if (typeof record.id === 'string' && record.id.trim() !== '') return value;
  const show = typeof record.show === 'string' ? record.show : '';
  const title = typeof record.title === 'string' ? record.title : '';
  return { ...record, id: episodeIdFrom(show, title) };
}

/**
 * Chapter links become clickable anchors: one that is not http(s) (javascript:, data: …) is
 * dropped with a warning, as the other formats do, rather than refusing the whole episode.
 */
function withoutUnsafeLinks(value: unknown, field: string, warnings: InputProblem[]): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  if (!Array.isArray(record.chapters)) return value;
  const chapters = record.chapters.map((chapter: unknown, index) => {
    if (typeof chapter !== 'object' || chapter === null || !('url' in chapter) || typeof chapter.url !== 'string') return chapter;
    const url = readHttpUrl(chapter.url);
    if (url) return { ...chapter, url };
    warnings.push({ field: `${field}.chapters[${index}].url`, message: t('parseLinkDropped') });
    const { url: _dropped, ...rest } = chapter;
    return rest;
  });
  return { ...record, chapters };
}

/** Writes episodes as a Chapterbar JSON file; parseChapterbarJson reads them back unchanged. */
export function formatChapterbarJson(episodes: readonly Episode[]): string {
  const file = { format: CHAPTERBAR_JSON_FORMAT, version: CHAPTERBAR_JSON_VERSION, episodes };
  return `${JSON.stringify(file, null, 2)}\n`;
}

const CHAPTERBAR_MARKER = /"format"\s*:\s*"chapterbar"/;

export const chapterbarJsonFormat: TextChapterFormat = {
  kind: 'text',
  id: 'chapterbar-json',
  label: 'formatChapterbarJson',
  name: 'formatNameChapterbarJson',
  // What Chapterbar's export writes; plain .json is more often Podcasting 2.0.
  extensions: ['chapterbar.json'],
  looseExtensions: ['json'],
  recognise: ({ content, json }) => {
    if (json) {
      const value = json.value;
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return Recognition.NO;
      const record = value as Record<string, unknown>;
      return record.format === CHAPTERBAR_JSON_FORMAT || Array.isArray(record.episodes) ? Recognition.CERTAIN : Recognition.NO;
    }
    if (!content.startsWith('{') && !content.startsWith('[')) return Recognition.NO;
    // Broken JSON: the marker still says which parser will explain the syntax error best.
    return CHAPTERBAR_MARKER.test(content) ? Recognition.MARKER : Recognition.WEAK;
  },
  parse: (text) => parseChapterbarJson(text),
};
