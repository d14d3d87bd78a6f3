import { t } from '../../utils/i18n';

/**
 * "Make chapters" for media without any: the page's sidebar opens in edit mode with an empty
 * list (issue 16). The popup closes so the person lands on the video, where the editing happens.
 */
export function MakeChaptersButton({ onMake }: { onMake(): void }) {
  return (
    <button
      type="button"
      class="pc-button pc-make"
      onClick={(event) => {
        if (!event.isTrusted) return;
        onMake();
      }}
    >
      {t('makeChapters')}
    </button>
  );
}
