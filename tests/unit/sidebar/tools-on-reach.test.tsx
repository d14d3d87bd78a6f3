import { signal } from '@preact/signals-core';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Sidebar } from '../../../components/sidebar/Sidebar';
import { episodeSchema } from '../../../utils/chapters/schema';
import { createChapterClock } from '../../../utils/sidebar/chapter-clock';
import { loadSidebarExtras } from '../../../utils/sidebar/extras';
import { createSidebarMount } from '../../../utils/sidebar/mount';
import { ownShadowRoot } from '../../../utils/sidebar/own-roots';
import { createSidebarState, type SidebarState, type SidebarStateOptions } from '../../../utils/sidebar/state';
import { createStillPlayer } from '../fake-player';
import { useRenderRoot } from '../render-root';

// The sidebar's tools (its extras: search, chapter actions, timing controls) load when the person
// reaches for the sidebar, not with its first paint: a page that is only watched never loads them.

vi.mock('../../../utils/sidebar/extras', async (original) => ({
  ...(await original<typeof import('../../../utils/sidebar/extras')>()),
  // Nothing arrives: what is asked for is what this file checks.
  loadSidebarExtras: vi.fn(async () => ({})),
}));
vi.mock('../../../utils/sidebar/stylesheet', () => ({ loadStylesheet: async () => '', styleShadowRoot: () => {} }));

const episode = episodeSchema.parse({
  id: 'e',
  show: 'Show',
  title: 'Episode',
  chapters: [
    { start: 0, end: 60, title: 'Opening', description: 'First', bullets: ['one'] },
    { start: 60, end: 120, title: 'Middle', description: 'Second', bullets: ['two'] },
  ],
});
const load = vi.mocked(loadSidebarExtras);

function stateFor(options: Partial<SidebarStateOptions> = {}): SidebarState {
  const clock = createChapterClock(episode.chapters, createStillPlayer(70), 0, new AbortController().signal);
  return createSidebarState(episode, clock, { layout: 'column', theme: 'dark', collapsed: false, ...options });
}

beforeEach(() => load.mockClear());

describe('the sidebar at rest', () => {
  const view = useRenderRoot();

  it('shows a library episode’s chapters without loading its tools, and draws the search box’s place', () => {
    view.show(<Sidebar state={stateFor()} />);
    expect(view.root.querySelectorAll('li.cb-row')).toHaveLength(2);
    expect(load).not.toHaveBeenCalled();
    const slot = view.root.querySelector('.cb-search-slot')!;
    expect(slot.getAttribute('data-placeholder')).toBe('Search chapters');
    expect(slot.childNodes).toHaveLength(0);
  });

  it.each([
    ['chapters that are the page’s own (where they come from is said at once)', { origin: 'description' as const }],
    ['a floating frame, which is the sidebar itself', { layout: 'floating' as const }],
    ['a notice it shows beside them (a save made in another tab, say)', { notice: 'Saved in another tab' }],
  ])('loads them at once for %s', (_what, options) => {
    view.show(<Sidebar state={stateFor(options)} />);
    expect(load).toHaveBeenCalled();
  });
});

describe('reaching for the sidebar', () => {
  let host: HTMLElement;
  let anchor: HTMLElement;
  beforeEach(async () => {
    anchor = document.createElement('div');
    document.body.append(anchor);
    const ctx = { isInvalid: false, onInvalidated: () => () => {} } as unknown as ContentScriptContext;
    const mount = createSidebarMount(ctx, signal(false));
    await act(() => mount.show(stateFor(), () => ({ anchor, append: 'last' }) as never));
    host = anchor.querySelector('chapterbar-sidebar')!;
    expect(load).not.toHaveBeenCalled();
  });
  afterEach(() => anchor.remove());

  const inside = (selector: string) => ownShadowRoot(host)!.querySelector<HTMLElement>(selector)!;

  it.each([
    ['the pointer coming over it', () => inside('.cb-seek').dispatchEvent(new PointerEvent('pointerover', { bubbles: true }))],
    ['the keyboard’s focus moving into it', () => inside('.cb-seek').focus()],
    ['a touch', () => inside('.cb-list').dispatchEvent(new Event('touchstart', { bubbles: true }))],
    ['an activation without a pointer (a screen reader’s click)', () => inside('.cb-seek').click()],
  ])('loads its tools on %s', (_what, reach) => {
    reach();
    expect(load).toHaveBeenCalled();
  });

  it('does not load them for events the page fires at its host (they never reach inside)', () => {
    host.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
    host.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(load).not.toHaveBeenCalled();
  });
});
