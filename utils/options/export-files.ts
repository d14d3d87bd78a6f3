import { formatChapterbarJson } from '../chapters/formats/chapterbar-json';
import { MAX_CHAPTERS, MAX_INPUT_CHARS } from '../chapters/formats/guard';
import type { Episode } from '../chapters/schema';

/**
 * What the importer accepts in one Chapterbar JSON file (guard.ts, chapterbar-json.ts), with a
 * margin for the file's own wrapping and indentation.
 */
export const IMPORT_LIMITS = { chars: Math.floor(MAX_INPUT_CHARS * 0.95), chapters: MAX_CHAPTERS * 10 };

/**
 * Episodes grouped into as few Chapterbar JSON files as the importer accepts, so that exporting a
 * library of thousands and importing every file at once gives the library back. An episode too
 * big for any file on its own gets a file of its own.
 */
export function splitForImport(episodes: readonly Episode[], limits = IMPORT_LIMITS): Episode[][] {
  const parts: Episode[][] = [];
  let part: Episode[] = [];
  let chars = 0;
  let chapters = 0;
  for (const episode of episodes) {
    // The size this episode adds to a file, indentation included.
    const size = formatChapterbarJson([episode]).length;
    const fits = chars + size <= limits.chars && chapters + episode.chapters.length <= limits.chapters;
    if (part.length > 0 && !fits) {
      parts.push(part);
      part = [];
      chars = 0;
      chapters = 0;
    }
    part.push(episode);
    chars += size;
    chapters += episode.chapters.length;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}
