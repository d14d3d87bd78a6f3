import { useComputed, useSignal } from '@preact/signals';
import type { EpisodeSummary } from '../utils/messaging';
import { normalizeTitle } from '../utils/episode-match';

interface Props {
  episodes: EpisodeSummary[];
  onPick(episode: EpisodeSummary): void;
}

/** "Use chapters from…": a searchable list of library episodes to attach to the playing media. */
export function EpisodePicker({ episodes, onPick }: Props) {
  const query = useSignal('');
  const shown = useComputed(() => {
    const words = normalizeTitle(query.value).split(' ').filter(Boolean);
    return episodes.filter((episode) => {
      const haystack = normalizeTitle(`${episode.show} ${episode.title}`);
      return words.every((word) => haystack.includes(word));
    });
  });
  return (
    <section class="pc-picker" aria-label="Use chapters from">
      <h2>Use chapters from…</h2>
      <input
        type="search"
        placeholder="Search your episodes"
        aria-label="Search your episodes"
        value={query.value}
        onInput={(event) => (query.value = event.currentTarget.value)}
      />
      <ul>
        {shown.value.map((episode) => (
          <li key={episode.id}>
            <button type="button" onClick={() => onPick(episode)}>
              <span class="pc-title">{episode.title}</span>
              <span class="pc-meta">
                {episode.show ? `${episode.show} · ` : ''}
                {episode.chapterCount} chapters
              </span>
            </button>
          </li>
        ))}
        {shown.value.length === 0 && <li class="pc-muted">No episode matches “{query.value}”.</li>}
      </ul>
    </section>
  );
}
