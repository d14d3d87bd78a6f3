import { plural, t } from '../../utils/i18n';
import type { EpisodeSummary } from '../../utils/messaging/protocol';

/** The episodes Chapterbar knows, each opening its page when it has one. */
export function LibraryList({ episodes }: { episodes: EpisodeSummary[] }) {
  return (
    <section aria-label={t('yourEpisodes')}>
      <h2>{t('yourEpisodes')}</h2>
      <ul class="pc-library">
        {episodes.map((episode) => (
          <li key={episode.id}>
            {episode.url ? (
              <a href={episode.url} target="_blank" rel="noopener noreferrer">
                {episode.title}
              </a>
            ) : (
              <span>{episode.title}</span>
            )}
            <span class="pc-meta">
              {episode.show ? `${episode.show} · ` : ''}
              {plural(episode.chapterCount, 'chapterCountOne', 'chapterCount')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
