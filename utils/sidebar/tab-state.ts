import { sendMessage, type EpisodeMatch, type PageSees, type TabState } from '../messaging/protocol';
import type { EpisodeRef, OmittedData, Placement } from '../sites/types';
import { describeOmitted } from './page-chapter-request';
import { describePlacement } from './placement-report';
import type { SidebarState } from './state';
import { isTyping, type OwnShadowRoot } from './typing';

/**
 * What a session found so far: the popup's PageSees, with the placement as it is and the page's
 * data left out as it was (both put in words here, on demand).
 */
export type SessionSees = Omit<PageSees, 'placement' | 'pageNote'> & {
  placement: Placement | null;
  pageNote?: string | readonly OmittedData[];
};

/** What the tab's control (tab-control.ts) lets the answers below see and do. */
export interface TabControlAccess {
  session(): ControlledSession | null;
  sidebarVisible(): boolean;
  setSidebarVisible(visible: boolean): void;
  /** What the page plays now, as the site's adapter reads it. */
  readEpisode(): EpisodeRef | null;
  /** Starts over for what the page plays now, with a match already made for it if given (run-site.ts). */
  restart(known?: { ref: EpisodeRef; match: EpisodeMatch | null }): void;
}

/** The messages the popup and the keyboard commands send a tab. */
export const TAB_MESSAGES = ['getTabState', 'seekChapter', 'setSidebarVisible', 'reloadEpisode', 'startEditing'] as const;
export type TabMessage = (typeof TAB_MESSAGES)[number];

export interface ControlledSession {
  ref: EpisodeRef;
  sees?(): SessionSees;
  /** Opens the sidebar's editor as soon as the sidebar shows. */
  edit(): void;
  /** Null until the episode is found and the sidebar mounted. */
  state: SidebarState | null;
}

/** The session's findings in the popup's words. */
function describeSees({ placement, pageNote, ...found }: SessionSees): PageSees {
  const note = typeof pageNote === 'object' ? describeOmitted(pageNote) : pageNote;
  return { ...found, placement: placement && describePlacement(placement), ...(note && { pageNote: note }) };
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
    ...(found && { sees: describeSees(found) }),
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
  return type === 'reloadEpisode' ? access.restart() : startEditing(access);
}

/** "Make chapters" / "Edit chapters" from the popup: false when this page plays nothing. */
async function startEditing(access: TabControlAccess): Promise<boolean> {
  const session = access.session();
  if (session?.state) return (session.edit(), true);
  // Nothing shown (no chapters anywhere): a new episode for this media, edited from empty.
  const ref = access.readEpisode();
  const episode = ref && (await sendMessage('newEpisode', ref));
  if (!ref || !episode) return false;
  access.restart({ ref, match: { episode, offset: 0, linked: false } });
  const started = access.session();
  started?.edit();
  return started !== null;
}
