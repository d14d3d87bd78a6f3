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
 * components/sidebar/MatchQuestion.tsx, names them in the person's words and sends the answer).
 */
export function askAbout(match: EpisodeMatch, ref: EpisodeRef, on: MatchAnswers): MatchQuestion {
  return {
    title: match.episode.title,
    show: match.episode.show,
    reasons: match.reasons ?? [],
    answerFor: ref.mediaId ? { site: ref.site, mediaId: ref.mediaId, episodeId: match.episode.id } : null,
    ...on,
  };
}

/**
 * The person's answer: the session acts on it at once, and the background keeps it for this media
 * (when the page names it). Part of the sidebar's extras, with the panel that asks.
 */
export function answerQuestion(question: MatchQuestion, accept: boolean): void {
  if (accept) question.accepted();
  else question.refused();
  if (question.answerFor)
    sendMessage('answerMatch', { ...question.answerFor, accept }).then(
      () => question.answered(accept),
      () => {},
    );
}
