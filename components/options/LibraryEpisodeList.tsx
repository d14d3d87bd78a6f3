import { useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { normalizeTitle } from '../../utils/library/episode-match';
import { plural, t } from '../../utils/i18n';
import type { LibraryEntry } from '../../utils/messaging/protocol';
import { LibraryEpisodeCard, type EpisodeActions, type ExportFormat } from './LibraryEpisodeCard';

interface Props {
  entries: readonly LibraryEntry[] | null;
  /** `local:offsets` as stored: the sidebar's corrections per episode and site. */
  corrections: unknown;
  actions: EpisodeActions;
  onExportAll(format: ExportFormat): void;
}

/** Rendered at a time: a library of thousands stays fast, and search finds the rest. */
const PAGE_SIZE = 50;

const correctionsOf = (raw: unknown, id: string): unknown =>
  typeof raw === 'object' && raw !== null && Object.hasOwn(raw, id) ? (raw as Record<string, unknown>)[id] : undefined;

/** Entries whose show, titles or media ids contain every word of the query. */
export function filterEntries(entries: readonly LibraryEntry[], query: string): readonly LibraryEntry[] {
  const words = normalizeTitle(query).split(' ').filter(Boolean);
  if (words.length === 0) return entries;
  return entries.filter((entry) => {
    const ids = [...Object.values(entry.ids).flat(), ...entry.links.map((link) => link.mediaId)].join(' ').toLowerCase();
    const haystack = `${normalizeTitle(`${entry.show} ${entry.title} ${entry.altTitles.join(' ')}`)} ${ids}`;
    return words.every((word) => haystack.includes(word));
  });
}

export function LibraryEpisodeList({ entries, corrections, actions, onExportAll }: Props) {
  const query = useSignal('');
  const shown = useSignal(PAGE_SIZE);
  // Recomputed only when the library or the query changes, not on every render of the page.
  const matching = useMemo(() => filterEntries(entries ?? [], query.value), [entries, query.value]);

  if (!entries) return <p class="op-muted">{t('loadingLibrary')}</p>;
  const visible = matching.slice(0, shown.value);
  const count = entries.length;
  return (
    <>
      <div class="op-toolbar">
        <div class="op-field op-search">
          <label for="library-search">{t('searchLibrary')}</label>
          <input
            id="library-search"
            type="search"
            placeholder={t('searchLibraryPlaceholder')}
            value={query.value}
            onInput={(event) => {
              query.value = event.currentTarget.value;
              shown.value = PAGE_SIZE;
            }}
          />
        </div>
        <div class="op-button-group" role="group" aria-label={t('exportEvery')}>
          <button type="button" class="op-button" onClick={() => onExportAll('json')}>
            {t('exportAllJson')}
          </button>
          <button type="button" class="op-button" onClick={() => onExportAll('text')}>
            {t('exportAllText')}
          </button>
        </div>
      </div>
      <p class="op-muted op-count" aria-live="polite">
        {query.value.trim()
          ? t('libraryMatches', matching.length, count, query.value.trim())
          : t('libraryCount', plural(count, 'episodeCountOne', 'episodeCount'))}
      </p>
      <ul class="op-episodes" aria-label={t('episodes')}>
        {visible.map((entry) => (
          <LibraryEpisodeCard key={entry.id} entry={entry} corrections={correctionsOf(corrections, entry.id)} actions={actions} />
        ))}
      </ul>
      {matching.length > visible.length && (
        <button type="button" class="op-button op-more" onClick={() => (shown.value += PAGE_SIZE)}>
          {t('showMore', Math.min(PAGE_SIZE, matching.length - visible.length), matching.length - visible.length)}
        </button>
      )}
    </>
  );
}
