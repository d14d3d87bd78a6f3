import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChapterRow } from '../../../components/sidebar/ChapterRow';
import { Sidebar } from '../../../components/sidebar/Sidebar';
import { createChapterClock } from '../../../utils/sidebar/chapter-clock';
import { episodeSchema } from '../../../utils/chapters/schema';
import { createSidebarState, type SidebarState } from '../../../utils/sidebar/state';
import type { Player } from '../../../utils/sites/types';
import { createStillPlayer } from '../fake-player';
import { personClick } from '../person';

// Every render of a row, counted: the sidebar's cost on a long episode is in how few rows a change
// touches. The spy renders the real row, so the rows behave as in the extension.
vi.mock('../../../components/sidebar/ChapterRow', async (original) => {
  const real = await original<typeof import('../../../components/sidebar/ChapterRow')>();
  return { ChapterRow: vi.fn(real.ChapterRow) };
});
const rowRenders = vi.mocked(ChapterRow);

const CHAPTERS = 200;
const episode = episodeSchema.parse({
  id: 'long',
  title: 'A long episode',
  chapters: Array.from({ length: CHAPTERS }, (_, i) => ({
    start: i * 60,
    end: i * 60 + 60,
    title: `Chapter ${i}`,
    description: `About ${i}`,
  })),
});

describe('what a change re-renders', () => {
  let root: HTMLElement;
  let state: SidebarState;
  let player: Player;

  const rows = () => root.querySelectorAll('li.cb-row');

  beforeEach(async () => {
    root = document.createElement('div');
    document.body.append(root);
    player = createStillPlayer(90, CHAPTERS * 60);
    const clock = createChapterClock(episode.chapters, player, 0, new AbortController().signal);
    state = createSidebarState(episode, clock, { layout: 'column', theme: 'dark', collapsed: false });
    act(() => render(<Sidebar state={state} />, root));
    // The first render builds a screenful of rows and the rest follow when the page is idle.
    await vi.waitFor(() => expect(rows()).toHaveLength(CHAPTERS));
    rowRenders.mockClear();
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  const renderedIndexes = () => rowRenders.mock.calls.map(([props]) => props.index).sort((a, b) => a - b);
  const current = () => [...root.querySelectorAll('li.cb-row[aria-current="true"]')].map((row) => row.getAttribute('data-index'));

  it('re-renders only the old and the new current row on a chapter change', () => {
    act(() => player.seek(150 * 60 + 5));
    expect(current()).toEqual(['150']);
    expect(renderedIndexes()).toEqual([1, 150]);
  });

  it('re-renders no row when time moves within the chapter, only its progress', () => {
    const fill = () => root.querySelector<HTMLElement>('.cb-progress-fill')!;
    const before = fill();
    act(() => player.seek(100));
    expect(renderedIndexes()).toEqual([]);
    // The same element, drawn further in (40 s into a 60-s chapter), without a render.
    expect(fill()).toBe(before);
    expect(fill().style.transform).toBe(`scaleX(${40 / 60})`);
  });

  it('re-renders no row when the panel around the list re-renders', () => {
    act(() => void root.querySelector('ol')!.dispatchEvent(new WheelEvent('wheel', { bubbles: true })));
    expect(root.textContent).toContain('Back to current');
    act(() => {
      state.theme.value = 'light';
    });
    expect(root.querySelector('aside')!.dataset.theme).toBe('light');
    expect(renderedIndexes()).toEqual([]);
  });

  it('groups a long list by fifty chapters, and a search keeps every row where it was, the same element', () => {
    const chunks = [...root.querySelectorAll('ol.cb-list > div')];
    expect(chunks.map((chunk) => [...chunk.children].map((row) => Number(row.getAttribute('data-index'))))).toEqual(
      Array.from({ length: CHAPTERS / 50 }, (_, k) => Array.from({ length: 50 }, (_, i) => k * 50 + i)),
    );
    const row = root.querySelector('li.cb-row[data-index="120"]');
    act(() => {
      state.query.value = 'Chapter 120';
    });
    expect([...rows()].map((shown) => shown.getAttribute('data-index'))).toEqual(['120']);
    expect(root.querySelector('li.cb-row[data-index="120"]')).toBe(row);
    expect(row!.parentElement).toBe(chunks[2]);
    act(() => {
      state.query.value = '';
    });
    expect(rows()).toHaveLength(CHAPTERS);
    expect(root.querySelector('li.cb-row[data-index="120"]')).toBe(row);
  });

  it('re-renders only the row opened by hand', () => {
    act(() => personClick(root.querySelector<HTMLButtonElement>('li.cb-row[data-index="7"] .cb-toggle')!));
    expect(root.querySelector('li.cb-row[data-index="7"] .cb-details')).not.toBeNull();
    expect(renderedIndexes()).toEqual([7]);
  });
});

describe('a long list, built a screenful at a time', () => {
  let root: HTMLElement;
  let player: Player;
  const rows = () => [...root.querySelectorAll('li.cb-row')].map((row) => Number(row.getAttribute('data-index')));

  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
    player = createStillPlayer(90, CHAPTERS * 60);
    const clock = createChapterClock(episode.chapters, player, 0, new AbortController().signal);
    const state = createSidebarState(episode, clock, { layout: 'column', theme: 'dark', collapsed: false });
    act(() => render(<Sidebar state={state} />, root));
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('shows the first rows at once and every chapter, in order, once the page is idle', async () => {
    const first = rows();
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(CHAPTERS);
    expect(first).toEqual(Array.from({ length: first.length }, (_, i) => i));
    await vi.waitFor(() => expect(rows()).toHaveLength(CHAPTERS));
    expect(rows()).toEqual(Array.from({ length: CHAPTERS }, (_, i) => i));
  });

  it('builds a chapter past the rows shown so far as soon as it becomes current, with those before it', () => {
    expect(rows()).not.toContain(190);
    act(() => player.seek(190 * 60 + 5));
    expect(root.querySelector('li.cb-row[data-index="190"]')!.getAttribute('aria-current')).toBe('true');
    expect(rows()).toEqual(Array.from({ length: rows().length }, (_, i) => i));
  });
});
