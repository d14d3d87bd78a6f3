import { t, type MessageKey } from '../../utils/i18n';
import type { SetAsideNotice } from '../../utils/messaging/protocol';

interface Props {
  notices: readonly SetAsideNotice[];
  onDownload(notice: SetAsideNotice): void;
  onDismiss(notice: SetAsideNotice): void;
}

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const WHAT_HAPPENED: Record<SetAsideNotice['action'], MessageKey> = {
  moved: 'setAsideMoved',
  copied: 'setAsideCopied',
  missing: 'setAsideMissing',
};

/**
 * Stored values Chapterbar could not read: what, why, and what was done. They are never deleted
 * behind the person's back; this is where they decide.
 */
export function SetAsideBanner({ notices, onDownload, onDismiss }: Props) {
  const count = notices.length;
  return (
    <section class="op-banner" aria-labelledby="set-aside-heading">
      <svg class="op-banner-icon" viewBox="0 0 24 24" aria-hidden="true">
        <path d="M12 2L1 21h22zm-1 7h2v6h-2zm0 8h2v2h-2z" />
      </svg>
      <div class="op-banner-body">
        <h2 id="set-aside-heading">{count === 1 ? t('setAsideOne') : t('setAsideMany', count)}</h2>
        <p>{t('setAsideIntro')}</p>
        <ul class="op-set-aside">
          {notices.map((notice) => (
            <li key={notice.id}>
              <div>
                <p class="op-set-aside-what">{notice.label}</p>
                <p>{t('setAsideWhy', notice.reason.charAt(0).toUpperCase() + notice.reason.slice(1))}</p>
                <p class="op-muted">
                  {t(WHAT_HAPPENED[notice.action])} {t('setAsideStoredAs')} <code>{notice.key}</code>
                  {notice.at > 0 ? `, ${when.format(notice.at)}` : ''}.
                </p>
              </div>
              <div class="op-actions">
                {notice.action !== 'missing' && (
                  <button type="button" class="op-button" aria-label={t('downloadLabel', notice.label)} onClick={() => onDownload(notice)}>
                    {t('download')}
                  </button>
                )}
                <button
                  type="button"
                  class="op-button op-quiet"
                  aria-label={t('removeForGood', notice.label)}
                  onClick={() => onDismiss(notice)}
                >
                  {t('remove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
