import { useComputed } from '@preact/signals';
import type { TimedChapter } from '../utils/chapters/active';
import { formatClock } from '../utils/chapters/time';
import { toggleExpanded, type SidebarState } from '../utils/sidebar-state';
import { ChapterProgress } from './ChapterProgress';

interface Props {
  state: SidebarState;
  chapter: TimedChapter;
  index: number;
}

/**
 * One chapter. It subscribes only to "am I current" and "am I open", so a chapter change
 * re-renders two rows and a time update re-renders none.
 */
export function ChapterRow({ state, chapter, index }: Props) {
  const current = useComputed(() => state.clock.activeIndex.value === index);
  const open = useComputed(() => current.value || state.expandAll.value || state.expanded.value.has(index));
  const start = formatClock(chapter.start);
  const range = Number.isFinite(chapter.end) ? `${start} – ${formatClock(chapter.end)}` : start;
  const hasDetails = chapter.description !== '' || chapter.bullets.length > 0;
  const detailsId = `cb-details-${index}`;

  return (
    <li class="cb-row" aria-current={current.value ? 'true' : undefined} data-index={index}>
      <div class="cb-row-head">
        <button
          type="button"
          class="cb-seek"
          aria-label={`${start} ${chapter.title}`}
          onClick={() => {
            state.following.value = true;
            state.clock.seekTo(chapter.start);
          }}
        >
          <span class="cb-time">{start}</span>
          <span class="cb-title">{chapter.title}</span>
        </button>
        {hasDetails && !current.value && (
          <button
            type="button"
            class="cb-toggle"
            aria-expanded={open.value}
            aria-controls={detailsId}
            aria-label={`${open.value ? 'Hide' : 'Show'} summary: ${chapter.title}`}
            title={open.value ? 'Hide summary' : 'Show summary'}
            onClick={() => toggleExpanded(state, index)}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <path d="M9 6l6 6-6 6z" />
            </svg>
          </button>
        )}
      </div>
      {open.value && (
        <div class="cb-details" id={detailsId}>
          <span class="cb-range">{range}</span>
          {chapter.description && <p>{chapter.description}</p>}
          {chapter.bullets.length > 0 && (
            <ul>
              {chapter.bullets.map((bullet, i) => (
                <li key={i}>{bullet}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {current.value && <ChapterProgress progress={state.clock.progress} />}
    </li>
  );
}
