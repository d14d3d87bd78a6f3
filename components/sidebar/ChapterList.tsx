import { effect, signal } from '@preact/signals-core';
import type { ComponentChild } from 'preact';
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

/**
 * Rows come in groups of this many (each a `div`, styled as `.cb-list > div`): the browser lays a
 * list out by walking all its children, so a chapter change in a flat list of 2,000 rows cost about
 * a millisecond of layout however little changed (0.7 µs a row, measured at 500, 2,000 and 4,000).
 * Grouped, it walks the groups and one group's rows.
 */
const CHUNK_ROWS = 50;

/**
 * The rows in groups of CHUNK_ROWS by chapter, not by position: a search that hides rows moves
 * none of them to another group, so Preact keeps every row's element.
 */
function inChunks(rows: ComponentChild[]): ComponentChild[] {
  const chunks: ComponentChild[] = [];
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    // A `div` in an `ol` is no list item; the list and its rows say their roles (`role="list"`,
    // `role="listitem"`), so the accessibility tree is one list with every row an item, as axe checks.
    chunks.push(<div>{rows.slice(start, start + CHUNK_ROWS)}</div>);
  }
  return chunks;
}

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
        const place = (looks: number, steady?: boolean) => {
          const list = listRef.current;
          // No list or no row: the list went (collapsed, closed) since the frame was asked for.
          const row = list?.querySelector<HTMLElement>(`[data-index="${index}"]`);
          if (!list || !row) return;
          const target = Math.max(0, row.getBoundingClientRect().top - list.getBoundingClientRect().top + list.scrollTop - 24);
          const there = Math.abs(list.scrollTop - target) < 2;
          if (there && steady) return;
          // `(prefers-reduced-motion)` alone matches any value but no-preference: `reduce`, the only one.
          const smooth = adjacent && !matchMedia('(prefers-reduced-motion)').matches;
          if (!there) list.scrollTo({ top: target, behavior: smooth ? 'smooth' : 'auto' });
          // A long list's rows out of view stand at the size they last had, or a guess
          // (content-visibility): the rows a jump brings into view take their own a frame or two
          // later, and move the row (a chapter 130 rows up stood 136 px above the list's view).
          // So after a jump (or any move that does not glide), a look each frame until the row stays put.
          if (!smooth && --looks) frame = requestAnimationFrame(() => place(looks, there));
        };
        let frame = requestAnimationFrame(() => place(12));
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
      role="list"
      ref={listRef}
      onWheel={stopFollowing}
      onTouchMove={stopFollowing}
      onKeyDown={trusted((event: KeyboardEvent) => {
        if (!SCROLL_KEYS.has(event.key)) return;
        stopFollowing();
        if (listRef.current && moveFocus(listRef.current, event.key)) event.preventDefault();
      })}
    >
      {inChunks(rows.slice(0, shown))}
    </ol>
  );
}
