import { useEffect, useRef } from 'preact/hooks';
import type { TabChapter } from '../utils/messaging';
import { formatClock } from '../utils/chapters/time';

interface Props {
  chapters: TabChapter[];
  activeIndex: number;
  onSeek(index: number): void;
}

/** The popup's chapter list: the same accessible contract as the sidebar's. */
export function PopupChapters({ chapters, activeIndex, onSeek }: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  // Brings the current chapter into view when it changes, scrolling only the list.
  useEffect(() => {
    const list = listRef.current;
    const item = list?.children[activeIndex] as HTMLElement | undefined;
    if (!list || !item) return;
    const top = item.getBoundingClientRect().top - list.getBoundingClientRect().top + list.scrollTop;
    if (top < list.scrollTop || top + item.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTop = Math.max(0, top - 8);
    }
  }, [activeIndex]);
  const onKeyDown = (event: KeyboardEvent) => {
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = event.key === 'ArrowDown' ? at + 1 : event.key === 'ArrowUp' ? at - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : null;
    if (next === null || at < 0) return;
    event.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, next))]?.focus();
  };
  return (
    <ol class="pc-list" ref={listRef} onKeyDown={onKeyDown} aria-label="Chapters">
      {chapters.map((chapter, index) => {
        const start = formatClock(chapter.start);
        const current = index === activeIndex;
        return (
          <li key={index} aria-current={current ? 'true' : undefined} class="pc-row">
            <button type="button" aria-label={`${start} ${chapter.title}`} onClick={() => onSeek(index)}>
              <span class="pc-time">{start}</span>
              <span class="pc-title">{chapter.title}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
