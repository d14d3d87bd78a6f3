import { t, type MessageKey } from '../../utils/i18n';
import type { MatchReasonReport } from '../../utils/messaging/protocol';
import { answerQuestion } from '../../utils/sidebar/match-question';
import type { SidebarState } from '../../utils/sidebar/state';
import { useSignalValue } from '../../utils/sidebar/signal-hooks';
import { trusted } from './trusted';

const SIGNAL_NAMES: Record<string, MessageKey> = {
  title: 'signalTitle',
  'title-words': 'signalTitleWords',
  show: 'signalShow',
  number: 'signalNumber',
  guest: 'signalGuest',
  duration: 'signalDuration',
};

/** The signals that agree (or differ), in the person's words; "none" for none. */
function nameSignals(reasons: readonly MatchReasonReport[], agrees: boolean): string {
  const named = reasons
    .filter((reason) => reason.agrees === agrees && SIGNAL_NAMES[reason.signal])
    .map((reason) => t(SIGNAL_NAMES[reason.signal]!));
  return named.length > 0 ? named.join(', ') : t('signalNone');
}

/**
 * In the sidebar's place, for a plausible match (the title agrees but the show does not, say):
 * which library episode it may be, why, and "Show chapters" / "Not this one". The answer is
 * remembered for this media by the background (a link, or a refusal).
 */
export function MatchQuestionPanel({ state }: { state: SidebarState }) {
  const question = useSignalValue(state.question);
  const theme = useSignalValue(state.theme);
  const layout = useSignalValue(state.layout);
  if (!question) return null;
  return (
    <aside class="cb cb-question" aria-label={t('chaptersHeading')} data-theme={layout === 'overlay' ? 'dark' : theme} data-layout={layout}>
      <div class="cb-header">
        <div class="cb-heading">
          <h2>{t('askWhichEpisode', state.site.mediaKind === 'episode' ? 'episode' : 'video')}</h2>
        </div>
      </div>
      <div class="cb-question-body">
        <p>
          {/* <bdi>: a direction override in a title cannot reorder the sentence around it. */}
          <bdi>{t('askEpisodeIs', question.title, question.show ? t('askEpisodeShow', question.show) : '')}</bdi>
        </p>
        <p class="cb-question-why">{t('askWhy', nameSignals(question.reasons, true), nameSignals(question.reasons, false))}</p>
        <div class="cb-question-actions">
          <button type="button" class="cb-tool cb-primary" onClick={trusted(() => answerQuestion(question, true))}>
            {t('askAccept')}
          </button>
          <button type="button" class="cb-tool" onClick={trusted(() => answerQuestion(question, false))}>
            {t('askRefuse')}
          </button>
        </div>
      </div>
    </aside>
  );
}
