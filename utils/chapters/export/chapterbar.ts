import { formatChapterbarJson } from '../formats/chapterbar-json';
import { formatChapterbarText } from '../formats/chapterbar-text';
import type { Episode } from '../schema';
import type { ExportFormatModule } from './types';

// Chapterbar's own formats carry everything (descriptions, bullets, ids, offsets): their writers
// live beside their parsers in formats/, and these entries only name them for the export menu.

export const chapterbarTextFormat: ExportFormatModule = {
  id: 'chapterbar-text',
  name: 'formatNameChapterbarText',
  extension: 'chapterbar.txt',
  mime: 'text/plain;charset=utf-8',
  write: (episode: Episode) => ({ text: formatChapterbarText(episode), notes: [] }),
};

export const chapterbarJsonFormat: ExportFormatModule = {
  id: 'chapterbar-json',
  name: 'formatNameChapterbarJson',
  extension: 'chapterbar.json',
  mime: 'application/json',
  write: (episode: Episode) => ({ text: formatChapterbarJson([episode]), notes: [] }),
};
