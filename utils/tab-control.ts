import { findActiveChapter, previousChapterTarget } from './chapters/active';
import { onMessage, type TabState } from './messaging';
import type { SidebarState } from './sidebar-state';
import type { EpisodeRef } from './sites/types';
import { isTyping } from './typing';

export interface ControlledSession {
  ref: EpisodeRef;
  /** Null until the episode is found and the sidebar mounted. */
  state: SidebarState | null;
}

export interface TabControlAccess {
  session(): ControlledSession | null;
  sidebarVisible(): boolean;
  setSidebarVisible(visible: boolean): void;
  reloadEpisode(): void;
}

function readTabState(session: ControlledSession, sidebarVisible: boolean): TabState {
  const { ref, state } = session;
  if (!state) {
    return { site: ref.site, media: ref, episode: null, activeIndex: -1, currentTime: 0, paused: true, playbackRate: 1, sidebarVisible };
  }
  const { episode, clock } = state;
  clock.sync();
  return {
    site: ref.site,
    media: ref,
    episode: {
      id: episode.id,
      show: episode.show,
      title: episode.title,
      linked: state.linked,
      origin: state.origin,
      // The popup takes the fields it knows (tab-state-schema.ts); an open end travels as null.
      chapters: clock.chapters.peek().map((c) => ({ ...c, end: Number.isFinite(c.end) ? c.end : null })),
    },
    activeIndex: clock.activeIndex.peek(),
    currentTime: clock.currentTime(),
    paused: !clock.playing.peek(),
    playbackRate: clock.playbackRate(),
    sidebarVisible,
  };
}

/** Moves to the next chapter, or back as media players do (restart first, then the one before). */
function stepChapter(state: SidebarState, direction: 1 | -1): boolean {
  const chapters = state.clock.chapters.peek();
  const time = state.clock.currentTime();
  const target = direction === 1 ? findActiveChapter(chapters, time) + 1 : previousChapterTarget(chapters, time);
  const chapter = chapters[target];
  if (!chapter) return false;
  state.following.value = true;
  state.clock.seekTo(chapter.start);
  return true;
}

/**
 * Answers the popup and the keyboard commands for this tab. Every message is checked here too:
 * only the extension can send them, but a stale popup or a future version can send nonsense.
 */
export function serveTabControl(access: TabControlAccess, signal: AbortSignal): void {
  const removers = [
    onMessage('getTabState', () => {
      const session = access.session();
      return session ? readTabState(session, access.sidebarVisible()) : null;
    }),
    onMessage('seekChapter', ({ data }) => {
      const state = access.session()?.state;
      const chapter = Number.isInteger(data) ? state?.clock.chapters.peek()[data] : undefined;
      if (!state || !chapter) return false;
      state.following.value = true;
      state.clock.seekTo(chapter.start);
      return true;
    }),
    onMessage('stepChapter', ({ data }) => {
      const state = access.session()?.state;
      if (!state || (data !== 1 && data !== -1)) return false;
      return stepChapter(state, data);
    }),
    onMessage('runCommand', ({ data }) => {
      const session = access.session();
      // Commands are global to the browser: never act while the person types on the page.
      if (!session || isTyping(document)) return false;
      if (data === 'toggle-sidebar') {
        access.setSidebarVisible(!access.sidebarVisible());
        return true;
      }
      if (!session.state) return false;
      if (data === 'next-chapter') return stepChapter(session.state, 1);
      if (data === 'previous-chapter') return stepChapter(session.state, -1);
      return false;
    }),
    onMessage('setSidebarVisible', ({ data }) => {
      if (typeof data !== 'boolean' || !access.session()) return false;
      access.setSidebarVisible(data);
      return true;
    }),
    onMessage('reloadEpisode', () => access.reloadEpisode()),
  ];
  signal.addEventListener('abort', () => removers.forEach((remove) => remove()), { once: true });
}
