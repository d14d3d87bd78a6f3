import { useComputed, useSignal } from '@preact/signals';
import { plural, t } from '../../utils/i18n';
import type { EpisodeSummary } from '../../utils/messaging/protocol';
import { normalizeTitle } from '../../utils/library/episode-match';

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
    <section class="pc-picker" aria-label={t('useChaptersFrom')}>
      <h2>{t('useChaptersFromHeading')}</h2>
      <input
        type="search"
        placeholder={t('searchYourEpisodes')}
        aria-label={t('searchYourEpisodes')}
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
                {plural(episode.chapterCount, 'chapterCountOne', 'chapterCount')}
              </span>
            </button>
          </li>
        ))}
        {shown.value.length === 0 && <li class="pc-muted">{t('noEpisodeMatches', query.value)}</li>}
      </ul>
    </section>
  );
}
