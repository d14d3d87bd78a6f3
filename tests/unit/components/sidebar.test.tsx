import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Sidebar } from '../../../components/sidebar/Sidebar';
import { createChapterClock } from '../../../utils/sidebar/chapter-clock';
import { episodeSchema } from '../../../utils/chapters/schema';
import { createSidebarState, type SidebarState } from '../../../utils/sidebar/state';
import type { Player } from '../../../utils/sites/types';
import { createStillPlayer } from '../fake-player';
import { personClick, trustedEvent } from '../person';

const episode = episodeSchema.parse({
  id: 'e',
  show: 'Show',
  title: 'Episode',
  chapters: [
    { start: 0, end: 60, title: 'Opening <b>bold</b>', description: 'First description', bullets: ['one', 'two'] },
    { start: 60, end: 120, title: 'Middle', description: 'Second description', bullets: ['three'] },
    { start: 120, end: 180, title: 'End', description: '', bullets: [] },
  ],
});

describe('Sidebar', () => {
  let root: HTMLElement;
  let state: SidebarState;
  let player: Player;

  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
    player = createStillPlayer(70);
    const clock = createChapterClock(episode.chapters, player, 0, new AbortController().signal);
    state = createSidebarState(episode, clock, { layout: 'column', theme: 'dark', collapsed: false });
    act(() => render(<Sidebar state={state} />, root));
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  const rows = () => [...root.querySelectorAll('li.cb-row')];
  const seekButtons = () => [...root.querySelectorAll<HTMLButtonElement>('button.cb-seek')];

  it('is an aside named Chapters with a list item and button per chapter', () => {
    const aside = root.querySelector('aside');
    expect(aside?.getAttribute('aria-label')).toBe('Chapters');
    expect(rows()).toHaveLength(3);
    expect(seekButtons().map((b) => b.getAttribute('aria-label'))).toEqual(['0:00 Opening <b>bold</b>', '1:00 Middle', '2:00 End']);
  });

  it('marks and expands the current chapter only', () => {
    expect(rows().map((row) => row.getAttribute('aria-current'))).toEqual([null, 'true', null]);
    expect(rows()[1]!.textContent).toContain('Second description');
    expect(rows()[0]!.textContent).not.toContain('First description');
  });

  it('renders chapter text as text, never as markup', () => {
    expect(root.querySelector('b')).toBeNull();
    expect(rows()[0]!.querySelector('.cb-title')!.textContent).toBe('Opening <b>bold</b>');
  });

  it('seeks when a chapter is clicked, and the highlight follows', () => {
    act(() => personClick(seekButtons()[2]!));
    expect(player.currentTime()).toBe(120);
    expect(rows()[2]!.getAttribute('aria-current')).toBe('true');
  });

  it('expands a chapter on request and every chapter with "Expand all"', () => {
    act(() => personClick(root.querySelector<HTMLButtonElement>('li.cb-row .cb-toggle')!));
    expect(rows()[0]!.textContent).toContain('First description');
    const expandAll = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Expand all')!;
    act(() => personClick(expandAll));
    expect(expandAll.getAttribute('aria-pressed')).toBe('true');
    expect(root.querySelectorAll('.cb-details')).toHaveLength(3);
  });

  it('collapses to its header', () => {
    const hide = root.querySelector<HTMLButtonElement>('button[aria-label="Collapse chapters"]')!;
    act(() => personClick(hide));
    expect(state.collapsed.value).toBe(true);
    expect(rows()).toHaveLength(0);
    expect(root.querySelector('button[aria-label="Show chapters"]')).not.toBeNull();
  });

  it('offers "Back to current" after the person scrolls the list', () => {
    act(() => {
      root.querySelector('ol')!.dispatchEvent(new WheelEvent('wheel', { bubbles: true }));
    });
    const back = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Back to current');
    expect(back).toBeDefined();
    act(() => personClick(back!));
    expect(state.following.value).toBe(true);
  });

  it('scrolls back to the first chapter on "Back to current" in a list that opened with following paused', async () => {
    // Remounted while the person had scrolled away (collapsed and opened again, say), on chapter 1.
    const clock = createChapterClock(episode.chapters, createStillPlayer(10), 0, new AbortController().signal);
    const paused = createSidebarState(episode, clock, { layout: 'column', theme: 'dark', collapsed: false });
    paused.following.value = false;
    render(null, root);
    act(() => render(<Sidebar state={paused} />, root));
    const list = root.querySelector('ol')!;
    const scrollTo = vi.fn();
    list.scrollTo = scrollTo as never;
    Object.defineProperty(list, 'scrollTop', { value: 300, configurable: true });
    list.getBoundingClientRect = () => ({ top: 0 }) as DOMRect;
    root.querySelector<HTMLElement>('.cb-row[data-index="0"]')!.getBoundingClientRect = () => ({ top: -296 }) as DOMRect;
    const back = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Back to current')!;
    act(() => personClick(back));
    await vi.waitFor(() => expect(scrollTo).toHaveBeenCalledWith(expect.objectContaining({ top: 0 })));
  });

  it('moves focus between chapters with the arrow keys', () => {
    seekButtons()[0]!.focus();
    act(() => {
      root.querySelector('ol')!.dispatchEvent(trustedEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })));
    });
    expect(document.activeElement).toBe(seekButtons()[1]);
  });

  it('shows only a toggle over the player in the overlay layout, and opens on click', () => {
    act(() => {
      state.layout.value = 'overlay';
    });
    expect(root.querySelector('aside')).toBeNull();
    act(() => personClick(root.querySelector<HTMLButtonElement>('.cb-overlay-toggle')!));
    expect(root.querySelector('aside')?.getAttribute('aria-label')).toBe('Chapters');
  });
});
