import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { Sidebar } from '../../../components/sidebar/Sidebar';
import { createChapterClock } from '../../../utils/sidebar/chapter-clock';
import { episodeSchema } from '../../../utils/chapters/schema';
import { createSidebarState, type SidebarState } from '../../../utils/sidebar/state';
import type { Player } from '../../../utils/sites/types';
import { useRenderRoot } from '../render-root';

// The options page's sidebar settings as the sidebar applies them (the content script sets the signals).

const episode = episodeSchema.parse({
  id: 'e',
  title: 'Episode',
  chapters: [
    { start: 0, end: 60, title: 'One', description: 'First' },
    { start: 60, end: 120, title: 'Two', description: 'Second' },
    { start: 120, end: 180, title: 'Three', description: 'Third' },
  ],
});

const player: Player = {
  currentTime: () => 70,
  duration: () => 180,
  paused: () => true,
  playbackRate: () => 1,
  interrupted: () => false,
  seek() {},
  onChange() {},
};

describe('sidebar settings', () => {
  const view = useRenderRoot();
  let state: SidebarState;
  const mount = (options: { expandAll?: boolean; autoFollow?: boolean }) => {
    const clock = createChapterClock(episode.chapters, player, 0, new AbortController().signal);
    state = createSidebarState(episode, clock, { layout: 'column', theme: 'dark', collapsed: false, ...options });
    view.show(<Sidebar state={state} />);
  };
  const details = () => view.root.querySelectorAll('.cb-details').length;

  it('expands every summary when "expand all" is the default, and follows a change at once', () => {
    mount({ expandAll: true });
    expect(details()).toBe(3);
    act(() => {
      state.expandAll.value = false;
    });
    expect(details()).toBe(1);
  });

  it('offers "Back to current" only when following is on and the person scrolled away', () => {
    mount({ autoFollow: true });
    act(() => {
      state.following.value = false;
    });
    expect(view.root.textContent).toContain('Back to current');
    act(() => {
      state.autoFollow.value = false;
    });
    expect(view.root.textContent).not.toContain('Back to current');
  });
});
