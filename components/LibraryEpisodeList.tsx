import { useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { normalizeTitle } from '../utils/episode-match';
import type { LibraryEntry } from '../utils/messaging';
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

  if (!entries) return <p class="op-muted">Loading your library…</p>;
  const visible = matching.slice(0, shown.value);
  const count = entries.length;
  return (
    <>
      <div class="op-toolbar">
        <div class="op-field op-search">
          <label for="library-search">Search your library</label>
          <input
            id="library-search"
            type="search"
            placeholder="Title, show or video id"
            value={query.value}
            onInput={(event) => {
              query.value = event.currentTarget.value;
              shown.value = PAGE_SIZE;
            }}
          />
        </div>
        <div class="op-button-group" role="group" aria-label="Export every episode">
          <button type="button" class="op-button" onClick={() => onExportAll('json')}>
            Export all (JSON)
          </button>
          <button type="button" class="op-button" onClick={() => onExportAll('text')}>
            Export all (text, .zip)
          </button>
        </div>
      </div>
      <p class="op-muted op-count" aria-live="polite">
        {query.value.trim()
          ? `${matching.length} of ${count} episodes match “${query.value.trim()}”.`
          : `${count} ${count === 1 ? 'episode' : 'episodes'}.`}
      </p>
      <ul class="op-episodes" aria-label="Episodes">
        {visible.map((entry) => (
          <LibraryEpisodeCard key={entry.id} entry={entry} corrections={correctionsOf(corrections, entry.id)} actions={actions} />
        ))}
      </ul>
      {matching.length > visible.length && (
        <button type="button" class="op-button op-more" onClick={() => (shown.value += PAGE_SIZE)}>
          Show {Math.min(PAGE_SIZE, matching.length - visible.length)} more of {matching.length - visible.length}
        </button>
      )}
    </>
  );
}
