import { t, type MessageKey } from '../i18n';
import { sendMessage, type EpisodeMatch } from '../messaging/protocol';
import type { EpisodeRef } from '../sites/types';
import type { MatchQuestion } from './state';

const SIGNAL_NAMES: Record<string, MessageKey> = {
  title: 'signalTitle',
  'title-words': 'signalTitleWords',
  show: 'signalShow',
  number: 'signalNumber',
  guest: 'signalGuest',
  duration: 'signalDuration',
};

/** What the session does with the person's answer, and once the background has it. */
export interface MatchAnswers {
  accepted(): void;
  refused(): void;
  answered(accept: boolean): void;
}

/**
 * The question for a plausible match, in the person's words: which episode, what agrees, what
 * differs. The answer is kept by the background for this media (when the page names it).
 */
export function askAbout(match: EpisodeMatch, ref: EpisodeRef, on: MatchAnswers): MatchQuestion {
  const named = (agrees: boolean) =>
    (match.reasons ?? [])
      .filter((reason) => reason.agrees === agrees && SIGNAL_NAMES[reason.signal])
      .map((reason) => t(SIGNAL_NAMES[reason.signal]!));
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
    agrees: named(true),
    differs: named(false),
    accept: () => answer(true),
    refuse: () => answer(false),
  };
}
