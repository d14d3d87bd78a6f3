import { t } from '../../utils/i18n';

export interface Notice {
  text: string;
  kind: 'info' | 'error';
  /** Offered while the notice shows, e.g. undoing a delete. */
  undo?: () => void;
}

interface Props {
  notice: Notice | null;
  onClose(): void;
}

/**
 * The page's announcements (deleted, exported, failed) with Undo when there is one. The live
 * region is always in the page so screen readers announce what appears in it. It stays until the
 * person closes it or the next notice replaces it: no timer takes Undo away from a slow reader.
 */
export function NoticeBar({ notice, onClose }: Props) {
  return (
    <div class="op-toast-region" role="status" aria-live="polite">
      {notice && (
        <div class={`op-toast${notice.kind === 'error' ? ' op-toast-error' : ''}`}>
          <p>{notice.text}</p>
          {notice.undo && (
            <button type="button" class="op-button op-toast-button" onClick={notice.undo}>
              {t('undo')}
            </button>
          )}
          <button type="button" class="op-toast-close" aria-label={t('closeMessage')} onClick={onClose}>
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <path d="M6 6l12 12M18 6L6 18" />
            </svg>
          </button>
        </div>
      )}
    </div>
  );
}
