import type { PageSees, TabState } from '../messaging/protocol';
import type { EpisodeRef, Placement } from '../sites/types';
import { describePlacement } from './placement-report';
import type { SidebarState } from './state';
import { isTyping, type OwnShadowRoot } from './typing';

/** What a session found so far; the popup's PageSees, with the placement as it is (described here). */
export type SessionSees = Omit<PageSees, 'placement'> & { placement: Placement | null };

/** What the tab's control (tab-control.ts) lets the answers below see and do. */
export interface TabControlAccess {
  session(): ControlledSession | null;
  sidebarVisible(): boolean;
  setSidebarVisible(visible: boolean): void;
  reloadEpisode(): void;
  /** "Make chapters" / "Edit chapters" from the popup: false when this page plays nothing. */
  startEditing(): Promise<boolean>;
}

/** The messages the popup and the keyboard commands send a tab. */
export const TAB_MESSAGES = ['getTabState', 'seekChapter', 'setSidebarVisible', 'reloadEpisode', 'startEditing'] as const;
export type TabMessage = (typeof TAB_MESSAGES)[number];

export interface ControlledSession {
  ref: EpisodeRef;
  sees?(): SessionSees;
  /** Null until the episode is found and the sidebar mounted. */
  state: SidebarState | null;
}

/**
 * What the tab reports to the popup and the keyboard commands. Asked for only when a person opens
 * the popup or presses a command, so it comes with the sidebar's extras (extras-list.ts), not in
 * the content script every page pays for.
 */
export function readTabState(session: ControlledSession, sidebarVisible: boolean, ownRoot?: OwnShadowRoot): TabState {
  const { ref, state } = session;
  const found = session.sees?.();
  const base = {
    site: ref.site,
    media: ref,
    sidebarVisible,
    // Keyboard commands are global to the browser: they never act while the person types here.
    typing: isTyping(document, ownRoot),
    ...(found && { sees: { ...found, placement: found.placement && describePlacement(found.placement) } }),
  };
  if (!state) return { ...base, episode: null, activeIndex: -1, currentTime: 0, paused: true, playbackRate: 1 };
  const { episode, clock } = state;
  clock.sync();
  return {
    ...base,
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
  };
}

/**
 * The answer to one of the popup's or the keyboard commands' messages (tab-control.ts passes them
 * here). Both work out what "next" and "previous" mean from the tab's state (commands.ts), so the
 * tab only reports and seeks. Every message is checked here too: only the extension can send
 * them, but a stale popup or a future version can send nonsense.
 */
export function answerTab(access: TabControlAccess, type: TabMessage, data: unknown, ownRoot?: OwnShadowRoot): unknown {
  const session = access.session();
  if (type === 'getTabState') return session && readTabState(session, access.sidebarVisible(), ownRoot);
  if (type === 'seekChapter') {
    const state = session?.state;
    const chapter = Number.isInteger(data) ? state?.clock.chapters.peek()[data as number] : undefined;
    if (!state || !chapter) return false;
    state.following.value = true;
    state.clock.seekTo(chapter.start);
    return true;
  }
  if (type === 'setSidebarVisible') {
    if (typeof data !== 'boolean' || !session) return false;
    access.setSidebarVisible(data);
    return true;
  }
  return type === 'reloadEpisode' ? access.reloadEpisode() : access.startEditing();
}
