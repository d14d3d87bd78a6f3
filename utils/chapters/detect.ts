/**
 * Which chapter format a file is in, decided from its content by asking every format in
 * CHAPTER_FORMATS how sure it is (formats/format-module.ts); the file name only breaks ties.
 * When the content shows no format, a name ending that names one (.vtt, .json, .xml, .psc …)
 * still picks it, so that a broken .vtt file gets the WebVTT parser's precise problems rather
 * than "unknown format"; .txt and .md do not. Valid JSON that no format claims is unknown
 * whatever its name.
 *
 * Adding a format: write its module (a TextChapterFormat or BinaryChapterFormat) and add it to
 * CHAPTER_FORMATS below.
 */
import type { InputProblem } from './schema';
import { chapterbarJsonFormat } from './formats/chapterbar-json';
import { chapterbarTextFormat } from './formats/chapterbar-text';
import {
  HEAD_BYTES,
  Recognition,
  type BinaryChapterFormat,
  type ChapterFormatModule,
  type ContentSample,
  type TextChapterFormat,
} from './formats/format-module';
import { failure, guardParse, MAX_INPUT_CHARS } from './formats/guard';
import { htmlToText } from './formats/html-text';
import { mp4chapsFormat } from './formats/mp4chaps';
import type { ParseContext } from './formats/parse-context';
import { podcasting20JsonFormat } from './formats/podcasting20-json';
import { podloveJsonFormat } from './formats/podlove-json';
import { podloveXmlFormat } from './formats/podlove-xml';
import { wholeFileLine } from './formats/problems';
import { MAX_LINE_CHARS, splitLines, stripBom } from './formats/text-lines';
import { timestampListFormat } from './formats/timestamp-list';
import { webvttFormat } from './formats/webvtt';
import type { Episode } from './schema';
import { t, type MessageKey } from '../i18n';

/**
 * Every format Chapterbar reads. Order matters only between equally sure recognisers without a
 * file name to decide, and for the list the "unknown format" message gives.
 */
export const CHAPTER_FORMATS = [
  chapterbarTextFormat,
  podcasting20JsonFormat,
  chapterbarJsonFormat,
  podloveJsonFormat,
  podloveXmlFormat,
  webvttFormat,
  mp4chapsFormat,
  timestampListFormat,
] as const satisfies readonly ChapterFormatModule[];

export type ChapterFormat = (typeof CHAPTER_FORMATS)[number]['id'];

export type ChapterFileResult =
  | { ok: true; format: ChapterFormat; episodes: Episode[]; warnings: InputProblem[] }
  | { ok: false; format: ChapterFormat | null; problems: InputProblem[] };

const ALL: readonly ChapterFormatModule[] = CHAPTER_FORMATS;
const TEXT_FORMATS = ALL.filter((format): format is TextChapterFormat => format.kind === 'text');
const BINARY_FORMATS = ALL.filter((format): format is BinaryChapterFormat => format.kind === 'binary');

/** The format with this id, or undefined for a value that names no format Chapterbar reads. */
export function findChapterFormat(id: string): ChapterFormatModule | undefined {
  return ALL.find((format) => format.id === id);
}

/** The short name of a format ("Timestamp list") as a message key, for the import preview. */
export function formatLabelKey(id: string): MessageKey | null {
  return findChapterFormat(id)?.label ?? null;
}

/**
 * The format the content shows, or null. Recognisers must not throw (the fuzz suite calls this
 * directly to hold them to it); parseChapterFile calls them inside the parsers' guard all the same.
 */
export function detectFormat(text: string, fileName?: string): ChapterFormat | null {
  if (typeof text !== 'string') return null;
  const detected = detectTextFormat(text, fileName);
  return detected && !detected.lastResort ? (detected.format.id as ChapterFormat) : null;
}

/**
 * Detects the format and parses, all inside the parsers' guard: whatever the input, an answer.
 * Text in no format that a last-resort parser understands (show notes without timestamps) gets
 * that parser's answer ("no timestamps found"), with no format named.
 */
export function parseChapterFile(text: string, context: ParseContext = {}): ChapterFileResult {
  let format: ChapterFormat | null = null;
  const result = guardParse(text, (input) => {
    const detected = detectTextFormat(input, context.fileName);
    if (detected === null) return failure({ line: wholeFileLine(input), message: t('unknownFileFormat', knownFormatNames()) });
    if (!detected.lastResort) format = detected.format.id as ChapterFormat;
    return detected.format.parse(input, context);
  });
  if (result.ok) return { ...result, format: format ?? ('timestamp-list' satisfies ChapterFormat) };
  return { ...result, format };
}

/**
 * A chosen or dropped file: a binary format that knows its first bytes reads it (slice by slice),
 * anything else is read as text. Never rejects.
 */
export async function readChapterBlob(file: Blob, context: ParseContext = {}): Promise<ChapterFileResult> {
  let format: BinaryChapterFormat | null = null;
  try {
    const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
    format = BINARY_FORMATS.find((candidate) => candidate.recogniseHead(head)) ?? binaryFormatByName(context.fileName);
    if (format === null) {
      // The text limit, before reading: a file this big is not a text chapter file.
      if (file.size > MAX_INPUT_CHARS * 4) {
        const megabytes = (file.size / (1024 * 1024)).toFixed(1);
        return { ok: false, format: null, problems: [{ line: 1, message: t('parseTooLarge', megabytes) }] };
      }
      return parseChapterFile(await file.text(), context);
    }
    const result = await format.readBinary(file, context);
    return { ...result, format: format.id as ChapterFormat };
  } catch (error) {
    const problem = { message: t('parseCrashed', String(error).slice(0, 200)) };
    return { ok: false, format: (format?.id ?? null) as ChapterFormat | null, problems: [problem] };
  }
}

function knownFormatNames(): string {
  return ALL.map((format) => t(format.name)).join('; ');
}

interface Detected {
  format: TextChapterFormat;
  /** Only the last-resort recogniser saw anything. */
  lastResort: boolean;
}

function detectTextFormat(text: string, fileName: string | undefined): Detected | null {
  // First without the lines: a format that is certain from the content's start or its JSON alone
  // spares reading a 100,000-line feed as text.
  const structural = sampleOf(text);
  const certainFirst = TEXT_FORMATS.map((format) => ({ format, score: format.recognise(structural) }));
  const sure = certainFirst.some(({ score }) => score >= Recognition.CERTAIN);
  const sample = sure || structural.json ? structural : { ...structural, lines: linesOf(structural.content) };
  const scored = sure ? certainFirst : TEXT_FORMATS.map((format) => ({ format, score: format.recognise(sample) }));
  const best = Math.max(0, ...scored.map(({ score }) => score));
  const named = (formats: readonly TextChapterFormat[], loose: boolean) => pickByName(formats, fileName, loose);

  const found = (format: TextChapterFormat | null | undefined, lastResort = false) => (format ? { format, lastResort } : null);

  if (best >= Recognition.CERTAIN) {
    const certain = scored.filter(({ score }) => score === best).map(({ format }) => format);
    return found(named(certain, true) ?? certain[0]);
  }
  const candidates = scored.filter(({ score }) => score > Recognition.LAST_RESORT).sort((a, b) => b.score - a.score);
  if (candidates.length > 0) {
    // Between formats the content shows, the name decides ("both.vtt" with a cue in Chapterbar text).
    return found(
      named(
        candidates.map(({ format }) => format),
        true,
      ) ?? candidates[0]?.format,
    );
  }
  if (sample.json) return null;
  return found(named(TEXT_FORMATS, false)) ?? found(scored.find(({ score }) => score === Recognition.LAST_RESORT)?.format, true);
}

/** The format whose extension the name ends with, the longest ending winning ("x.chapterbar.json"). */
function pickByName<F extends ChapterFormatModule>(formats: readonly F[], fileName: string | undefined, loose: boolean): F | null {
  const name = (fileName ?? '').toLowerCase();
  let picked: F | null = null;
  let longest = 0;
  for (const format of formats) {
    const endings = loose ? [...format.extensions, ...(format.looseExtensions ?? [])] : format.extensions;
    for (const ending of endings) {
      if (ending.length > longest && name.endsWith(`.${ending}`)) {
        picked = format;
        longest = ending.length;
      }
    }
  }
  return picked;
}

function binaryFormatByName(fileName: string | undefined): BinaryChapterFormat | null {
  return pickByName(BINARY_FORMATS, fileName, false);
}

/** The content and its JSON value, without lines yet. */
function sampleOf(text: string): ContentSample {
  const content = stripBom(text).trimStart();
  const json = content.startsWith('{') || content.startsWith('[') ? readJsonValue(content) : undefined;
  return { content, json, lines: [] };
}

function linesOf(content: string): string[] {
  const plain = /<br\s*\/?>|<\/a>/i.test(content) ? htmlToText(content) : content;
  const lines: string[] = [];
  for (const line of splitLines(plain)) if (line.length <= MAX_LINE_CHARS) lines.push(line.trim());
  return lines;
}

function readJsonValue(content: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(content) as unknown };
  } catch {
    return undefined;
  }
}
