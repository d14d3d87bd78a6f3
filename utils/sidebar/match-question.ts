import { t, type MessageKey } from '../i18n';
import type { EpisodeMatch } from '../messaging/protocol';
import type { MatchQuestion } from './state';

const SIGNAL_NAMES: Record<string, MessageKey> = {
  title: 'signalTitle',
  'title-words': 'signalTitleWords',
  show: 'signalShow',
  number: 'signalNumber',
  guest: 'signalGuest',
  duration: 'signalDuration',
};

/** The question for a plausible match, in the person's words: which episode, what agrees, what differs. */
export function askAbout(match: EpisodeMatch, answers: Pick<MatchQuestion, 'accept' | 'refuse'>): MatchQuestion {
  const named = (agrees: boolean) =>
    (match.reasons ?? [])
      .filter((reason) => reason.agrees === agrees && SIGNAL_NAMES[reason.signal])
      .map((reason) => t(SIGNAL_NAMES[reason.signal]!));
  return { title: match.episode.title, show: match.episode.show, agrees: named(true), differs: named(false), ...answers };
}
