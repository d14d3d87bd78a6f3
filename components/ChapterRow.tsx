import { useComputed } from '@preact/signals';
import type { TimedChapter } from '../utils/chapters/active';
import { formatClock } from '../utils/chapters/time';
import { t } from '../utils/i18n';
import { toggleExpanded, type SidebarState } from '../utils/sidebar-state';
import { ChapterActions } from './ChapterActions';
import { ChapterProgress } from './ChapterProgress';
import { Highlight } from './Highlight';

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
 * One chapter. It subscribes only to "am I current", "am I open" and the search, so a chapter
 * change re-renders two rows and a time update re-renders none.
 */
export function ChapterRow({ state, chapter, index }: Props) {
  const current = useComputed(() => state.clock.activeIndex.value === index);
  const matcher = state.matcher.value;
  // A search that matches the summary opens it, so that what matched is in view.
  const open = useComputed(
    () =>
      current.value ||
      state.expandAll.value ||
      state.expanded.value.has(index) ||
      (state.matcher.value !== null && [chapter.description, ...chapter.bullets].some((text) => state.matcher.value!.hits(text))),
  );
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
          {/* The space keeps the visible text equal to the accessible name ("0:00 Intro"); flex drops it from layout. */}
          <span class="cb-time">{start}</span>{' '}
          {/* dir="auto": a title in a right-to-left script reads as one, and its direction
              (or a stray override character) stays inside it. */}
          <span class="cb-title" dir="auto">
            <Highlight text={chapter.title} matcher={matcher} />
          </span>
        </button>
        {hasDetails && !current.value && (
          <button
            type="button"
            class="cb-toggle"
            aria-expanded={open.value}
            aria-controls={detailsId}
            aria-label={open.value ? t('hideSummaryOf', chapter.title) : t('showSummaryOf', chapter.title)}
            title={open.value ? t('hideSummary') : t('showSummary')}
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
          {chapter.description && (
            <p dir="auto">
              <Highlight text={chapter.description} matcher={matcher} />
            </p>
          )}
          {chapter.bullets.length > 0 && (
            <ul>
              {chapter.bullets.map((bullet, i) => (
                <li key={i} dir="auto">
                  <Highlight text={bullet} matcher={matcher} />
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
          <ChapterActions state={state} chapter={chapter} index={index} current={current.value} />
        </div>
      )}
      {current.value && <ChapterProgress progress={state.clock.progress} />}
    </li>
  );
}
