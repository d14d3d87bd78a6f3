/**
 * The one interface between Chapterbar and a site. Everything that knows a site's selectors,
 * events and quirks lives in that site's adapter; the rest of the code only sees these types.
 */

/** What a page says it plays. Every field is optional because pages reveal them at different times. */
export interface EpisodeRef {
  /** The adapter's `id`, so ids and offsets are looked up for the right site. */
  site: string;
  /** The site's id for the media (a YouTube video id, a Spotify episode id). */
  mediaId?: string;
  title?: string;
  show?: string;
  /** Seconds, when the page knows it. */
  duration?: number;
}

/**
 * The media as the site exposes it. Times are on the site's own timeline, in seconds.
 * `onChange` reports discontinuities only (play, pause, seek, rate, source or ad changes), never
 * the steady progress of time: the clock schedules itself from those, so playing costs nothing.
 */
export interface Player {
  currentTime(): number;
  duration(): number | undefined;
  paused(): boolean;
  playbackRate(): number;
  /** True while something other than the episode plays (an ad), whose time must not be followed. */
  interrupted(): boolean;
  seek(seconds: number): void;
  onChange(callback: () => void, signal: AbortSignal): void;
}

/** How the chapter list is shown: a column beside the player, or a compact overlay on it. */
export type Layout = 'column' | 'overlay';

export interface Placement {
  layout: Layout;
  /** The element the UI is added to, and where: first child, last child, or right after it. */
  anchor: Element;
  append: 'first' | 'last' | 'after';
}

export type Theme = 'dark' | 'light';

/** Where the person wants the column: beside the player, or under it (the options page sets it). */
export type SidebarPosition = 'beside' | 'below';

export interface PlacementPreferences {
  position: SidebarPosition;
}

/** A site's media, as read from an address a person pasted. */
export interface MediaAddress {
  site: string;
  mediaId: string;
}

export interface SiteAdapter {
  id: string;
  /** The site's name as people write it ("YouTube"), for the options page; defaults to the id. */
  name?: string;
  /** Match patterns, shared with the content script's manifest entry so they cannot drift. */
  matches: string[];
  /** Real URLs the adapter is meant for; a test checks each against `matches` and `readEpisode`. */
  exampleUrls: string[];
  readEpisode(doc: Document, url: URL): EpisodeRef | null;
  /** The page that plays a media id of this site, for the library's "open" links. */
  mediaUrl?(mediaId: string): string;
  /** The reverse of `mediaUrl`: the media an address of this site names, or null; pure. */
  readMediaUrl?(url: URL): MediaAddress | null;
  /** A media id from what people paste: a bare id, an address or a URI of this site; null otherwise. */
  readMediaId?(text: string): string | null;
  /** How the site's media is called in messages ("YouTube video"). */
  mediaNoun?: string;
  findPlayer(doc: Document): Player | null;
  /** Without preferences the site's natural place (beside the player) is meant. */
  findPlacement(doc: Document, url: URL, preferences?: PlacementPreferences): Placement | null;
  readTheme(doc: Document): Theme;
  /** Calls back whenever what the page plays, its layout or its theme may have changed. */
  watchPage(callback: () => void, signal: AbortSignal): void;
  /** Whether the site's player is full screen, where the overlay is the only way to show chapters. */
  isFullscreen(doc: Document): boolean;
}
