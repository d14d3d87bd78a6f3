import type { Episode } from '../../utils/chapters/schema';
import { formatClock } from '../../utils/chapters/time';
import { t } from '../../utils/i18n';

/** The chapters of an episode as the sidebar will show them: time range, title, description, bullets. */
export function ChapterPreview({ episode }: { episode: Episode }) {
  const { chapters } = episode;
  return (
    // A scrolling region must be reachable by keyboard, and named for screen readers.
    <div class="op-chapters-scroll" tabIndex={0} role="region" aria-label={t('chaptersOf', episode.title)}>
      <ol class="op-chapters">
        {chapters.map((chapter, index) => {
          const end = chapter.end ?? chapters[index + 1]?.start ?? episode.duration;
          return (
            <li key={index}>
              <span class="op-time">
                {formatClock(chapter.start)}
                {end !== undefined ? ` – ${formatClock(end)}` : ''}
              </span>
              <div class="op-chapter-body">
                <span class="op-chapter-title">{chapter.title}</span>
                {chapter.description && <p>{chapter.description}</p>}
                {chapter.bullets.length > 0 && (
                  <ul>
                    {chapter.bullets.map((bullet, i) => (
                      <li key={i}>{bullet}</li>
                    ))}
                  </ul>
                )}
                {chapter.url && /^https?:\/\//i.test(chapter.url) && (
                  <a href={chapter.url} target="_blank" rel="noopener noreferrer">
                    {chapter.url}
                  </a>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
