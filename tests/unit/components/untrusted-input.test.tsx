import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { Sidebar } from '../../../components/sidebar/Sidebar';
import { episodeSchema } from '../../../utils/chapters/schema';
import { createChapterClock } from '../../../utils/sidebar/chapter-clock';
import { createSidebarState, type SidebarStateOptions } from '../../../utils/sidebar/state';
import { createStillPlayer } from '../fake-player';
import { personClick, trustedEvent } from '../person';
import { useRenderRoot } from '../render-root';

// Synthetic input, as a page script would make it (`element.click()`, `dispatchEvent`), does
// nothing in the sidebar: nothing is stored, nothing is done for the person. The same input
// marked trusted (the browser's own) works, so each case can fail.

const episode = episodeSchema.parse({
  id: 'e',
  title: 'Episode',
  chapters: [
    { start: 0, end: 60, title: 'Opening', description: 'First words' },
    { start: 60, end: 120, title: 'Middle', description: 'More words' },
    { start: 120, end: 180, title: 'End' },
  ],
});

const view = useRenderRoot();

function mount(options: Partial<SidebarStateOptions> = {}) {
  const player = createStillPlayer(70, 300);
  const seek = vi.spyOn(player, 'seek');
  const clock = createChapterClock(episode.chapters, player, 0, new AbortController().signal);
  const saveOffset = vi.fn();
  const setCollapsed = vi.fn();
  const state = createSidebarState(episode, clock, {
    layout: 'column',
    theme: 'dark',
    collapsed: false,
    offsetCorrection: { defaultOffset: 0, save: saveOffset },
    ...options,
  });
  state.setCollapsed = setCollapsed;
  view.show(<Sidebar state={state} />);
  const button = (name: string) =>
    [...view.root.querySelectorAll<HTMLButtonElement>('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name)!;
  return { state, clock, seek, saveOffset, setCollapsed, button };
}

describe('a page script’s synthetic input', () => {
  it.each([
    ['the ±1 s / ±5 s nudges', '+1 s: Chapters 1 second earlier'],
    ['"This chapter starts now"', 'This chapter starts now'],
  ])('%s store no offset', (_what, name) => {
    const { saveOffset, clock, button } = mount();
    act(() => button(name).click());
    expect(saveOffset).not.toHaveBeenCalled();
    expect(clock.offset.peek()).toBe(0);
    act(() => personClick(button(name)));
    expect(saveOffset).toHaveBeenCalledOnce();
  });

  it('"Collapse" stores nothing', () => {
    const { setCollapsed, button } = mount();
    act(() => button('Collapse chapters').click());
    expect(setCollapsed).not.toHaveBeenCalled();
    act(() => personClick(button('Collapse chapters')));
    expect(setCollapsed).toHaveBeenCalledWith(true);
  });

  it('"Save to library" saves nothing', () => {
    const saveToLibrary = vi.fn().mockResolvedValue({ ok: true });
    const { button } = mount({ origin: 'description', site: { name: 'YouTube', mediaKind: 'video' }, actions: { saveToLibrary } });
    act(() => button('Save to library').click());
    expect(saveToLibrary).not.toHaveBeenCalled();
    act(() => personClick(button('Save to library')));
    expect(saveToLibrary).toHaveBeenCalledOnce();
  });

  it('a chapter, Enter in the search box and "Loop chapter" do not seek', () => {
    const { seek, state, button } = mount();
    act(() => button('2:00 End').click());
    act(() => button('Loop chapter').click());
    const search = view.root.querySelector<HTMLInputElement>('input[type="search"]')!;
    search.value = 'end';
    act(() => void search.dispatchEvent(new Event('input', { bubbles: true })));
    act(() => void search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })));
    expect(seek).not.toHaveBeenCalled();
    expect(state.clock.loopIndex.peek()).toBe(-1);
    act(() => void search.dispatchEvent(trustedEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }))));
    expect(seek).toHaveBeenCalledWith(120);
  });

  it('"Expand all" and "Back to current" change nothing', () => {
    const { state, button } = mount();
    act(() => button('Expand all').click());
    expect(state.expandAll.peek()).toBe(false);
    act(() => void (state.following.value = false));
    act(() => button('Back to current').click());
    expect(state.following.peek()).toBe(false);
    act(() => personClick(button('Back to current')));
    expect(state.following.peek()).toBe(true);
  });
});
