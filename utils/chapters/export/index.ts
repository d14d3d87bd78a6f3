import type { Episode } from '../schema';
import { chapterbarJsonFormat, chapterbarTextFormat } from './chapterbar';
import { mp4chapsFormat } from './mp4chaps';
import { podcasting20Format } from './podcasting20-json';
import { podloveXmlFormat } from './podlove-xml';
import type { ExportedChapters, ExportFormat, ExportFormatModule } from './types';
import { webvttFormat } from './webvtt';
import { youtubeDescriptionFormat } from './youtube-description';

export type { ExportedChapters, ExportFormat, ExportFormatModule } from './types';

/** Every export, in the order the menus list them: where chapters go first, Chapterbar's own last. */
export const EXPORT_FORMATS: readonly ExportFormatModule[] = [
  youtubeDescriptionFormat,
  podcasting20Format,
  podloveXmlFormat,
  webvttFormat,
  mp4chapsFormat,
  chapterbarTextFormat,
  chapterbarJsonFormat,
];

export const EXPORT_FORMAT_IDS = EXPORT_FORMATS.map((format) => format.id) as [ExportFormat, ...ExportFormat[]];

export function findExportFormat(id: string): ExportFormatModule | undefined {
  return EXPORT_FORMATS.find((format) => format.id === id);
}

export function exportEpisode(episode: Episode, id: ExportFormat): ExportedChapters & { extension: string; mime: string } {
  const format = findExportFormat(id) ?? chapterbarJsonFormat;
  return { ...format.write(episode), extension: format.extension, mime: format.mime };
}
