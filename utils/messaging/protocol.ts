import { defineExtensionMessaging } from './transport';
import type { Episode } from '../chapters/schema';
import type { EpisodeRecord, ImportSource } from '../library/store';
import type { EpisodeRef, PageChaptersReply, PageMaterial } from '../sites/types';
import type { ExportFormat } from '../chapters/export/types';
import type { ExportReply, SaveEditReply } from '../library/episode-edits';

export interface EpisodeMatch {
  episode: Episode;
  /** Seconds added to the site's media time to reach the episode's timeline. */
  offset: number;
  /** Matched through a person's link ("Use chapters from…"), which they can remove. */
  linked: boolean;
  /** The person's own correction for this episode on the page's site, which wins over `offset`. */
  savedOffset?: number;
}

/** The manifest's `commands`, which the person can rebind in the browser's shortcut settings. */
export type ChapterCommand = 'next-chapter' | 'previous-chapter' | 'toggle-sidebar';

/** A chapter as the popup lists it, on the episode's timeline. */
export interface TabChapter {
  start: number;
  /** Seconds, or null for a last chapter that runs to the end of unknown media. */
  end: number | null;
  title: string;
  /** For the popup's search; absent in replies from older content scripts. */
  description?: string;
  bullets?: string[];
}

/** What a tab's content script reports about its media, for the popup. */
export interface TabState {
  site: string;
  media: EpisodeRef;
  episode: {
    id: string;
    show: string;
    title: string;
    linked: boolean;
    chapters: TabChapter[];
    /** Where the chapters come from: 'library', or the page's 'description', 'chapters', 'auto-chapters'. */
    origin?: string;
  } | null;
  activeIndex: number;
  /** On the episode's timeline, at the moment of the reply. */
  currentTime: number;
  paused: boolean;
  playbackRate: number;
  sidebarVisible: boolean;
  /** A text field on the page has focus: keyboard commands wait rather than act mid-typing. */
  typing: boolean;
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

/** An episode as the options page lists it: everything but its chapters. */
export interface LibraryEntry {
  id: string;
  show: string;
  title: string;
  altTitles: string[];
  chapterCount: number;
  duration: number | null;
  /** Bundled episodes ship with Chapterbar and cannot be renamed or deleted. */
  origin: 'bundled' | 'imported';
  /** An import with a bundled episode's id stands in for it; deleting it brings the bundled one back. */
  replacesBundled: boolean;
  importedAt: number | null;
  source: ImportSource | null;
  /** Media ids the chapter file names, per site. */
  ids: Record<string, string[]>;
  /** Media the person linked to this episode ("use these chapters for this video"). */
  links: Array<{ site: string; mediaId: string }>;
  /** The episode's own offsets per site (the person's corrections live in `local:offsets`). */
  offsets: Record<string, number>;
  url: string | null;
}

/** A stored value Chapterbar could not read and kept aside; its value is fetched on demand. */
export interface SetAsideNotice {
  id: string;
  key: string;
  label: string;
  reason: string;
  action: 'moved' | 'copied' | 'missing';
  at: number;
}

export interface LibraryListing {
  entries: LibraryEntry[];
  setAside: SetAsideNotice[];
}

/** A change to the library either happened completely or not at all; `message` says why not. */
export type LibraryResult<T extends object = object> = ({ ok: true } & T) | { ok: false; message: string };

export interface SaveEpisodesRequest {
  episodes: Array<{ episode: Episode; source?: ImportSource }>;
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
  /** Opens the library (the options page); content scripts cannot open it themselves. */
  openLibrary(): void;
  /** Remembers (or, with null, forgets) the person's timing correction for an episode on a site. */
  saveOffset(request: { episodeId: string; site: string; seconds: number | null }): LibraryResult;
  /** The sidebar's CSS, by content-script entrypoint name (see sidebar-stylesheet.ts). */
  getSidebarStylesheet(entrypoint: string): string;
  /**
   * The chapters a page publishes, read from what the content script collected of it: parsing
   * happens here, off the page and out of the content script (page-readers.ts), which answers
   * only with chapters it checked itself (page-chapter-request.ts trusts them).
   */
  readPageChapters(material: PageMaterial): PageChaptersReply;
  /**
   * "Copy as Markdown": a chapter's summary as Markdown, formatted here so the formatter stays out
   * of content scripts (chapter-markdown.ts validates the request; a bad one rejects). `end` is
   * null for a last chapter of unknown length: JSON messaging has no Infinity.
   */
  formatChapterMarkdown(request: {
    chapter: { start: number; end: number | null; title: string; description: string; bullets: string[] };
    link: string | null;
  }): string;
  /** The sidebar's editor (issue 16): the stored revision an edit starts from (null: not stored yet). */
  editRevision(request: { id: string }): number | null;
  /** A new episode, named after and linked to what the page plays, for "Make chapters"; null for a bad reference. */
  newEpisode(ref: EpisodeRef): Episode | null;
  /**
   * Saves the editor's episode, made on revision `base`; `replaced` is another tab's save it
   * overwrote, for the sidebar to say so and offer to put back. No chapters left removes it.
   */
  saveEdit(request: { episode: Episode; base: number | null }): SaveEditReply;
  /** An episode in an export format (utils/chapters/export/), written here to keep the writers out of content scripts. */
  exportEpisode(request: { id: string; format: ExportFormat }): ExportReply;
  // popup → background
  getMediaTab(): number | null;
  listEpisodes(): EpisodeSummary[];
  linkEpisode(link: { site: string; mediaId: string; episodeId: string }): void;
  unlinkEpisode(link: { site: string; mediaId: string }): void;
  // options page → background (the background validates every request with zod)
  listLibrary(): LibraryListing;
  /** Full episodes for export; `problems` names those that could not be read. */
  getEpisodes(request: { ids: string[] }): { episodes: Episode[]; problems: string[] };
  saveEpisodes(request: SaveEpisodesRequest): LibraryResult<{ saved: string[] }>;
  renameEpisode(request: { id: string; title: string; show: string }): LibraryResult;
  /** Links the media a pasted address names (a YouTube or Spotify page) to an episode. */
  linkMediaAddress(request: { episodeId: string; address: string }): LibraryResult<{ site: string; mediaId: string }>;
  unlinkMedia(request: { site: string; mediaId: string }): LibraryResult;
  /** Returns what was deleted, so the page can offer to undo. */
  deleteEpisodes(request: { ids: string[] }): LibraryResult<{ removed: EpisodeRecord[] }>;
  restoreEpisodes(request: { records: EpisodeRecord[] }): LibraryResult;
  getSetAside(request: { id: string }): { key: string; value: unknown } | null;
  dismissSetAside(request: { id: string }): LibraryResult;
  // popup or background → content script
  getTabState(): TabState | null;
  seekChapter(index: number): boolean;
  setSidebarVisible(visible: boolean): boolean;
  /** The library or a link changed: look up this page's episode again. */
  reloadEpisode(): void;
  /** "Make chapters": the sidebar opens in edit mode for what this tab plays. */
  startEditing(): boolean;
}

export const { sendMessage, sendTabMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
