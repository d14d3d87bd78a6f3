import type { Episode } from '../schema';
import { t } from '../../i18n';
import { hasSummaries } from './chapter-ends';
import type { ExportFormatModule } from './types';

/**
 * Podcasting 2.0 JSON chapters (the file a feed's <podcast:chapters> points at), spec 1.2:
 * startTime and endTime in seconds with their fractions, title, url. The spec has no field for a
 * chapter's description or bullets.
 */
export const podcasting20Format: ExportFormatModule = {
  id: 'podcasting20',
  name: 'formatNamePodcasting20',
  extension: 'chapters.json',
  mime: 'application/json+chapters',
  write(episode: Episode) {
    const file = {
      version: '1.2.0',
      title: episode.title,
      ...(episode.show ? { podcastName: episode.show } : {}),
      chapters: episode.chapters.map((chapter) => ({
        startTime: chapter.start,
        ...(chapter.end !== undefined ? { endTime: chapter.end } : {}),
        title: chapter.title,
        ...(chapter.url ? { url: chapter.url } : {}),
      })),
    };
    return { text: `${JSON.stringify(file, null, 2)}\n`, notes: hasSummaries(episode) ? [t('exportNoteNoSummaries')] : [] };
  },
};
