import { cutWindows, findAssigningScript } from '../page-chapters/inline-scripts';
import { PAGE_LIMITS, readBlockText } from '../page-chapters/collect';
import { createMediaPlayer } from './media-player';
import type { EpisodeRef, OmittedData, PageChapterSource, Placement, SiteAdapter } from './types';
import { readPage, type PageKind } from './youtube-addresses';
import { DATA_WINDOWS } from './youtube-data-windows';
import { watchPageSettled, type WatchPageMaterial, type WatchPanelItem } from './youtube-material';

/*
 * YouTube, desktop (www), mobile (m.) and embeds (www and youtube-nocookie).
 * Page states covered, with example URLs:
 *   watch page  https://www.youtube.com/watch?v=C6Zpjij5AF4
 *   live page   https://www.youtube.com/live/C6Zpjij5AF4
 *   mobile      https://m.youtube.com/watch?v=C6Zpjij5AF4
 *   embed       https://www.youtube.com/embed/C6Zpjij5AF4, https://www.youtube-nocookie.com/embed/C6Zpjij5AF4
 */
const SELECTORS = {
  /** The page's one real player; hover previews (`ytd-video-preview`) live outside it. */
  player: '#movie_player, .html5-video-player',
  mainVideo: 'video.html5-main-video, video.video-stream',
  /** Desktop watch page: carries `video-id`, `theater`, `fullscreen` and `is-two-columns_`. */
  watchFlexy: 'ytd-watch-flexy',
  /** Desktop title; only trusted when ytd-watch-flexy's video-id says it is this video's. */
  desktopTitle: 'ytd-watch-metadata #title h1, ytd-watch-metadata h1, h1.ytd-watch-metadata',
  desktopChannel: 'ytd-watch-metadata ytd-channel-name a, ytd-watch-metadata #owner #channel-name a',
  /** Mobile watch page title (ytm-slim-video-metadata). */
  mobileTitle: '.slim-video-information-title, ytm-slim-video-metadata-section-renderer h2, .slim-video-metadata-header h2',
  /** Embed title overlay in the player's top bar. */
  embedTitle: '.ytp-title-link, .ytp-title-text a',
  /** Desktop right column (its inner wrapper when rendered); the sidebar goes at its top. */
  secondaryInner: '#secondary-inner',
  secondary: '#secondary',
  /** Desktop single-column layout (narrow windows): the title block under the player. */
  below: '#below',
  belowMetadata: '#below ytd-watch-metadata',
  /** The seek bar's box in the player's bottom controls (watch, mobile and embed players alike). */
  progressBar: '.ytp-progress-bar-container',
  // The page's own chapters, rendered (see youtube-page-chapters.ts for where else they are).
  /** Engagement panels, hidden until opened but in the DOM, by their target id (PANEL_IDS). */
  panel: (targetId: string) => `ytd-engagement-panel-section-list-renderer[target-id="${targetId}"]`,
  panelItem: 'ytd-macro-markers-list-item-renderer',
  /**
   * An <h3> since June 2026 (SponsorBlock@93057529 "Fix YouTube chapters sometimes not being shown",
   * `#details h4` → `#details h3`), an <h4> before: both, so either markup reads.
   */
  itemTitle: 'h3, h4',
  itemTime: '#time',
  itemLink: 'a[href*="/watch"]',
  /** The description under the title: the inline expander's text (real), or its container. */
  description: 'ytd-watch-metadata #description-inline-expander yt-attributed-string, ytd-watch-metadata #description-inner',
  /** YouTube links each timestamp of a description to its video (and moment). */
  descriptionLinks: 'a[href*="/watch"]',
} as const;

/** The engagement panels that divide the video into chapters: the creator's, and YouTube's generated ones. */
export const PANEL_IDS: Record<Exclude<PageChapterSource, 'description'>, string> = {
  chapters: 'engagement-panel-macro-markers-description-chapters',
  'auto-chapters': 'engagement-panel-macro-markers-auto-chapters',
};

/** Bounds of one look at a watch page, beyond PAGE_LIMITS. */
export const WATCH_PAGE_LIMITS = {
  /** What is sent of the first load's inline scripts, never the scripts themselves (youtube-data-windows.ts says why). */
  windows: DATA_WINDOWS,
  /** Longer scripts are not searched: indexOf's time on the page's thread, ~1.4 ms per MB and key at worst; the person is told. */
  maxScriptChars: { ytInitialData: 5_000_000, ytInitialPlayerResponse: 2_000_000 },
  /** The description selector matches two elements on real pages (the text and its container). */
  maxDescriptions: 10,
  maxDescriptionLinks: 200,
} as const;

const cut = (text: string | null | undefined) => (text ?? '').slice(0, PAGE_LIMITS.maxItemChars);
const cutOrNull = (text: string | null | undefined) => (text === null || text === undefined ? null : cut(text));

function collectPanel(panel: Element): WatchPanelItem[] {
  return [...panel.querySelectorAll(SELECTORS.panelItem)].slice(0, PAGE_LIMITS.maxChapters * 2).map((item) => {
    return {
      link: cutOrNull(item.querySelector(SELECTORS.itemLink)?.getAttribute('href')),
      time: cut(item.querySelector(SELECTORS.itemTime)?.textContent),
      title: cut(item.querySelector(SELECTORS.itemTitle)?.textContent),
    };
  });
}

/** A watch page's chapter material, or null while it holds none; why inline data was left out goes to `notes`. */
function collectWatchPage(doc: Document, first: boolean, notes: OmittedData[]): WatchPageMaterial | null {
  const material: WatchPageMaterial = {
    shownVideoId: cutOrNull(doc.querySelector(SELECTORS.watchFlexy)?.getAttribute('video-id')),
    panels: {},
    descriptions: [...doc.querySelectorAll(SELECTORS.description)].slice(0, WATCH_PAGE_LIMITS.maxDescriptions).map((element) => ({
      text: readBlockText(element),
      links: [...element.querySelectorAll(SELECTORS.descriptionLinks)]
        .slice(0, WATCH_PAGE_LIMITS.maxDescriptionLinks)
        .map((anchor) => cut(anchor.getAttribute('href'))),
    })),
  };
  for (const source of ['chapters', 'auto-chapters'] as const) {
    const panel = doc.querySelector(SELECTORS.panel(PANEL_IDS[source]));
    if (panel) material.panels[source] = collectPanel(panel);
  }
  if (first) {
    // After a single-page navigation these describe the first video: the reader tells, and
    // later looks leave them out, as they never change.
    for (const [field, name] of [
      ['initialData', 'ytInitialData'],
      ['playerResponse', 'ytInitialPlayerResponse'],
    ] as const) {
      const limit = WATCH_PAGE_LIMITS.maxScriptChars[name];
      const found = findAssigningScript(doc, name, limit);
      if (found && 'text' in found) material[field] = cutWindows(found.text, WATCH_PAGE_LIMITS.windows[name]);
      else if (found) notes.push({ chars: found.oversized, limit });
    }
  }
  const empty =
    material.descriptions.length === 0 &&
    Object.keys(material.panels).length === 0 &&
    material.initialData === undefined &&
    material.playerResponse === undefined;
  return empty && notes.length === 0 ? null : material;
}

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() || undefined;

function readTabTitle(doc: Document): string | undefined {
  return doc.title.replace(/\s+-\s+YouTube\s*$/, '').trim() || undefined;
}

function findMovieElement(doc: Document): HTMLElement | null {
  // By id first: the clock asks at every media event and the ad watch at every class change of the
  // player, and a selector list walks the document up to its first match (thousands of elements
  // on a real watch page) where the id is one look-up. It also makes the page's main player win
  // over another player of the same class that comes before it in the page.
  return doc.getElementById('movie_player') ?? doc.querySelector<HTMLElement>(SELECTORS.player);
}

function readTitle(doc: Document, kind: PageKind, videoId: string): string | undefined {
  if (kind === 'watch') {
    // After a single-page navigation the old title lingers until YouTube re-renders it.
    const flexy = doc.querySelector(SELECTORS.watchFlexy);
    // The server-rendered page, before YouTube's app starts, has only the tab title, and it is
    // this video's. Later, the tab title lags navigation, so only the verified heading counts.
    if (!flexy) return readTabTitle(doc);
    const flexyId = flexy.getAttribute('video-id');
    if (flexyId && flexyId !== videoId) return undefined;
    return text(doc.querySelector(SELECTORS.desktopTitle));
  }
  if (kind === 'mobile') return text(doc.querySelector(SELECTORS.mobileTitle));
  return text(doc.querySelector(SELECTORS.embedTitle)) ?? readTabTitle(doc);
}

export const youtube: SiteAdapter = {
  id: 'youtube',
  name: 'YouTube',
  matches: ['https://www.youtube.com/*', 'https://m.youtube.com/*', 'https://www.youtube-nocookie.com/embed/*'],

  mediaUrl: (videoId) => `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}`,
  // YouTube's own "Copy video URL at current time" form: whole seconds, `&t=123s`.
  mediaUrlAt: (videoId, seconds) => `${youtube.mediaUrl!(videoId)}&t=${Math.max(0, Math.floor(seconds))}s`,
  mediaKind: 'video',

  readEpisode(doc, url): EpisodeRef | null {
    const page = readPage(url);
    if (!page) return null;
    const video = findMovieElement(doc)?.querySelector<HTMLVideoElement>(SELECTORS.mainVideo);
    const duration = video && Number.isFinite(video.duration) && video.duration > 0 ? video.duration : undefined;
    return {
      site: 'youtube',
      mediaId: page.videoId,
      title: readTitle(doc, page.kind, page.videoId),
      duration,
    };
  },

  collectPageChapters(doc, url, ref, first) {
    const page = readPage(url);
    // Embeds carry no description or chapter panels of their own.
    if (!page || page.kind === 'embed' || ref.mediaId !== page.videoId) return null;
    const notes: OmittedData[] = [];
    const content = collectWatchPage(doc, first, notes);
    const note = notes.length > 0 ? { omitted: notes } : {};
    if (!content) return null;
    const settled = watchPageSettled(content, page.videoId);
    return {
      site: 'youtube',
      mediaId: page.videoId,
      ...(ref.duration !== undefined && { duration: ref.duration }),
      content,
      settled,
      ...note,
    };
  },

  findProgressBar(doc) {
    return findMovieElement(doc)?.querySelector<HTMLElement>(SELECTORS.progressBar) ?? null;
  },

  keepClear(doc) {
    const movie = findMovieElement(doc);
    return movie ? [movie] : [];
  },

  findPlayer(doc) {
    const movie = findMovieElement(doc);
    if (!movie?.querySelector(SELECTORS.mainVideo)) return null;
    const current = () => findMovieElement(doc);
    return createMediaPlayer(doc, {
      findMedia: () => current()?.querySelector<HTMLVideoElement>(SELECTORS.mainVideo) ?? null,
      isEpisodeMedia: (element) => element.closest(SELECTORS.player) === current(),
      // Ads play in the same <video>; YouTube marks the player while they do.
      interrupted: () => current()?.classList.contains('ad-showing') ?? false,
      watchExtra(callback, signal) {
        let wasAd = current()?.classList.contains('ad-showing') ?? false;
        const observer = new MutationObserver(() => {
          const isAd = current()?.classList.contains('ad-showing') ?? false;
          if (isAd !== wasAd) {
            wasAd = isAd;
            callback();
          }
        });
        const element = current();
        if (element) observer.observe(element, { attributes: true, attributeFilter: ['class'] });
        signal.addEventListener('abort', () => observer.disconnect(), { once: true });
      },
    });
  },

  findPlacement(doc, url, preferences): Placement | null {
    const page = readPage(url);
    if (!page) return null;
    const movie = findMovieElement(doc);
    if (page.kind !== 'watch' || youtube.isFullscreen(doc)) {
      return movie ? { layout: 'overlay', anchor: movie, append: 'last' } : null;
    }
    const flexy = doc.querySelector(SELECTORS.watchFlexy);
    // YouTube drops `is-two-columns_` on narrow windows and moves the right column under the player.
    const twoColumns = !flexy || flexy.hasAttribute('is-two-columns_') || !doc.querySelector(SELECTORS.below);
    // "Below the player" uses the single-column spot, under the title, in both layouts.
    if (!twoColumns || preferences?.position === 'below') {
      const metadata = doc.querySelector(SELECTORS.belowMetadata);
      if (metadata) return { layout: 'column', anchor: metadata, append: 'after' };
      const below = doc.querySelector(SELECTORS.below);
      return below ? { layout: 'column', anchor: below, append: 'first' } : null;
    }
    const column = doc.querySelector(SELECTORS.secondaryInner) ?? doc.querySelector(SELECTORS.secondary);
    return column ? { layout: 'column', anchor: column, append: 'first' } : null;
  },

  readTheme(doc) {
    const page = readPage(new URL(doc.location.href));
    // Embeds are always dark; the watch pages mark dark mode on <html>.
    if (page?.kind === 'embed') return 'dark';
    return doc.documentElement.hasAttribute('dark') ? 'dark' : 'light';
  },

  isFullscreen(doc) {
    const flexy = doc.querySelector(SELECTORS.watchFlexy);
    return Boolean(flexy?.hasAttribute('fullscreen') || doc.fullscreenElement);
  },

  watchPage(callback, signal) {
    const doc = document;
    // YouTube's own single-page navigation events, plus history moves it does not announce.
    for (const type of ['yt-navigate-finish', 'yt-page-data-updated', 'popstate', 'fullscreenchange']) {
      doc.addEventListener(type, callback, { signal });
    }
    window.addEventListener('popstate', callback, { signal });
    const observer = new MutationObserver(callback);
    observer.observe(doc.documentElement, { attributes: true, attributeFilter: ['dark'] });
    const observeFlexy = () => {
      const flexy = doc.querySelector(SELECTORS.watchFlexy);
      if (flexy) {
        observer.observe(flexy, {
          attributes: true,
          attributeFilter: ['video-id', 'theater', 'fullscreen', 'is-two-columns_'],
        });
      }
    };
    observeFlexy();
    doc.addEventListener('yt-navigate-finish', observeFlexy, { signal });
    // The title element is filled in after navigation; watching <title> catches it on every layout.
    const titleElement = doc.querySelector('title');
    if (titleElement) observer.observe(titleElement, { childList: true, characterData: true, subtree: true });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  },
};
