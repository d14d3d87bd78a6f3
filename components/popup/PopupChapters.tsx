import { useComputed, useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { TabChapter } from '../../utils/messaging/protocol';
import { formatClock } from '../../utils/chapters/time';
import { t } from '../../utils/i18n';
import { createMatcher, findMatches } from '../../utils/chapters/search';
import { Highlight } from '../sidebar/Highlight';

interface Props {
  chapters: TabChapter[];
  activeIndex: number;
  onSeek(index: number): void;
}

/**
 * The popup's chapter list: the same accessible contract as the sidebar's, and the same search
 * (titles, descriptions and bullets; Enter plays the first match).
 */
export function PopupChapters({ chapters, activeIndex, onSeek }: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  const query = useSignal('');
  const matcher = useComputed(() => createMatcher(query.value));
  const current = matcher.value;
  const matches = current ? findMatches(chapters, current) : null;
  const shown = matches ? new Set(matches) : null;
  // Brings the current chapter into view when it changes, scrolling only the list.
  useEffect(() => {
    const list = listRef.current;
    const item = list?.querySelector<HTMLElement>('li[aria-current="true"]');
    if (!list || !item) return;
    const top = item.getBoundingClientRect().top - list.getBoundingClientRect().top + list.scrollTop;
    if (top < list.scrollTop || top + item.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTop = Math.max(0, top - 8);
    }
  }, [activeIndex]);
  const onKeyDown = (event: KeyboardEvent) => {
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      event.key === 'ArrowDown'
        ? at + 1
        : event.key === 'ArrowUp'
          ? at - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? buttons.length - 1
              : null;
    if (next === null || at < 0) return;
    event.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, next))]?.focus();
  };
  const onSearchKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && matches?.[0] !== undefined) {
      event.preventDefault();
      onSeek(matches[0]);
    } else if (event.key === 'ArrowDown') {
      const first = listRef.current?.querySelector<HTMLButtonElement>('button');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  };
  return (
    <>
      <div class="pc-search" role="search">
        <input
          type="search"
          aria-label={t('searchChapters')}
          placeholder={t('searchChapters')}
          autocomplete="off"
          spellcheck={false}
          value={query.value}
          onInput={(event) => (query.value = event.currentTarget.value)}
          onKeyDown={onSearchKey}
        />
        <span class="pc-muted" role="status">
          {matches ? (matches.length === 0 ? t('searchNoMatch') : t('searchMatches', matches.length, chapters.length)) : ''}
        </span>
      </div>
      <ol class="pc-list" ref={listRef} onKeyDown={onKeyDown} aria-label={t('chaptersHeading')}>
        {chapters.map((chapter, index) => {
          if (shown && !shown.has(index)) return null;
          const start = formatClock(chapter.start);
          const isCurrent = index === activeIndex;
          // What matched in the summary, so the person sees why a chapter is listed.
          const hits = current ? [chapter.description ?? '', ...(chapter.bullets ?? [])].filter((text) => text && current.hits(text)) : [];
          return (
            <li key={index} aria-current={isCurrent ? 'true' : undefined} class="pc-row">
              <button type="button" aria-label={`${start} ${chapter.title}`} onClick={() => onSeek(index)}>
                <span class="pc-time">{start}</span>{' '}
                <span class="pc-title">
                  <Highlight text={chapter.title} matcher={current} />
                </span>
              </button>
              {/* Outside the button, so its name stays "time title" as its visible text says. */}
              {hits.slice(0, 2).map((text, i) => (
                <p key={i} class="pc-hit">
                  <Highlight text={text} matcher={current} />
                </p>
              ))}
            </li>
          );
        })}
      </ol>
    </>
  );
}
