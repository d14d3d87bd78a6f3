/**
 * What a chapter format says about itself. Each format's module exports one of these, and
 * utils/chapters/detect.ts walks the list of them (CHAPTER_FORMATS) to tell a file's format and
 * parse it: adding a format is its module plus one line in that list.
 *
 * Text formats recognise a sample of the content (TextChapterFormat). Formats inside binary files
 * (chapters embedded in MP3 or M4A) recognise the file's first bytes and read the file themselves,
 * slice by slice (BinaryChapterFormat); both kinds share the identity part and the result type.
 */
import type { Episode, InputProblem, ParseResult } from '../schema';
import type { MessageKey } from '../../i18n';
import type { Failure } from './guard';
import type { ParseContext } from './parse-context';

/** A format's result: a file may hold several episodes (Chapterbar JSON does). */
export type FormatResult = { ok: true; episodes: Episode[]; warnings: InputProblem[] } | Failure;

interface FormatIdentity {
  /** Stable id: saved with each imported episode as where it came from, so never renamed. */
  readonly id: string;
  /** Short name for the import preview ("WebVTT chapters"). */
  readonly label: MessageKey;
  /** Longer name with a hint of what it looks like, for the "unknown format" message. */
  readonly name: MessageKey;
  /**
   * File name endings that name this format by themselves ("vtt", "chapterbar.json"), without the
   * leading dot, most specific first: when the content shows no format, such a name still picks
   * this parser, so that a broken .vtt file gets WebVTT's precise problems.
   */
  readonly extensions: readonly string[];
  /** Endings common for this format that name no format alone (".txt"): they only break ties. */
  readonly looseExtensions?: readonly string[];
}

/**
 * How sure a recogniser is. detect.ts takes the highest; a file's name breaks ties between
 * recognisers that both see their format (a WebVTT cue in Chapterbar text).
 */
export const Recognition = {
  /** Not this format. */
  NO: 0,
  /** Nothing else fits, and this parser gives the most useful answer (show notes without timestamps). */
  LAST_RESORT: 1,
  /** Content that only starts like this format (broken JSON, a feed without chapters): its parser explains best. */
  WEAK: 5,
  /** Lines of this format among other text (a timestamp in a description). */
  TEXT: 10,
  /** A stricter text shape (every line an mp4chaps line, a CHAPTERS section). */
  TEXT_SHAPE: 20,
  /** A marker of the format in content that does not parse (broken JSON with "startTime"). */
  MARKER: 50,
  /** The content is this format's: a header, a namespace, valid JSON of its shape. */
  CERTAIN: 100,
} as const;

/**
 * The content as recognisers see it. detect.ts asks every recogniser twice at most: first with no
 * lines (a format that is certain must be so from the content's start or its JSON alone), then,
 * when none was certain, with the lines.
 */
export interface ContentSample {
  /** The text without a byte order mark and leading white space. */
  readonly content: string;
  /** The parsed value when the whole content is valid JSON, else undefined. */
  readonly json: { value: unknown } | undefined;
  /**
   * Trimmed lines read as text (old description markup decoded); empty for valid JSON. Lines
   * longer than MAX_LINE_CHARS are left out: no real chapter line is that long, and regular
   * expressions must never see a line of megabytes.
   */
  readonly lines: readonly string[];
}

export interface TextChapterFormat extends FormatIdentity {
  readonly kind: 'text';
  recognise(sample: ContentSample): number;
  parse(text: string, context: ParseContext): FormatResult;
}

/**
 * A format inside a binary file. detect.ts's readChapterBlob reads the first HEAD_BYTES of a file
 * and offers them to recogniseHead; the format that knows them reads the file itself with
 * Blob.slice, so a 300 MB episode is never read whole. readBinary may reject or throw: the caller
 * turns that into a problem.
 */
export interface BinaryChapterFormat extends FormatIdentity {
  readonly kind: 'binary';
  recogniseHead(head: Uint8Array): boolean;
  readBinary(file: Blob, context: ParseContext): Promise<FormatResult>;
}

export type ChapterFormatModule = TextChapterFormat | BinaryChapterFormat;

/** How many bytes readChapterBlob offers to recogniseHead. */
export const HEAD_BYTES = 64;

/** A single-episode parser's result as a FormatResult. */
export function asFormatResult(result: ParseResult): FormatResult {
  return result.ok ? { ok: true, episodes: [result.episode], warnings: result.warnings } : result;
}
