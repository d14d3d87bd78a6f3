/**
 * Chapters inside audio files: MP3 (ID3v2 chapter frames) and MP4/M4A/M4B (QuickTime chapter
 * track or Nero `chpl`). The one entry point for the import flow:
 *   isEmbeddedChapterFile(name, firstBytes)  – should this file be read as audio?
 *   readEmbeddedChapters(file, name)         – its episode, or problems; never throws
 * Only the parts of the file that hold chapters are read (byte-source.ts), so a 300 MB episode
 * costs a few reads of kilobytes. What is built goes through finishEpisode and the episode
 * schema like every text format, so warnings and limits read the same.
 */
import type { Episode, InputProblem } from '../schema';
import { finishEpisode, type ChapterDraft } from '../formats/finish-episode';
import { MAX_CHAPTERS } from '../formats/guard';
import { readHttpUrl } from '../formats/safe-url';
import { t } from '../../i18n';
import { createBlobSource, MAX_BYTES_READ, ReadLimitError, fourCC, type ByteSource } from './byte-source';
import { isId3Header, readId3Tag } from './id3';
import { orderId3Chapters, type EmbeddedChapter } from './id3-chapters';
import { MAX_MOOV_BYTES, readMp4Chapters, type Mp4Read } from './mp4';

export type EmbeddedFormat = 'id3-chapters' | 'mp4-chapters';

export type EmbeddedChaptersResult =
  | { ok: true; format: EmbeddedFormat; episodes: Episode[]; warnings: InputProblem[] }
  | { ok: false; format: EmbeddedFormat | null; problems: InputProblem[] };

const MP3_EXTENSIONS = new Set(['mp3']);
const MP4_EXTENSIONS = new Set(['m4a', 'm4b', 'mp4', 'm4v', 'mov']);
/** Boxes a real MP4 file may start with; `ftyp` nearly always. */
const FIRST_BOXES = new Set(['ftyp', 'moov', 'free', 'skip', 'wide', 'mdat', 'pnot']);

/** How many bytes of the file's start `isEmbeddedChapterFile` wants. */
export const SNIFF_BYTES = 12;

const extensionOf = (name: string) => /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

/** True for an audio or video file this reads: by its first bytes (ID3, an MP4 box) or its extension. */
export function isEmbeddedChapterFile(name: string, firstBytes: Uint8Array): boolean {
  return sniff(firstBytes) !== null || MP3_EXTENSIONS.has(extensionOf(name)) || MP4_EXTENSIONS.has(extensionOf(name));
}

function sniff(bytes: Uint8Array): EmbeddedFormat | null {
  if (isId3Header(bytes)) return 'id3-chapters';
  // A first box is small, so its size starts with a zero byte, which no text file does.
  if (bytes.length >= 8 && bytes[0] === 0 && FIRST_BOXES.has(fourCC(bytes, 4))) return 'mp4-chapters';
  return null;
}

/** The episode in an audio file's chapters, or problems that say why not; never throws. */
export async function readEmbeddedChapters(file: Blob, name: string): Promise<EmbeddedChaptersResult> {
  let format: EmbeddedFormat | null = null;
  try {
    const source = createBlobSource(file);
    format = sniff(await source.read(0, SNIFF_BYTES)) ?? (MP4_EXTENSIONS.has(extensionOf(name)) ? 'mp4-chapters' : 'id3-chapters');
    return format === 'id3-chapters' ? await readMp3(source, name) : await readMp4(source, name);
  } catch (error) {
    const message =
      error instanceof ReadLimitError
        ? t('embeddedTooMuchToRead', MAX_BYTES_READ / (1024 * 1024))
        : t('fileUnreadable', String(error).slice(0, 200));
    return { ok: false, format, problems: [{ message }] };
  }
}

async function readMp3(source: ByteSource, name: string): Promise<EmbeddedChaptersResult> {
  const format = 'id3-chapters';
  const tag = await readId3Tag(source, MAX_CHAPTERS);
  if (!tag) return { ok: false, format, problems: [{ message: t('embeddedNoId3Tag') }] };
  const warnings: InputProblem[] = [];
  if (tag.truncated) warnings.push({ message: t('embeddedId3Truncated') });
  if (tag.skippedFrames > 0) warnings.push({ message: t('embeddedSkippedFrames', tag.skippedFrames) });
  return finish(format, {
    name,
    title: tag.title,
    show: tag.album || tag.artist,
    chapters: orderId3Chapters(tag),
    tooMany: tag.tooManyChapters,
    warnings,
    noChapters: t('embeddedNoId3Chapters'),
  });
}

async function readMp4(source: ByteSource, name: string): Promise<EmbeddedChaptersResult> {
  const format = 'mp4-chapters';
  const read = await readMp4Chapters(source, MAX_CHAPTERS);
  if (!read.ok) return { ok: false, format, problems: [{ message: mp4Problem(read) }] };
  return finish(format, {
    name,
    title: read.title,
    show: read.album || read.artist,
    duration: read.duration,
    chapters: read.chapters,
    tooMany: read.tooManyChapters,
    warnings: [],
    noChapters: t('embeddedNoMp4Chapters'),
  });
}

function mp4Problem(read: Exclude<Mp4Read, { ok: true }>): string {
  switch (read.reason) {
    case 'no-moov':
      return t('embeddedNoMoov');
    case 'moov-truncated':
      return t('embeddedMoovTruncated');
    case 'moov-too-large':
      return t('embeddedMoovTooLarge', MAX_MOOV_BYTES / (1024 * 1024));
    case 'too-many-boxes':
      return t('embeddedTooManyBoxes');
    case 'bad-size':
      return t('embeddedBadBox', read.box, read.offset, read.size);
  }
}

interface Found {
  name: string;
  title: string;
  show: string;
  duration?: number;
  chapters: EmbeddedChapter[];
  tooMany: boolean;
  warnings: InputProblem[];
  noChapters: string;
}

/** The shared last step: titles and links checked, then finishEpisode and the schema. */
function finish(format: EmbeddedFormat, found: Found): EmbeddedChaptersResult {
  if (found.tooMany) {
    return { ok: false, format, problems: [{ message: t('embeddedTooManyChapters', MAX_CHAPTERS) }] };
  }
  const warnings = [...found.warnings];
  const chapters = found.chapters.map((chapter, i): ChapterDraft => {
    const draft: ChapterDraft = { start: chapter.start, title: chapter.title };
    if (!chapter.title) {
      draft.title = t('chapterNumber', i + 1);
      warnings.push({ field: chapter.place, message: t('embeddedNoTitle', draft.title) });
    }
    if (chapter.end !== undefined) draft.end = chapter.end;
    if (chapter.description) draft.description = chapter.description;
    if (chapter.url) {
      const url = readHttpUrl(chapter.url);
      if (url) draft.url = url;
      else warnings.push({ field: chapter.place, message: t('embeddedLinkDropped') });
    }
    return draft;
  });
  const result = finishEpisode(
    { title: found.title, show: found.show, ...(found.duration === undefined ? {} : { duration: found.duration }), chapters },
    {
      context: { fileName: found.name, ...(found.duration === undefined ? {} : { duration: found.duration }) },
      warnings,
      locate: (index) => (found.chapters[index] ? { field: found.chapters[index].place } : {}),
      noChaptersMessage: found.noChapters,
      noChaptersAt: {},
    },
  );
  return result.ok
    ? { ok: true, format, episodes: [result.episode], warnings: result.warnings }
    : { ok: false, format, problems: result.problems };
}
