/**
 * Which chapter format a file is in, decided from its content; the file name only breaks ties.
 * When the content shows no format, a format-specific extension (.vtt, .json, .xml, .psc …) still
 * names one, so that a broken .vtt file gets the WebVTT parser's precise problems rather than
 * "unknown format"; .txt and .md do not. Valid JSON that is neither kind of chapter file is
 * unknown whatever its name.
 */
import type { Episode, InputProblem, ParseResult } from './schema';
import { parseChapterbarJson } from './formats/chapterbar-json';
import { parseChapterbarText } from './formats/chapterbar-text';
import { guardParse } from './formats/guard';
import { t, type MessageKey } from '../i18n';
import { htmlToText } from './formats/html-text';
import type { ParseContext } from './formats/parse-context';
import { parsePodcasting20Json } from './formats/podcasting20-json';
import { PSC_NAMESPACE } from './formats/podlove-reading';
import { parsePodloveXml } from './formats/podlove-xml';
import { wholeFileLine } from './formats/problems';
import { splitLines, stripBom } from './formats/text-lines';
import { readTimestampLine, parseTimestampList } from './formats/timestamp-list';
import { parseWebvtt } from './formats/webvtt';

export type ChapterFormat =
  | 'chapterbar-text'
  | 'chapterbar-json'
  | 'podcasting20-json'
  | 'podlove-xml'
  | 'webvtt'
  | 'timestamp-list';

/** Names people know the formats by (message keys), in the order the "unknown format" message lists them. */
export const CHAPTER_FORMAT_NAMES: Record<ChapterFormat, MessageKey> = {
  'chapterbar-text': 'formatNameChapterbarText',
  'chapterbar-json': 'formatNameChapterbarJson',
  'podcasting20-json': 'formatNamePodcasting20',
  'podlove-xml': 'formatNamePodlove',
  webvtt: 'formatNameWebvtt',
  'timestamp-list': 'formatNameTimestampList',
};

export type ChapterFileResult =
  | { ok: true; format: ChapterFormat; episodes: Episode[]; warnings: InputProblem[] }
  | { ok: false; format: ChapterFormat | null; problems: InputProblem[] };

/** Formats an extension suggests, most likely first, and whether the extension alone names a format. */
const FORMATS_BY_EXTENSION: Record<string, { formats: ChapterFormat[]; namesFormat: boolean }> = {
  vtt: { formats: ['webvtt'], namesFormat: true },
  json: { formats: ['podcasting20-json', 'chapterbar-json'], namesFormat: true },
  xml: { formats: ['podlove-xml'], namesFormat: true },
  psc: { formats: ['podlove-xml'], namesFormat: true },
  rss: { formats: ['podlove-xml'], namesFormat: true },
  atom: { formats: ['podlove-xml'], namesFormat: true },
  txt: { formats: ['chapterbar-text', 'timestamp-list'], namesFormat: false },
  md: { formats: ['chapterbar-text', 'timestamp-list'], namesFormat: false },
};

const CHAPTERS_LINE = /^chapters:?$/i;
const CHAPTER_LINE = /^[-–—]\s*\d{1,3}:\d/;
const CUE_TIMING = /^[0-9:.,]+[ \t]*-->[ \t]*[0-9:.,]+/;
const CHAPTERBAR_MARKER = /"format"\s*:\s*"chapterbar"/;
const PODCASTING20_MARKER = /"(?:startTime|chapters)"\s*:/;

export function detectFormat(text: string, fileName?: string): ChapterFormat | null {
  if (typeof text !== 'string') return null;
  const content = stripBom(text).trimStart();
  const byName = formatsByFileName(fileName);
  const candidates = formatsByContent(content);
  if (candidates === null) return null;
  if (candidates.length === 0) return byName.namesFormat ? (byName.formats[0] ?? null) : null;
  return byName.formats.find((format) => candidates.includes(format)) ?? candidates[0] ?? null;
}

/** Detects the format and parses; a Chapterbar JSON file may hold several episodes. */
export function parseChapterFile(text: string, context: ParseContext = {}): ChapterFileResult {
  const front = guardParse(text, () => null);
  if (front !== null) return { ...front, format: null };

  const format = detectFormat(text, context.fileName);
  if (format === null) {
    const known = Object.values(CHAPTER_FORMAT_NAMES).map((key) => t(key)).join('; ');
    return {
      ok: false,
      format,
      problems: [{ line: wholeFileLine(text), message: t('unknownFileFormat', known) }],
    };
  }
  if (format === 'chapterbar-json') {
    const result = parseChapterbarJson(text);
    return { ...result, format };
  }
  const result = SINGLE_EPISODE_PARSERS[format](text, context);
  return result.ok
    ? { ok: true, format, episodes: [result.episode], warnings: result.warnings }
    : { ok: false, format, problems: result.problems };
}

const SINGLE_EPISODE_PARSERS: Record<Exclude<ChapterFormat, 'chapterbar-json'>, (text: string, context: ParseContext) => ParseResult> = {
  'chapterbar-text': parseChapterbarText,
  'podcasting20-json': parsePodcasting20Json,
  'podlove-xml': parsePodloveXml,
  webvtt: parseWebvtt,
  'timestamp-list': parseTimestampList,
};

/** Formats the content shows, most specific first; null when it is valid JSON of another kind. */
function formatsByContent(content: string): ChapterFormat[] | null {
  if (content.startsWith('{') || content.startsWith('[')) {
    const json = readJsonValue(content);
    if (json.ok) return formatsOfJson(json.value);
    // Broken JSON: the markers still say which parser will explain the syntax error best.
    if (CHAPTERBAR_MARKER.test(content)) return ['chapterbar-json'];
    if (PODCASTING20_MARKER.test(content)) return ['podcasting20-json'];
    // "[0:00] Intro" starts with a bracket too: text formats first, broken JSON last.
    const textual = formatsOfText(content);
    return textual.length > 0 ? textual : ['podcasting20-json', 'chapterbar-json'];
  }
  if (content.startsWith('<') && (content.includes(PSC_NAMESPACE) || /<psc:chapters?\b/.test(content))) {
    return ['podlove-xml'];
  }
  if (/^WEBVTT(?:[ \t\r\n]|$)/.test(content)) return ['webvtt'];
  const textual = formatsOfText(content);
  // Some other XML (a feed without Podlove chapters): the Podlove parser explains what is missing.
  if (textual.length === 0 && /^<(?:\?xml|rss|feed)\b/.test(content)) return ['podlove-xml'];
  return textual;
}

function formatsOfText(content: string): ChapterFormat[] {
  const lines = splitLines(/<br\s*\/?>|<\/a>/i.test(content) ? htmlToText(content) : content).map((line) => line.trim());
  const found: ChapterFormat[] = [];
  if (hasChaptersSection(lines)) found.push('chapterbar-text');
  if (lines.some((line) => CUE_TIMING.test(line))) found.push('webvtt');
  if (lines.some((line) => Boolean(readTimestampLine(line)?.title))) found.push('timestamp-list');
  return found;
}

function readJsonValue(content: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(content) as unknown };
  } catch {
    return { ok: false };
  }
}

function formatsOfJson(value: unknown): ChapterFormat[] | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  if (record.format === 'chapterbar' || Array.isArray(record.episodes)) return ['chapterbar-json'];
  if (Array.isArray(record.chapters)) return ['podcasting20-json'];
  return null;
}

/** A CHAPTERS line followed by a "- 0:00 …" line, as in the bundled episode documents. */
function hasChaptersSection(lines: readonly string[]): boolean {
  let afterChaptersLine = false;
  for (const line of lines) {
    if (line === '') continue;
    if (afterChaptersLine && CHAPTER_LINE.test(line)) return true;
    afterChaptersLine = CHAPTERS_LINE.test(line);
  }
  return false;
}

function formatsByFileName(fileName: string | undefined): { formats: ChapterFormat[]; namesFormat: boolean } {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName ?? '')?.[1]?.toLowerCase() ?? '';
  const byExtension = FORMATS_BY_EXTENSION[extension] ?? { formats: [], namesFormat: false };
  // "episode.chapterbar.json" is an export; plain .json is more likely Podcasting 2.0.
  if (extension === 'json' && /chapterbar/i.test(fileName ?? '')) {
    return { formats: ['chapterbar-json', 'podcasting20-json'], namesFormat: true };
  }
  return byExtension;
}
