import { checkChapterMistakes, checkYoutubeRules } from '../chapter-checks';
import type { Episode } from '../schema';
import { formatClock } from '../time';
import { t } from '../../i18n';
import { hasSummaries, oneLine } from './chapter-ends';
import type { ExportFormatModule } from './types';

/**
 * The block of timestamps YouTube turns into chapters when it is in a video's description:
 *
 *   0:00 Intro
 *   2:15 From hedge funds to AI-for-good
 *   1:02:03 Questions           (hours once the video is that long)
 *
 * Whole seconds, as YouTube writes and reads them. The notes say why YouTube would not show the
 * chapters (its rules: first at 0:00, at least three, each at least ten seconds) and what a
 * description block has no place for.
 */
export const youtubeDescriptionFormat: ExportFormatModule = {
  id: 'youtube',
  name: 'exportFormatYoutube',
  extension: 'youtube.txt',
  mime: 'text/plain;charset=utf-8',
  copyOnly: true,
  write(episode: Episode) {
    const chapters = episode.chapters.map((chapter) => ({ start: chapter.start, title: oneLine(chapter.title) }));
    const text = chapters.map((chapter) => `${formatClock(chapter.start)} ${chapter.title}`).join('\n');
    const problems = [...checkChapterMistakes(chapters, episode.duration), ...checkYoutubeRules(chapters, episode.duration)];
    const notes = problems.map((problem) =>
      problem.index === null ? problem.message : t('exportNoteAtChapter', problem.index + 1, problem.message),
    );
    if (hasSummaries(episode)) notes.push(t('exportNoteNoSummaries'));
    return { text: `${text}\n`, notes };
  },
};
