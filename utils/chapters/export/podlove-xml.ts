import type { Episode } from '../schema';
import { t } from '../../i18n';
import { hasSummaries, longClock, oneLine } from './chapter-ends';
import type { ExportFormatModule } from './types';

/**
 * Podlove Simple Chapters as a file of its own (what goes inside a feed's <item>):
 *
 *   <psc:chapters version="1.2" xmlns:psc="http://podlove.org/simple-chapters">
 *     <psc:chapter start="00:00:00.000" title="Intro" href="https://…"/>
 *
 * Starts are Normal Play Time with milliseconds; a chapter has a start, a title and a link, no
 * end and no description.
 */
export const podloveXmlFormat: ExportFormatModule = {
  id: 'podlove',
  name: 'formatNamePodlove',
  extension: 'psc.xml',
  mime: 'application/xml',
  write(episode: Episode) {
    const lines = episode.chapters.map((chapter) => {
      const href = chapter.url ? ` href="${xmlAttribute(chapter.url)}"` : '';
      return `  <psc:chapter start="${longClock(chapter.start)}" title="${xmlAttribute(oneLine(chapter.title))}"${href}/>`;
    });
    const text = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<psc:chapters version="1.2" xmlns:psc="http://podlove.org/simple-chapters">',
      ...lines,
      '</psc:chapters>',
      '',
    ].join('\n');
    return { text, notes: hasSummaries(episode) ? [t('exportNoteNoSummaries')] : [] };
  },
};

/** Escaped for a double-quoted attribute; characters XML 1.0 cannot hold at all are left out. */
export function xmlAttribute(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
