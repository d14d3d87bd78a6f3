import { formatLabelKey, parseChapterFile, type ChapterFormat } from '../chapters/detect';
import { isEmbeddedChapterFile, readEmbeddedChapters, SNIFF_BYTES, type EmbeddedFormat } from '../chapters/embedded';
import { MAX_INPUT_CHARS } from '../chapters/formats/guard';
import type { Episode, InputProblem } from '../chapters/schema';
import { t, type MessageKey } from '../i18n';
import type { LibraryEntry, SaveEpisodesRequest } from '../messaging/protocol';

/**
 * An import as the options page previews it: every file (or pasted text) parsed on the page with
 * the format parsers, each either ready with its episodes and warnings, or refused with its
 * problems. Nothing is saved until the person confirms, and then only if nothing was refused:
 * an import that fails in any way changes nothing.
 */

/** Chapters read from inside audio files (utils/chapters/embedded). */
const EMBEDDED_FORMAT_LABELS: Record<EmbeddedFormat, MessageKey> = {
  'id3-chapters': 'formatId3Chapters',
  'mp4-chapters': 'formatMp4Chapters',
};

/** A format's short name ("Timestamp list"), or null for a value that names no format Chapterbar reads. */
export function formatLabel(format: string): string | null {
  if (Object.hasOwn(EMBEDDED_FORMAT_LABELS, format)) return t(EMBEDDED_FORMAT_LABELS[format as EmbeddedFormat]);
  const key = formatLabelKey(format);
  return key === null ? null : t(key);
}

/** Any format an import item can be in: a text chapter file's, or an audio file's chapters. */
export type ImportFormat = ChapterFormat | EmbeddedFormat;

export interface ImportInput {
  /** The file's name, or "Pasted text". */
  name: string;
  text: string;
}

export interface PreviewEpisode {
  episode: Episode;
  /** The library episode it will replace (same id), if any. */
  replaces: LibraryEntry | null;
  /** Another file of this import has the same episode; the later one is saved. */
  supersededBy: string | null;
}

export type ImportItem =
  | { key: string; name: string; ok: true; format: ImportFormat; episodes: PreviewEpisode[]; warnings: InputProblem[] }
  | { key: string; name: string; ok: false; format: ImportFormat | null; problems: InputProblem[] };

let counter = 0;
const nextKey = () => `import-${++counter}`;

export function readImportInput(input: ImportInput, library: readonly LibraryEntry[]): ImportItem {
  return toImportItem(input.name, parseChapterFile(input.text, { fileName: input.name }), library);
}

type ParsedFile =
  | { ok: true; format: ImportFormat; episodes: Episode[]; warnings: InputProblem[] }
  | { ok: false; format: ImportFormat | null; problems: InputProblem[] };

function toImportItem(name: string, parsed: ParsedFile, library: readonly LibraryEntry[]): ImportItem {
  if (!parsed.ok) return { key: nextKey(), name, ok: false, format: parsed.format, problems: parsed.problems };
  const byId = new Map(library.map((entry) => [entry.id, entry]));
  return {
    key: nextKey(),
    name,
    ok: true,
    format: parsed.format,
    episodes: parsed.episodes.map((episode) => ({ episode, replaces: byId.get(episode.id) ?? null, supersededBy: null })),
    warnings: parsed.warnings,
  };
}

/** Marks episodes that a later file of the same import replaces, so the preview says which one is kept. */
export function markSuperseded(items: readonly ImportItem[]): ImportItem[] {
  const lastFile = new Map<string, string>();
  for (const item of items) if (item.ok) for (const { episode } of item.episodes) lastFile.set(episode.id, item.name);
  const seen = new Map<string, number>();
  for (const item of items) if (item.ok) for (const { episode } of item.episodes) seen.set(episode.id, (seen.get(episode.id) ?? 0) + 1);
  const remaining = new Map(seen);
  return items.map((item) => {
    if (!item.ok) return item;
    return {
      ...item,
      episodes: item.episodes.map((preview) => {
        const left = (remaining.get(preview.episode.id) ?? 1) - 1;
        remaining.set(preview.episode.id, left);
        return { ...preview, supersededBy: left > 0 ? (lastFile.get(preview.episode.id) ?? null) : null };
      }),
    };
  });
}

/** What to send to the background, or null while any part of the import is refused. */
export function buildSaveRequest(items: readonly ImportItem[]): SaveEpisodesRequest | null {
  if (items.length === 0 || items.some((item) => !item.ok)) return null;
  const episodes: SaveEpisodesRequest['episodes'] = [];
  for (const item of items) {
    if (!item.ok) continue;
    for (const preview of item.episodes) {
      if (preview.supersededBy === null)
        episodes.push({ episode: preview.episode, source: { fileName: item.name.slice(0, 500), format: item.format } });
    }
  }
  return episodes.length > 0 ? { episodes } : null;
}

/** Files far larger than any chapter file are refused before they are read: likely the media itself. */
export const MAX_FILE_BYTES = MAX_INPUT_CHARS * 4;

/** "2.1 GB", "340 kB": sizes as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

/**
 * Reads dropped or chosen files; a file that cannot be read becomes a refused item, not an
 * exception. Audio files (told by their first bytes or extension) are read for the chapters
 * inside them, only the parts that hold those: their size is no limit.
 */
export async function readFiles(files: readonly File[], library: readonly LibraryEntry[]): Promise<ImportItem[]> {
  return Promise.all(
    files.map(async (file): Promise<ImportItem> => {
      try {
        const firstBytes = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
        if (isEmbeddedChapterFile(file.name, firstBytes))
          return toImportItem(file.name, await readEmbeddedChapters(file, file.name), library);
      } catch (error) {
        return { key: nextKey(), name: file.name, ok: false, format: null, problems: [{ message: t('fileUnreadable', String(error)) }] };
      }
      if (file.size > MAX_FILE_BYTES) {
        return {
          key: nextKey(),
          name: file.name,
          ok: false,
          format: null,
          problems: [{ message: t('fileTooLarge', formatBytes(file.size)) }],
        };
      }
      try {
        return readImportInput({ name: file.name, text: await file.text() }, library);
      } catch (error) {
        return { key: nextKey(), name: file.name, ok: false, format: null, problems: [{ message: t('fileUnreadable', String(error)) }] };
      }
    }),
  );
}

/** Where a problem is, for a person: "Line 14", "Field chapters[2].startTime", or nothing. */
export function problemPlace(problem: InputProblem): string | null {
  if (problem.line !== undefined) return t('problemLine', problem.line);
  if (problem.field) return t('problemField', problem.field);
  return null;
}

/** A problem's message as a sentence: parsers write lower-case fragments for "line 3: …". */
export function problemSentence(problem: InputProblem): string {
  const text = problem.message.trim();
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?…]$/.test(sentence) ? sentence : `${sentence}.`;
}
