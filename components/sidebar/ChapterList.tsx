import { effect, signal } from '@preact/signals-core';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { SidebarState } from '../../utils/sidebar/state';
import { useComputedValue, useSignalValue } from '../../utils/sidebar/signal-hooks';
import { ChapterRow } from './ChapterRow';
import { trusted } from './trusted';

/** Keys that mean the person is moving through the list, which pauses following. */
const SCROLL_KEYS = new Set(['PageUp', 'PageDown', 'Home', 'End', 'ArrowUp', 'ArrowDown']);

/**
 * Rows in the list's first render; the rest follow in batches when the page is idle. A list of
 * 2,000 chapters built at once held the page's main thread for 100-400 ms before anything showed.
 */
const FIRST_ROWS = 100;
const MORE_ROWS = 250;

/** Moves focus between chapters with the arrow keys, Home and End; Enter and Space seek. */
function moveFocus(list: HTMLElement, key: string): boolean {
  const buttons = [...list.querySelectorAll<HTMLButtonElement>('.cb-seek')];
  const root = list.getRootNode() as ShadowRoot | Document;
  const at = buttons.indexOf(root.activeElement as HTMLButtonElement);
  const target =
    key === 'ArrowDown'
      ? Math.min(buttons.length - 1, at + 1)
      : key === 'ArrowUp'
        ? Math.max(0, at - 1)
        : key === 'Home'
          ? 0
          : key === 'End'
            ? buttons.length - 1
            : -1;
  if (target < 0 || at < 0) return false;
  buttons[target]?.focus();
  return true;
}

export function ChapterList({ state }: { state: SidebarState }) {
  const listRef = useRef<HTMLOListElement>(null);

  // Keeps the current chapter in view by scrolling the list itself, never the page. The row
  // lands near the top with a little of the previous one showing, so reading continues downwards.
  const lastIndex = useRef(-1);
  const firstRun = useRef(true);
  useEffect(
    () =>
      effect(() => {
        const index = state.clock.activeIndex.value;
        // A list just mounted is at its top, where the first chapter already is: measuring it
        // would only force the page's layout early, on every video that starts at the beginning.
        const fresh = firstRun.current;
        firstRun.current = false;
        // Off by the person's setting, or paused by their scrolling.
        const following = state.following.value && state.autoFollow.value;
        // Collapsing the list or closing the overlay unmounts it, so showing it again runs this anew.
        // While the person searches, the list shows their results, not the current chapter.
        if (!following || index < 0 || state.query.value.trim()) return;
        const adjacent = index === lastIndex.current + 1;
        lastIndex.current = index;
        if (fresh && index === 0) return;
        // After Preact has rendered the new current row (and its summary).
        const frame = requestAnimationFrame(() => {
          const list = listRef.current;
          const row = list?.querySelector<HTMLElement>(`.cb-row[data-index="${index}"]`);
          if (!list || !row) return;
          const top = row.getBoundingClientRect().top - list.getBoundingClientRect().top + list.scrollTop;
          const target = Math.max(0, top - 24);
          if (Math.abs(list.scrollTop - target) < 2) return;
          const smooth = adjacent && !matchMedia('(prefers-reduced-motion: reduce)').matches;
          list.scrollTo({ top: target, behavior: smooth ? 'smooth' : 'auto' });
        });
        return () => cancelAnimationFrame(frame);
      }),
    [state],
  );

  const matches = useSignalValue(state.matches);
  const chapters = useSignalValue(state.clock.chapters);
  const matcher = useSignalValue(state.matcher);
  // The same row elements while the chapters and the search stay the same: Preact skips an element
  // it has rendered before, so the panel re-rendering (scrolling pauses following) re-renders no row.
  // Each row re-renders itself, from its own subscriptions.
  const rows = useMemo(
    () =>
      chapters.map((chapter, index) =>
        matches && !matches.has(index) ? null : <ChapterRow key={index} state={state} chapter={chapter} index={index} matcher={matcher} />,
      ),
    [state, chapters, matches, matcher],
  );
  // Rows up to the current chapter and a screenful past it are always there, for following to scroll to.
  const limit = useMemo(() => signal(FIRST_ROWS), []);
  const shown = useComputedValue(() =>
    Math.min(state.clock.chapters.value.length, Math.max(limit.value, state.clock.activeIndex.value + FIRST_ROWS)),
  );
  useEffect(() => {
    if (shown >= chapters.length) return;
    const id = requestIdleCallback(() => (limit.value = shown + MORE_ROWS), { timeout: 200 });
    return () => cancelIdleCallback(id);
  }, [shown, chapters.length, limit]);
  const stopFollowing = () => {
    if (state.following.peek()) state.following.value = false;
  };

  return (
    <ol
      class="cb-list"
      ref={listRef}
      onWheel={stopFollowing}
      onTouchMove={stopFollowing}
      onKeyDown={trusted((event: KeyboardEvent) => {
        if (!SCROLL_KEYS.has(event.key)) return;
        stopFollowing();
        if (listRef.current && moveFocus(listRef.current, event.key)) event.preventDefault();
      })}
    >
      {rows.length > shown ? rows.slice(0, shown) : rows}
    </ol>
  );
}
