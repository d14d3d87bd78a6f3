import { useEffect, useRef } from 'preact/hooks';
import { formatClock } from '../../utils/chapters/time';
import { plural, t } from '../../utils/i18n';
import { buildSaveRequest, formatLabel, type ImportItem, type PreviewEpisode } from '../../utils/options/import-batch';
import { siteName } from '../../utils/library/media-address';
import { ChapterPreview } from './ChapterPreview';
import { ProblemList } from './ProblemList';

interface Props {
  items: readonly ImportItem[];
  saving: boolean;
  onSave(): void;
  onCancel(): void;
  onRemove(key: string): void;
}

/** What an import will add, before anything is saved: every episode's chapters and every warning. */
export function ImportPreview({ items, saving, onSave, onCancel, onRemove }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const count = items.length;
  // Keyboard and screen reader users land on the preview when it appears.
  const shown = count > 0;
  useEffect(() => heading.current?.focus(), [shown]);

  const request = buildSaveRequest(items);
  const refused = items.filter((item) => !item.ok).length;
  // Counted whether or not another file is refused, so the button says what fixing it would save.
  const episodeCount = items.reduce((sum, item) => sum + (item.ok ? item.episodes.filter((preview) => preview.supersededBy === null).length : 0), 0);

  return (
    <section class="op-preview" aria-labelledby="preview-heading">
      <h3 id="preview-heading" tabIndex={-1} ref={heading}>
        {t('checkBeforeSaving')}
      </h3>
      {items.map((item) => (
        <article class={`op-card op-import${item.ok ? '' : ' op-import-failed'}`} key={item.key} aria-label={item.name}>
          <header class="op-import-header">
            <div>
              <h4>{item.name}</h4>
              <p class="op-muted">{(item.format && formatLabel(item.format)) || t('unknownFormat')}</p>
            </div>
            <button type="button" class="op-button op-quiet" aria-label={t('removeFromImport', item.name)} onClick={() => onRemove(item.key)}>
              {t('remove')}
            </button>
          </header>
          {item.ok ? (
            <>
              {item.episodes.map((preview, index) => (
                <PreviewedEpisode key={index} preview={preview} />
              ))}
              {item.warnings.length > 0 && (
                <div class="op-warnings">
                  <p class="op-warnings-title">{t('warningsTitle', plural(item.warnings.length, 'warningCountOne', 'warningCount'))}</p>
                  <ProblemList problems={item.warnings} kind="warning" />
                </div>
              )}
            </>
          ) : (
            <div class="op-error" role="group" aria-label={t('problemsIn', item.name)}>
              <p class="op-error-title">{t('cannotImport', item.name)}</p>
              <ProblemList problems={item.problems} kind="error" />
              <p class="op-muted">{t('fixAndImport')}</p>
            </div>
          )}
        </article>
      ))}
      <div class="op-actions op-preview-actions">
        <button type="button" class="op-button op-primary" disabled={!request || saving} onClick={onSave}>
          {saving ? t('saving') : t('saveEpisodes', plural(episodeCount, 'episodeCountOne', 'episodeCount'))}
        </button>
        <button type="button" class="op-button" onClick={onCancel}>
          {t('cancel')}
        </button>
        {refused > 0 && <p class="op-muted">{refused === 1 ? t('nothingSavedOne') : t('nothingSavedMany', refused)}</p>}
      </div>
    </section>
  );
}

function PreviewedEpisode({ preview }: { preview: PreviewEpisode }) {
  const { episode, replaces, supersededBy } = preview;
  const last = episode.chapters.at(-1);
  const length = episode.duration ?? last?.end;
  const sites = Object.entries(episode.ids).flatMap(([site, ids]) => ids.map((id) => `${siteName(site)} ${id}`));
  return (
    <div class="op-previewed">
      <div class="op-previewed-head">
        {episode.show && <p class="op-show">{episode.show}</p>}
        <p class="op-episode-title">{episode.title}</p>
        <p class="op-muted">
          {plural(episode.chapters.length, 'chapterCountOne', 'chapterCount')}
          {length ? ` · ${formatClock(length)}` : ''}
          {sites.length > 0 ? ` · ${sites.join(', ')}` : ''}
        </p>
        {replaces && (
          <p class="op-note">
            {replaces.origin === 'bundled' ? t('standsInForBundled') : t('replacesTitle', replaces.title)}
          </p>
        )}
        {supersededBy && <p class="op-note">{t('supersededBy', supersededBy)}</p>}
      </div>
      <ChapterPreview episode={episode} />
    </div>
  );
}
