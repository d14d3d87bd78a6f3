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
 * The chapter's link when it is http(s), else null. The schema and the parsers already drop other
 * schemes; this check stands at the anchor itself, so a javascript: or data: link that reached the
 * sidebar some other way still never becomes clickable.
 */
function readSafeLink(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
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
  const link = readSafeLink(chapter.url);
  const hasDetails = chapter.description !== '' || chapter.bullets.length > 0 || link !== null;
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
          {/* dir="auto": a title in a right-to-left script reads as one, and its direction
              (or a stray override character) stays inside it. */}
          <span class="cb-title" dir="auto">
            {chapter.title}
          </span>
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
          {chapter.description && <p dir="auto">{chapter.description}</p>}
          {chapter.bullets.length > 0 && (
            <ul>
              {chapter.bullets.map((bullet, i) => (
                <li key={i} dir="auto">
                  {bullet}
                </li>
              ))}
            </ul>
          )}
          {link && (
            // A new tab, and the page learns nothing of where the person came from.
            <a class="cb-link" href={link.href} target="_blank" rel="noopener noreferrer" title={link.href}>
              {link.host}
              {link.pathname === '/' ? '' : link.pathname}
            </a>
          )}
        </div>
      )}
      {current.value && <ChapterProgress progress={state.clock.progress} />}
    </li>
  );
}
