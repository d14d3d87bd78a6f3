import { onMessage, type PageSees, type TabState } from '../messaging/protocol';
import type { SidebarState } from './state';
import type { EpisodeRef } from '../sites/types';
import { isTyping } from './typing';

export interface ControlledSession {
  ref: EpisodeRef;
  sees?(): PageSees;
  /** Null until the episode is found and the sidebar mounted. */
  state: SidebarState | null;
}

export interface TabControlAccess {
  session(): ControlledSession | null;
  sidebarVisible(): boolean;
  setSidebarVisible(visible: boolean): void;
  reloadEpisode(): void;
  /** "Make chapters" / "Edit chapters" from the popup: false when this page plays nothing. */
  startEditing(): Promise<boolean>;
}

function readTabState(session: ControlledSession, sidebarVisible: boolean): TabState {
  const { ref, state } = session;
  // Keyboard commands are global to the browser: they never act while the person types here.
  const typing = isTyping(document);
  const sees = session.sees?.();
  if (!state) {
    return {
      site: ref.site,
      media: ref,
      episode: null,
      activeIndex: -1,
      currentTime: 0,
      paused: true,
      playbackRate: 1,
      sidebarVisible,
      typing,
      ...(sees && { sees }),
    };
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
    typing,
    ...(sees && { sees }),
  };
}

/**
 * Answers the popup and the keyboard commands for this tab. Both work out what "next" and
 * "previous" mean from the tab's state (commands.ts), so this script only reports and seeks.
 * Every message is checked here too: only the extension can send them, but a stale popup or a
 * future version can send nonsense.
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
    onMessage('setSidebarVisible', ({ data }) => {
      if (typeof data !== 'boolean' || !access.session()) return false;
      access.setSidebarVisible(data);
      return true;
    }),
    onMessage('reloadEpisode', () => access.reloadEpisode()),
    onMessage('startEditing', () => access.startEditing()),
  ];
  signal.addEventListener('abort', () => removers.forEach((remove) => remove()), { once: true });
}
