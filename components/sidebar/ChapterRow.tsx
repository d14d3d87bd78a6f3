import type { TimedChapter } from '../../utils/chapters/active';
import { formatClock } from '../../utils/chapters/time';
import { t } from '../../utils/i18n';
import type { TextMatcher } from '../../utils/chapters/search';
import { toggleExpanded, type SidebarState } from '../../utils/sidebar/state';
import { useComputedValue } from '../../utils/sidebar/signal-hooks';
import { ChapterProgress } from './ChapterProgress';
import { Extra } from './Extra';
import { Highlight } from './Highlight';
import { trusted } from './trusted';

interface Props {
  state: SidebarState;
  chapter: TimedChapter;
  index: number;
  /**
   * The search's matcher, or null. The list passes it down rather than each row subscribing: the
   * list re-renders on every search anyway, and 2,000 rows' subscriptions cost their first render.
   */
  matcher: TextMatcher | null;
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
 * One chapter. It subscribes only to its view (current, open or closed), and the list re-renders
 * it for a new search, so a chapter change re-renders two rows and a time update re-renders none.
 */
export function ChapterRow({ state, chapter, index, matcher }: Props) {
  // The clock's "am I current" flag for this row changes on a chapter change in two rows only, and
  // the view reads it, not the index: in the other rows nothing recomputes (during a search the
  // view would test every row's summary again) and nothing re-renders.
  const current = state.clock.isActive(index);
  const view = useComputedValue(() => {
    if (current.value) return 'current';
    if (state.expandAll.value || state.expanded.value.has(index)) return 'open';
    // A search that matches the summary opens it, so that what matched is in view.
    const search = state.matcher.value;
    return search !== null && [chapter.description, ...chapter.bullets].some((text) => search.hits(text)) ? 'open' : 'closed';
  });
  const isCurrent = view === 'current';
  const open = view !== 'closed';
  const start = formatClock(chapter.start);
  const range = Number.isFinite(chapter.end) ? `${start} – ${formatClock(chapter.end)}` : start;
  const link = readSafeLink(chapter.url);
  const hasDetails = chapter.description !== '' || chapter.bullets.length > 0 || link !== null;
  const detailsId = `cb-details-${index}`;
  // Without a search, the title is one text node (no Highlight component per row of a long list).
  const title = matcher ? <Highlight text={chapter.title} matcher={matcher} /> : chapter.title;

  return (
    <li class="cb-row" role="listitem" aria-current={isCurrent ? 'true' : undefined} data-index={index}>
      <div class="cb-row-head">
        <button
          type="button"
          class="cb-seek"
          aria-label={`${start} ${chapter.title}`}
          onClick={trusted(() => {
            state.following.value = true;
            state.clock.seekTo(chapter.start);
          })}
        >
          {/* The space keeps the visible text equal to the accessible name ("0:00 Intro"); flex drops it from layout. */}
          <span class="cb-time">{start}</span>{' '}
          {/* dir="auto": a title in a right-to-left script reads as one, and its direction
              (or a stray override character) stays inside it. */}
          <span class="cb-title" dir="auto">
            {title}
          </span>
        </button>
        {hasDetails && !isCurrent && (
          <button
            type="button"
            class="cb-toggle"
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={open ? t('hideSummaryOf', chapter.title) : t('showSummaryOf', chapter.title)}
            title={open ? t('hideSummary') : t('showSummary')}
            onClick={trusted(() => toggleExpanded(state, index))}
          ></button>
        )}
      </div>
      {open && (
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
          <Extra name="ChapterActions" props={{ state, chapter, index, current: isCurrent }} />
        </div>
      )}
      {isCurrent && <ChapterProgress progress={state.clock.progress} onTick={state.clock.onTick} />}
    </li>
  );
}
