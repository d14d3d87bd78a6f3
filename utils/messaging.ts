import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Episode } from './chapters/schema';
import type { EpisodeRef } from './sites/types';

export interface EpisodeMatch {
  episode: Episode;
  /** Seconds added to the site's media time to reach the episode's timeline. */
  offset: number;
  /** Matched through a person's link ("Use chapters from…"), which they can remove. */
  linked: boolean;
}

/** The manifest's `commands`, which the person can rebind in the browser's shortcut settings. */
export type ChapterCommand = 'next-chapter' | 'previous-chapter' | 'toggle-sidebar';

/** A chapter as the popup lists it, on the episode's timeline. */
export interface TabChapter {
  start: number;
  /** Seconds, or null for a last chapter that runs to the end of unknown media. */
  end: number | null;
  title: string;
}

/** What a tab's content script reports about its media, for the popup. */
export interface TabState {
  site: string;
  media: EpisodeRef;
  episode: { id: string; show: string; title: string; linked: boolean; chapters: TabChapter[] } | null;
  activeIndex: number;
  /** On the episode's timeline, at the moment of the reply. */
  currentTime: number;
  paused: boolean;
  playbackRate: number;
  sidebarVisible: boolean;
}

/** A library episode as the popup offers it. */
export interface EpisodeSummary {
  id: string;
  show: string;
  title: string;
  chapterCount: number;
  /** Its page, when the episode has a known media id on a site. */
  url: string | null;
}

/**
 * The one protocol between the extension's pages, its background and its content scripts.
 * The background validates everything from storage and files with zod before it answers, so
 * content scripts trust its replies and stay small; replies from content scripts are validated
 * by the popup (`tab-state-schema.ts`), because a page's content script can be gone or stale.
 */
export interface ProtocolMap {
  // content script → background
  findEpisode(ref: EpisodeRef): EpisodeMatch | null;
  /** "This tab plays media": lets the popup find it when opened elsewhere. */
  announceMediaTab(): void;
  // popup → background
  getMediaTab(): number | null;
  listEpisodes(): EpisodeSummary[];
  linkEpisode(link: { site: string; mediaId: string; episodeId: string }): void;
  unlinkEpisode(link: { site: string; mediaId: string }): void;
  // popup or background → content script
  getTabState(): TabState | null;
  seekChapter(index: number): boolean;
  stepChapter(direction: 1 | -1): boolean;
  setSidebarVisible(visible: boolean): boolean;
  /** A keyboard command from the browser, which fires even while the page has a text field focused. */
  runCommand(command: ChapterCommand): boolean;
  /** The library or a link changed: look up this page's episode again. */
  reloadEpisode(): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
