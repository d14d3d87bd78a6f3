import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { formatClock } from '../../utils/chapters/time';
import { plural, t } from '../../utils/i18n';
import { formatLabel } from '../../utils/options/import-batch';
import { mediaPageUrl, siteName } from '../../utils/library/media-address';
import type { LibraryEntry } from '../../utils/messaging/protocol';
import { isOffset } from '../../utils/storage/offsets';
import { LinkForm } from './LinkForm';
import { RenameForm } from './RenameForm';
import { ExportFormatForm } from './ExportFormatForm';
import type { ExportFormat as ChapterExportFormat } from '../../utils/chapters/export';

export type ExportFormat = 'json' | 'text';

export interface EpisodeActions {
  rename(id: string, change: { title: string; show: string }): Promise<string | null>;
  link(id: string, address: string): Promise<string | null>;
  unlink(site: string, mediaId: string): void;
  exportEpisode(id: string, format: ExportFormat): void;
  /** The other export formats (utils/chapters/export/). */
  exportAs?(id: string, format: ChapterExportFormat): void;
  remove(id: string): void;
}

interface Props {
  entry: LibraryEntry;
  /** The person's offset corrections for this episode, per site (`local:offsets`), unvalidated. */
  corrections: unknown;
  actions: EpisodeActions;
}

/** "−2:00", "+1:30", "+0.5 s": an offset as a signed time. */
export function formatOffset(seconds: number): string {
  const sign = seconds < 0 ? '−' : '+';
  const size = Math.abs(seconds);
  if (size < 60 && !Number.isInteger(size)) return `${sign}${t('secondsShort', Number(size.toFixed(2)))}`;
  return `${sign}${formatClock(size)}`;
}

function readCorrections(raw: unknown): Record<string, number> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  return Object.fromEntries(Object.entries(raw).filter((pair): pair is [string, number] => isOffset(pair[1])));
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** One episode of the library with everything known about it, and what can be done with it. */
export function LibraryEpisodeCard({ entry, corrections, actions }: Props) {
  const editing = useSignal<'rename' | 'link' | null>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const linkButton = useRef<HTMLButtonElement>(null);
  const close = (button: HTMLButtonElement | null) => {
    editing.value = null;
    // Back to the button that opened the form, after it renders again.
    requestAnimationFrame(() => button?.focus());
  };

  const imported = entry.origin === 'imported';
  const fileIds = Object.entries(entry.ids).flatMap(([site, ids]) => ids.map((mediaId) => ({ site, mediaId })));
  const ownCorrections = readCorrections(corrections);
  const offsetSites = [...new Set([...Object.keys(entry.offsets), ...Object.keys(ownCorrections)])];
  const headingId = `episode-${entry.id}`;

  return (
    <li class="op-card op-episode" aria-labelledby={headingId}>
      <div class="op-episode-head">
        <div class="op-episode-names">
          {entry.show && <p class="op-show">{entry.show}</p>}
          <h3 class="op-episode-title" id={headingId}>
            {entry.title}
          </h3>
        </div>
        <span class={`op-badge${imported ? '' : ' op-badge-bundled'}`}>
          {imported ? (entry.replacesBundled ? t('badgeYourCopy') : t('badgeImported')) : t('badgeBundled')}
        </span>
      </div>
      <p class="op-muted op-episode-meta">
        {plural(entry.chapterCount, 'chapterCountOne', 'chapterCount')}
        {entry.duration ? ` · ${formatClock(entry.duration)}` : ''}
        {entry.source?.format && formatLabel(entry.source.format) ? ` · ${formatLabel(entry.source.format)}` : ''}
        {entry.source?.fileName ? ` ${t('fromFile', entry.source.fileName)}` : ''}
        {entry.importedAt ? ` · ${t('addedOn', dateFormat.format(entry.importedAt))}` : ''}
      </p>

      {editing.value === 'rename' && (
        <RenameForm
          id={entry.id}
          title={entry.title}
          show={entry.show}
          onSubmit={(change) => actions.rename(entry.id, change)}
          onClose={() => close(renameButton.current)}
        />
      )}

      <dl class="op-facts">
        <div>
          <dt>{t('showsOn')}</dt>
          <dd>
            {fileIds.length === 0 && entry.links.length === 0 ? (
              <span class="op-muted">{t('showsOnTitle')}</span>
            ) : (
              <ul class="op-chips">
                {fileIds.map(({ site, mediaId }) => (
                  <li key={`file-${site}-${mediaId}`} class="op-chip">
                    <MediaLink site={site} mediaId={mediaId} />
                    <span class="op-chip-note">{t('fromTheFile')}</span>
                  </li>
                ))}
                {entry.links.map(({ site, mediaId }) => (
                  <li key={`link-${site}-${mediaId}`} class="op-chip">
                    <MediaLink site={site} mediaId={mediaId} />
                    <span class="op-chip-note">{t('linkedByYou')}</span>
                    <button
                      type="button"
                      class="op-chip-remove"
                      aria-label={t('removeLinkTo', `${siteName(site)} ${mediaId}`)}
                      title={t('removeThisLink')}
                      onClick={() => actions.unlink(site, mediaId)}
                    >
                      <svg viewBox="0 0 24 24" aria-hidden="true">
                        <path d="M6 6l12 12M18 6L6 18" />
                      </svg>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('timeOffsets')}</dt>
          <dd>
            {offsetSites.length === 0 ? (
              <span class="op-muted">{t('noOffsets')}</span>
            ) : (
              <ul class="op-offsets">
                {offsetSites.map((site) => {
                  const own = entry.offsets[site];
                  const corrected = ownCorrections[site];
                  return (
                    <li key={site}>
                      {siteName(site)} {formatOffset(corrected ?? own ?? 0)}
                      {corrected !== undefined && (
                        <span class="op-muted">
                          {' '}
                          {own !== undefined ? t('offsetSetInSidebarFileSays', formatOffset(own)) : t('offsetSetInSidebar')}
                        </span>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </dd>
        </div>
      </dl>

      {editing.value === 'link' && (
        <LinkForm
          id={entry.id}
          title={entry.title}
          onSubmit={(address) => actions.link(entry.id, address)}
          onClose={() => close(linkButton.current)}
        />
      )}

      <div class="op-actions op-episode-actions">
        {imported && (
          <button
            type="button"
            class="op-button"
            ref={renameButton}
            aria-expanded={editing.value === 'rename'}
            onClick={() => (editing.value = 'rename')}
          >
            {t('rename')}
          </button>
        )}
        <button
          type="button"
          class="op-button"
          ref={linkButton}
          aria-expanded={editing.value === 'link'}
          onClick={() => (editing.value = 'link')}
        >
          {t('linkToVideo')}
        </button>
        <span class="op-button-group" role="group" aria-label={t('exportTitle', entry.title)}>
          <span class="op-group-label" aria-hidden="true">
            {t('export')}
          </span>
          <button
            type="button"
            class="op-button"
            aria-label={t('exportTitleJson', entry.title)}
            onClick={() => actions.exportEpisode(entry.id, 'json')}
          >
            {t('exportJson')}
          </button>
          <button
            type="button"
            class="op-button"
            aria-label={t('exportTitleText', entry.title)}
            onClick={() => actions.exportEpisode(entry.id, 'text')}
          >
            {t('exportText')}
          </button>
        </span>
        {actions.exportAs && <ExportFormatForm title={entry.title} onExport={(format) => actions.exportAs?.(entry.id, format)} />}
        {imported && (
          <button
            type="button"
            class="op-button op-danger"
            aria-label={t('deleteTitle', entry.title)}
            onClick={() => actions.remove(entry.id)}
          >
            {t('delete')}
          </button>
        )}
      </div>
    </li>
  );
}

function MediaLink({ site, mediaId }: { site: string; mediaId: string }) {
  const url = mediaPageUrl(site, mediaId);
  const label = (
    <>
      <span class="op-chip-site">{siteName(site)}</span> <code>{mediaId}</code>
    </>
  );
  return url ? (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {label}
    </a>
  ) : (
    <span>{label}</span>
  );
}
