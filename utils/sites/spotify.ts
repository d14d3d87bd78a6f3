import { parseClock } from '../chapters/time';
import { readBlockText } from '../page-chapters/collect';
import { createSpotifyPlayer, startBridgeReceiver, type BridgeReceiver, type PlayerBar } from './spotify-player';
import { floatingPlacement } from '../sidebar/floating';
import type { EpisodeRef, Placement, SiteAdapter } from './types';
import { showNotesSettled, type ShowNotesMaterial } from './spotify-material';

/*
 * Spotify's web player (open.spotify.com). One single-page app: the player bar at the bottom is on
 * every page and says what plays; the person may browse anywhere while an episode plays, so the
 * episode is read from the bar, never from the URL.
 * Page states covered (checked against a saved open.spotify.com page, May 2025, in
 * ../shared/fixtures/real-world/dom/spotify/, and against public extensions' selectors):
 *   episode page     https://open.spotify.com/episode/4Z7GAJ50bgctf6uclHlWKo (bar: the episode; a real id, from
 *                  yt-dlp@0954d2d9 yt_dlp/extractor/spotify.py, The Guardian's Audio Long Reads)
 *   any other page   https://open.spotify.com/, /show/<id>, /search, /user/<id>/following
 *   right panel      shown (Now Playing view) or hidden by the person
 *   Spotify Connect  the bar shows a position but no media element plays in this tab
 */
const SELECTORS = {
  /** The player bar, a <footer>, on every page once anything is loaded. */
  bar: '[data-testid="now-playing-bar"]',
  /** The bar's left corner: what plays (title, then show or artist). */
  widget: '[data-testid="now-playing-widget"]',
  /** The item's title link: /episode/<id> for an episode, /album/ or /track/ for music. */
  titleLink: '[data-testid="context-item-info-title"] a[href], a[data-testid="context-item-link"]',
  title: '[data-testid="context-item-info-title"]',
  /** An episode's show under its title; music has `context-item-info-artist` there instead. */
  show: 'a[data-testid="context-item-info-show"], [data-testid="context-item-info-subtitles"] a[href*="/show/"]',
  /** Elapsed time as text, whole seconds ("2:16"). */
  position: '[data-testid="playback-position"]',
  /** Length as text; shows the remaining time ("-1:48") when the person toggles it. */
  duration: '[data-testid="playback-duration"]',
  /** The progress slider: value and max in milliseconds, stepping 5 s for the keyboard. */
  progressInput: '[data-testid="playback-progressbar"] input[type="range"]',
  /** aria-label "Pause" while playing, "Play" while paused (English UI). */
  playPause: '[data-testid="control-button-playpause"]',
  /** The right panel (Now Playing view, queue, devices), absent while the person hides it. */
  rightPanelId: 'Desktop_PanelContainer_Id',
  /** The layout grid; its attribute says whether the right panel is hidden. */
  layout: '[data-right-sidebar-hidden]',
  /** Where a video podcast plays in the page (saved page: `.VideoPlayer__container`, in the main view). */
  video: '.VideoPlayer__container',
  /**
   * An episode page's show notes (https://open.spotify.com/episode/<id>), as public scrapers of
   * open.spotify.com select them; not in the saved page (it plays music), so assumed.
   */
  episodeDescription: '[data-testid="episode-description"]',
} as const;

/** The bar's ad marker: "ad-type-none" while the content itself plays. */
const AD_ATTRIBUTE = 'data-testadtype';

/** Spotify ids are 22 base-62 characters; localized pages put /intl-xx/ before the path. */
const ITEM_PATH =
  /^(?:\/intl-[a-z]{2}(?:-[a-z]+)?)?\/(episode|track|album|show|chapter|audiobook|artist|playlist)\/([A-Za-z0-9]{22})(?:\/|$)/i;

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() || undefined;

/** What a bar link points to: `{ kind: 'episode', id }` for /episode/<id>, or null. */
export function readItemLink(href: string | null | undefined): { kind: string; id: string } | null {
  if (!href) return null;
  let path: string;
  try {
    path = new URL(href, 'https://open.spotify.com').pathname;
  } catch {
    return null;
  }
  const match = ITEM_PATH.exec(path);
  return match ? { kind: match[1]!.toLowerCase(), id: match[2]! } : null;
}

function findProgressInput(doc: Document): HTMLInputElement | null {
  return doc.querySelector<HTMLInputElement>(SELECTORS.progressInput);
}

/** Milliseconds from an attribute of the progress slider, when it holds a usable number. */
function readMilliseconds(input: HTMLInputElement | null, attribute: 'value' | 'max'): number | undefined {
  const raw = input?.getAttribute(attribute);
  if (raw === null || raw === undefined || raw.trim() === '') return undefined;
  const ms = Number(raw);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

/** The episode's length in seconds, from the slider's max (ms) or the duration text. */
export function readBarDuration(doc: Document): number | undefined {
  const max = readMilliseconds(findProgressInput(doc), 'max');
  if (max !== undefined && max > 0) return max / 1000;
  const shown = text(doc.querySelector(SELECTORS.duration));
  // "-1:48" is the remaining time, not the length.
  const seconds = shown && !shown.startsWith('-') ? parseClock(shown) : null;
  return seconds !== null && seconds > 0 ? seconds : undefined;
}

/**
 * Where the bar says playback is. The slider's value attribute is React's copy of the position in
 * milliseconds (the saved page has value="136499" beside "2:16"); it is taken when it agrees with
 * the text, which is only whole seconds. (The slider's `value` property snaps to its 5 s step.)
 */
export function readBarPosition(doc: Document): { seconds: number; precise: boolean } | null {
  const shown = text(doc.querySelector(SELECTORS.position));
  const fromText = shown ? parseClock(shown) : null;
  const ms = readMilliseconds(findProgressInput(doc), 'value');
  if (ms !== undefined && (fromText === null || Math.abs(ms / 1000 - fromText) < 1.5)) {
    return { seconds: ms / 1000, precise: true };
  }
  return fromText === null ? null : { seconds: fromText, precise: false };
}

export function readBarPlayState(doc: Document): 'playing' | 'paused' | null {
  const label = doc.querySelector(SELECTORS.playPause)?.getAttribute('aria-label')?.trim();
  if (label === 'Pause') return 'playing';
  if (label === 'Play') return 'paused';
  return null;
}

export function isAdPlaying(doc: Document): boolean {
  const type = doc.querySelector(SELECTORS.bar)?.getAttribute(AD_ATTRIBUTE);
  return type !== null && type !== undefined && type !== 'ad-type-none';
}

/**
 * Moves playback the way dragging the progress bar does. Spotify's React listens to the slider in
 * the page's world; this runs in the isolated world, but both share the DOM, so these events reach
 * React like a person's. The value goes through HTMLInputElement's own setter, as React expects
 * from a browser, with the 5 s step lifted for that moment: a range input snaps values to its step,
 * which would land a chapter up to 2.5 s off.
 */
export function seekWithProgressBar(doc: Document, seconds: number): boolean {
  const input = findProgressInput(doc);
  const InputElement = doc.defaultView?.HTMLInputElement ?? globalThis.HTMLInputElement;
  const setValue = Object.getOwnPropertyDescriptor(InputElement.prototype, 'value')?.set;
  if (!input || !setValue) return false;
  const max = readMilliseconds(input, 'max');
  const ms = Math.round(Math.max(0, max ? Math.min(seconds * 1000, max) : seconds * 1000));
  const step = input.getAttribute('step');
  input.step = 'any';
  setValue.call(input, String(ms));
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  if (step === null) input.removeAttribute('step');
  else input.setAttribute('step', step);
  return true;
}

export function createPlayerBar(doc: Document): PlayerBar {
  return {
    root: () => doc.querySelector(SELECTORS.bar),
    position: () => readBarPosition(doc),
    duration: () => readBarDuration(doc),
    playState: () => readBarPlayState(doc),
    adPlaying: () => isAdPlaying(doc),
    seek: (seconds) => seekWithProgressBar(doc, seconds),
  };
}

/** The right panel, unless the layout says the person hid it. */
function findRightPanel(doc: Document): Element | null {
  // By id and then upwards: this runs on every mutation of the page while the sidebar is shown.
  const panel = doc.getElementById(SELECTORS.rightPanelId);
  return panel?.closest(SELECTORS.layout)?.getAttribute('data-right-sidebar-hidden') === 'true' ? null : panel;
}

/**
 * Where the column goes in the right panel: under the panel's header (its title and close button,
 * the first child of the panel's wrapper), above the scrolling content.
 */
function findPanelPlacement(doc: Document): Placement | null {
  const panel = findRightPanel(doc);
  if (!panel) return null;
  const header = panel.firstElementChild?.firstElementChild;
  return header?.nextElementSibling
    ? { layout: 'column', anchor: header, append: 'after' }
    : { layout: 'column', anchor: panel, append: 'first' };
}

/**
 * Listeners of the main-world bridge, one per window, started by watchPage (which runs as soon as
 * the content script does) and read by findPlayer. Nothing runs on import.
 */
const bridgeReceivers = new WeakMap<Window, BridgeReceiver>();

export const spotify: SiteAdapter = {
  id: 'spotify',
  matches: ['https://open.spotify.com/*'],

  name: 'Spotify',
  mediaUrl: (episodeId) => `https://open.spotify.com/episode/${encodeURIComponent(episodeId)}`,
  // Spotify's "Share from" links: whole seconds in `?t=`.
  mediaUrlAt: (episodeId, seconds) => `${spotify.mediaUrl!(episodeId)}?t=${Math.max(0, Math.floor(seconds))}`,
  mediaKind: 'episode',
  /**
   * The show notes, for their timestamps (spotify-page-chapters.ts reads them), collected on the
   * episode's own page only: the person browses anywhere while an episode plays, and another
   * episode's page must not lend it chapters.
   */
  collectPageChapters(doc, url, ref) {
    const page = readItemLink(url.href);
    if (page?.kind !== 'episode' || !ref.mediaId || page.id !== ref.mediaId) return null;
    const notes = doc.querySelector(SELECTORS.episodeDescription);
    if (!notes) return null;
    const content: ShowNotesMaterial = { notes: readBlockText(notes) };
    const settled = showNotesSettled(content);
    return { site: 'spotify', mediaId: ref.mediaId, ...(ref.duration !== undefined && { duration: ref.duration }), content, settled };
  },

  readEpisode(doc): EpisodeRef | null {
    const widget = doc.querySelector(SELECTORS.widget);
    if (!widget) return null;
    const link = widget.querySelector(SELECTORS.titleLink);
    const item = readItemLink(link?.getAttribute('href'));
    // Music, audiobooks and the rest are never a podcast episode.
    if (item && item.kind !== 'episode') return null;
    const title = text(link) ?? text(widget.querySelector(SELECTORS.title));
    if (!title) return null;
    return {
      site: 'spotify',
      mediaId: item?.id,
      title,
      show: text(widget.querySelector(SELECTORS.show)),
      duration: readBarDuration(doc),
    };
  },

  findPlayer(doc) {
    if (!doc.querySelector(SELECTORS.bar)?.querySelector(SELECTORS.position)) return null;
    const bridge = doc.defaultView ? (bridgeReceivers.get(doc.defaultView) ?? null) : null;
    return createSpotifyPlayer(createPlayerBar(doc), bridge);
  },

  findPlacement(doc): Placement | null {
    if (spotify.isFullscreen(doc)) {
      const screen = doc.fullscreenElement;
      // A bare <video> in fullscreen has no room for anything else.
      return screen && !(screen instanceof HTMLMediaElement) ? { layout: 'overlay', anchor: screen, append: 'last' } : null;
    }
    // Without the right panel (hidden, or renamed by a redesign), a panel over the page, clear of the bar.
    return findPanelPlacement(doc) ?? floatingPlacement(doc);
  },

  keepClear: (doc) => [...doc.querySelectorAll(`${SELECTORS.bar}, ${SELECTORS.video}`)],

  // The web player has one theme.
  readTheme: () => 'dark',

  isFullscreen: (doc) => Boolean(doc.fullscreenElement),

  watchPage(callback, signal) {
    const doc = document;
    const win = window;
    if (!bridgeReceivers.has(win)) {
      bridgeReceivers.set(win, startBridgeReceiver(win, signal));
      signal.addEventListener('abort', () => bridgeReceivers.delete(win), { once: true });
    }
    win.addEventListener('popstate', callback, { signal });
    doc.addEventListener('fullscreenchange', callback, { signal });

    // What plays: the widget's links and text. Its own observer, so the rest of the page's
    // mutations (the position ticking every second among them) never reach the callback.
    const content = new MutationObserver(callback);
    // Which widget and panel exist: React may replace either, and the panel comes and goes.
    let widget: Element | null = null;
    let anchor: Element | null = null;
    const checkStructure = () => {
      const nextWidget = widget?.isConnected ? widget : doc.querySelector(SELECTORS.widget);
      const nextAnchor = findPanelPlacement(doc)?.anchor ?? null;
      if (nextWidget === widget && nextAnchor === anchor) return false;
      anchor = nextAnchor;
      if (nextWidget !== widget) {
        widget = nextWidget;
        content.disconnect();
        if (widget) {
          content.observe(widget, {
            subtree: true,
            childList: true,
            characterData: true,
            attributes: true,
            attributeFilter: ['href', 'aria-label'],
          });
        }
      }
      return true;
    };
    checkStructure();
    const structure = new MutationObserver(() => {
      if (checkStructure()) callback();
    });
    structure.observe(doc, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-right-sidebar-hidden'] });
    signal.addEventListener(
      'abort',
      () => {
        structure.disconnect();
        content.disconnect();
      },
      { once: true },
    );
  },
};
