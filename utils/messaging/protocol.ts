import { defineExtensionMessaging, defineTabMessaging } from './transport';
import type { Episode } from '../chapters/schema';
import type { EpisodeRecord, ImportSource } from '../library/store';
import type { EpisodeRef, PageChaptersReply, PageMaterial } from '../sites/types';
import type { Preferences } from '../storage/preferences';
import type { ExportFormat, ExportedChapters } from '../chapters/export/types';

export interface EpisodeMatch {
  episode: Episode;
  /** Seconds added to the site's media time to reach the episode's timeline. */
  offset: number;
  /** Matched through a person's link ("Use chapters from…"), which they can remove. */
  linked: boolean;
  /** The person's own correction for this episode on the page's site, which wins over `offset`. */
  savedOffset?: number;
  /** 'plausible': the sidebar asks "Show chapters" / "Not this one" first. Absent means confident. */
  verdict?: 'confident' | 'plausible';
  score?: number;
  reasons?: MatchReasonReport[];
}

/** One signal a match was judged by (episode-match.ts): whether the page and the episode agree. */
export interface MatchReasonReport {
  signal: string;
  agrees: boolean;
  detail?: string;
}

/** The background's judgement of a page's media, for the popup's "What Chapterbar sees". */
export interface MatchReport {
  verdict: 'confident' | 'plausible' | null;
  score: number;
  episode: { id: string; show: string; title: string } | null;
  reasons: MatchReasonReport[];
  /** Why nothing matched: no title to match by, no episode near, one ruled out, or one refused. */
  why?: 'no-title' | 'no-candidate' | 'contradicted' | 'refused';
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

/**
 * What a tab's content script found for its media, for the popup's "What Chapterbar sees":
 * the library's answer, where the time comes from, and where the sidebar went.
 */
export interface PageSees {
  /**
   * 'page': no library episode, the page's own chapters show; 'asking': a plausible match waits for
   * the person; 'none': no library episode, and no chapters on the page as far as it has been read
   * (it is read again while it changes); 'pending' until both are known.
   */
  lookup: 'pending' | 'confident' | 'plausible' | 'asking' | 'none' | 'page';
  /** Null until the player is found. */
  player: 'media' | 'bridge' | 'text' | null;
  /** "column, first in #secondary-inner", "floating", or null until placed. */
  placement: string | null;
  /** Why the page's own chapters could not all be read (its inline data too large), in words for the person. */
  pageNote?: string;
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
  /** Absent from older content scripts. */
  sees?: PageSees;
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
/** A save from the editor: the new revision, and what it replaced when another tab saved between. */
export type SaveEditReply = { ok: true; revision: number; replaced: Episode | null } | { ok: false; message: string };
export type ExportReply = (ExportedChapters & { fileName: string; mime: string; ok: true }) | { ok: false; message: string };

export interface ProtocolMap {
  // content script → background
  findEpisode(ref: EpisodeRef): EpisodeMatch | null;
  /**
   * The person's answer to "which episode" for a plausible match: accepted, it becomes a link;
   * refused, that episode is never offered for this media again.
   */
  answerMatch(answer: { site: string; mediaId: string; episodeId: string; accept: boolean }): LibraryResult;
  /** Opens the library (the options page); content scripts cannot open it themselves. */
  openLibrary(): void;
  /**
   * Changes some of the person's preferences. The background writes them in one queue with the
   * offsets (storage/write-queue.ts), so two tabs saving at once both keep their change.
   */
  savePreferences(change: Partial<Preferences>): { ok: true } | { ok: false; message: string };
  /** Remembers (or, with null, forgets) the person's timing correction for an episode on a site. */
  saveOffset(request: { episodeId: string; site: string; seconds: number | null }): LibraryResult;
  /**
   * "Save to library" in the sidebar: one episode of the page's own chapters, through the library's
   * save path. Not `saveEpisodes`, which imports anything and is for the options page only.
   */
  savePageEpisode(request: SaveEpisodesRequest['episodes'][number]): LibraryResult<{ saved: string[] }>;
  /** The sidebar's CSS, by content-script entrypoint name (see sidebar-stylesheet.ts). */
  getSidebarStylesheet(entrypoint: string): string;
  /** Runs an on-demand script (`/<name>.js`) in the sender's frame; see utils/sidebar/on-demand.ts. */
  loadOnDemand(name: string): void;
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
  /** How the library judges the media a tab reports (the popup's "What Chapterbar sees"). */
  explainMatch(ref: EpisodeRef): MatchReport | null;
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

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
export const sendTabMessage = /* @__PURE__ */ defineTabMessaging<ProtocolMap>();
