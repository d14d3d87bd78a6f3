import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import type { ChapterOrigin, SidebarSite, SidebarState } from '../../utils/sidebar/state';
import { useSignalValue } from '../../utils/sidebar/signal-hooks';
import { trusted } from './trusted';

/** Where chapters come from, in the person's words: "From the video's description", "YouTube's chapters". */
export function originLabel(origin: ChapterOrigin, site: SidebarSite): string {
  switch (origin) {
    case 'library':
      return t('sourceLibrary');
    case 'description':
      return t(site.mediaKind === 'episode' ? 'sourceDescriptionEpisode' : 'sourceDescriptionVideo');
    case 'chapters':
      return t('sourceSiteChapters', site.name);
    case 'auto-chapters':
      return t('sourceAutoChapters', site.name);
  }
}

/**
 * Says where the chapters come from when they are not the person's own, switches between the
 * library's and the page's when the media has both, and saves the page's to the library.
 */
export function ChapterSource({ state }: { state: SidebarState }) {
  const [saving, setSaving] = useState<'idle' | 'saving' | string>('idle');
  const { origin, site, actions } = state;
  const alternative = useSignalValue(state.alternative);
  const notice = useSignalValue(state.notice);
  if (origin === 'library' && !alternative && !notice) return null;

  const save = async () => {
    if (!actions.saveToLibrary) return;
    setSaving('saving');
    const result = await actions.saveToLibrary().catch((error: unknown) => ({ ok: false as const, message: String(error) }));
    setSaving(result.ok ? 'idle' : result.message);
  };
  const failed = saving !== 'idle' && saving !== 'saving';
  const pageOrigin = origin === 'library' ? alternative : origin;

  return (
    <div class="cb-source">
      {alternative && pageOrigin ? (
        <div class="cb-switch" role="group" aria-label={t('chaptersFrom')}>
          {(['library', pageOrigin] as const).map((choice) => (
            <button
              key={choice}
              type="button"
              class="cb-switch-option"
              aria-pressed={origin === choice}
              onClick={trusted(() => origin !== choice && actions.switchOrigin?.())}
            >
              {choice === 'library' ? t('switchLibrary') : originLabel(choice, site)}
            </button>
          ))}
        </div>
      ) : (
        origin !== 'library' && <p class="cb-source-label">{originLabel(origin, site)}</p>
      )}
      {origin !== 'library' && !alternative && actions.saveToLibrary && (
        <button type="button" class="cb-tool" disabled={saving === 'saving'} onClick={trusted(() => void save())}>
          {saving === 'saving' ? t('saving') : t('saveToLibrary')}
        </button>
      )}
      {failed && (
        <p class="cb-source-error" role="alert">
          {t('saveFailed', saving)}
        </p>
      )}
      {notice && (
        <p class="cb-notice" role="status">
          {notice}{' '}
          {actions.openLibrary && (
            <button type="button" class="cb-inline-button" onClick={trusted(() => actions.openLibrary?.())}>
              {t('openLibrary')}
            </button>
          )}
          <button
            type="button"
            class="cb-inline-button"
            aria-label={t('dismissNotice')}
            onClick={trusted(() => (state.notice.value = null))}
          >
            {t('dismiss')}
          </button>
        </p>
      )}
    </div>
  );
}
