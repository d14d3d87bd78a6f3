import { sendMessage, type EpisodeMatch } from '../messaging/protocol';
import type { EpisodeRef } from '../sites/types';
import type { MatchQuestion } from './state';

/** What the session does with the person's answer, and once the background has it. */
export interface MatchAnswers {
  accepted(): void;
  refused(): void;
  answered(accept: boolean): void;
}

/**
 * The question for a plausible match: which episode, and the signals it was judged by (the panel,
 * components/sidebar/MatchQuestion.tsx, names them in the person's words). The answer is kept by
 * the background for this media (when the page names it).
 */
export function askAbout(match: EpisodeMatch, ref: EpisodeRef, on: MatchAnswers): MatchQuestion {
  const answer = (accept: boolean) => {
    if (accept) on.accepted();
    else on.refused();
    if (ref.mediaId)
      sendMessage('answerMatch', { site: ref.site, mediaId: ref.mediaId, episodeId: match.episode.id, accept }).then(
        () => on.answered(accept),
        () => {},
      );
  };
  return {
    title: match.episode.title,
    show: match.episode.show,
    reasons: match.reasons ?? [],
    accept: () => answer(true),
    refuse: () => answer(false),
  };
}
