import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../utils/i18n';
import { sendMessage, type MatchReport, type TabState } from '../../utils/messaging/protocol';
import { formatPageReport } from '../../utils/popup/page-report';

/**
 * "What Chapterbar sees" on the active tab: the episode as read, the player and clock, where the
 * sidebar went, and the library's match with its reasons, or why nothing matched. One button
 * copies it, so a person whose sidebar does not show can say why in one paste.
 */
export function PageReport({ state }: { state: TabState }) {
  const match = useSignal<MatchReport | null>(null);
  const copied = useSignal(false);
  const key = JSON.stringify(state.media);
  useEffect(() => {
    let current = true;
    sendMessage('explainMatch', state.media).then(
      (report) => current && (match.value = report),
      () => current && (match.value = null),
    );
    return () => {
      current = false;
    };
    // Asked again when the media changes or the lookup moves on (a link, a refusal); `key` stands
    // for `state.media`, and `match` is this component's own signal.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, state.sees?.lookup, state.episode?.id]);
  const text = formatPageReport(state, match.value, browser.runtime.getManifest().version);
  return (
    <details class="pc-report">
      <summary>{t('popupWhatItSees')}</summary>
      <pre class="pc-report-text" aria-label={t('popupWhatItSees')}>
        {text}
      </pre>
      <button
        type="button"
        class="pc-button"
        onClick={() =>
          void navigator.clipboard.writeText(text).then(
            () => (copied.value = true),
            () => (copied.value = false),
          )
        }
      >
        {copied.value ? t('popupReportCopied') : t('popupCopyReport')}
      </button>
    </details>
  );
}
