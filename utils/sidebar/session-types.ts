import type { Episode } from '../chapters/schema';
import type { EpisodeMatch } from '../messaging/protocol';
import type { Preferences } from '../storage/preferences';
import type { EpisodeRef, PageChapterSource, SiteAdapter } from '../sites/types';
import type { SidebarMount } from './mount';
import type { showProgressMarkers } from './progress-markers';
import type { SidebarState } from './state';
import type { SessionSees } from './tab-state';

/** What a session needs from the content script that runs it; one per page, shared by its sessions. */
export interface SessionHost {
  adapter: SiteAdapter;
  mount: SidebarMount;
  findEpisode(ref: EpisodeRef): Promise<EpisodeMatch | null>;
  /** Resolves once the person's preferences are known. */
  preferencesReady: Promise<void>;
  preferences(): Preferences | null;
  setPreferences(value: Preferences): void;
  /** True once per page load: for the first look at the media the page loaded with (its inline data's). */
  takePageLoad(mediaKey: string): boolean;
  /** The note for the next sidebar of this media ("Saved to your library"), once. */
  takeNotice(mediaKey: string): string | null;
  savePageChapters(mediaKey: string, episode: Episode, source: PageChapterSource): Promise<{ ok: true } | { ok: false; message: string }>;
  progressMarkers?: typeof showProgressMarkers;
  /** Looks up what the page plays afresh (after the person said a plausible match is not this one, or after the editor's Done). */
  restart?(): void;
}

/** One media's sidebar, from finding its episode to the page moving on (its controller aborts). */
export interface Session {
  ref: EpisodeRef;
  /** Null until the episode is found and the sidebar is built. */
  readonly state: SidebarState | null;
  mediaKey: string;
  title: string | undefined;
  matched: boolean;
  /** The episode found for this media, once found. */
  matchedId?: string;
  controller: AbortController;
  /** Re-reads layout and theme without rebuilding anything. */
  refresh(): void;
  /** What the session found so far, for the popup's "What Chapterbar sees". */
  sees(): SessionSees;
  /** Opens the sidebar's editor as soon as the sidebar shows ("Make chapters" in the popup). */
  edit(): void;
}
