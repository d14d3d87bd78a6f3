import type { Episode } from '../schema';
import { t } from '../../i18n';
import { hasSummaries, longClock, oneLine } from './chapter-ends';
import type { ExportFormatModule } from './types';

/**
 * mp4chaps chapter text, as mp4v2's mp4chaps tool reads it to write chapters into an MP4 or M4A
 * (and as Podlove Publisher, Auphonic and Ultraschall exchange them):
 *
 *   00:00:00.000 Intro
 *   00:09:12.500 Follow-up <https://example.com/>
 *
 * A link goes in angle brackets at the end of its line.
 */
export const mp4chapsFormat: ExportFormatModule = {
  id: 'mp4chaps',
  name: 'exportFormatMp4chaps',
  extension: 'mp4chaps.txt',
  mime: 'text/plain;charset=utf-8',
  write(episode: Episode) {
    const lines = episode.chapters.map((chapter) => {
      const link = chapter.url ? ` <${chapter.url}>` : '';
      return `${longClock(chapter.start)} ${oneLine(chapter.title)}${link}`;
    });
    return { text: `${lines.join('\n')}\n`, notes: hasSummaries(episode) ? [t('exportNoteNoSummaries')] : [] };
  },
};
