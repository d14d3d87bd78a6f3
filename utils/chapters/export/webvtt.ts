import type { Episode } from '../schema';
import { t } from '../../i18n';
import { chapterEnds, hasSummaries, longClock, oneLine } from './chapter-ends';
import type { ExportFormatModule } from './types';

/**
 * A WebVTT chapter track (<track kind="chapters">): one cue per chapter, its text the title.
 * A cue needs an end: the chapter's own, the next start or the media's length; when none is known
 * (the last chapter of media whose length was never seen) the cue ends a second after it starts,
 * and the notes say so.
 */
export const webvttFormat: ExportFormatModule = {
  id: 'webvtt',
  name: 'formatNameWebvtt',
  extension: 'chapters.vtt',
  mime: 'text/vtt',
  write(episode: Episode) {
    const notes: string[] = [];
    const ends = chapterEnds(episode);
    const cues = episode.chapters.map((chapter, i) => {
      let end = ends[i] ?? null;
      if (end === null || end <= chapter.start) {
        end = chapter.start + 1;
        notes.push(t('exportNoteVttNoEnd', i + 1));
      }
      return `${i + 1}\n${longClock(chapter.start)} --> ${longClock(end)}\n${cueText(chapter.title)}`;
    });
    if (hasSummaries(episode)) notes.push(t('exportNoteNoSummaries'));
    return { text: `WEBVTT\n\n${cues.join('\n\n')}\n`, notes };
  },
};

/** Cue text is markup: &, < and > are escaped, so "-->" or "<b>" in a title stay words. */
function cueText(title: string): string {
  return oneLine(title).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
