import { readTimestampEntries } from './chapters/formats/timestamp-lines';
import type { Episode } from './chapters/schema';
import type { EpisodeRef, PageChapter, PageChapters } from './sites/types';

/*
 * Chapters read from a page: the checks every site's reader shares, and the episode the sidebar
 * shows for them. Zod-free on purpose: this runs in content scripts. Everything here treats the
 * page as untrusted: values are type-checked one by one and every loop is bounded.
 */

/** Bounds for what a page can make Chapterbar read. */
export const PAGE_LIMITS = {
  /** More chapters than this is not a chapter list (a heat map, a transcript). */
  maxChapters: 500,
  maxTitleChars: 300,
  /** Descriptions are at most 5,000 characters on YouTube and 4,000 on Spotify. */
  maxTextChars: 50_000,
  /** Fewer than two timestamps are a mention ("the demo at 12:30"), not chapters. */
  minChapters: 2,
} as const;

/** A chapter as the page's data gives it: anything, until checked. */
export interface RawPageChapter {
  start: unknown;
  title: unknown;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Checked chapters from a page's raw list, or null when they are not a usable chapter list:
 * starts must be finite, non-negative, increasing and before the end of the media; titles are text,
 * collapsed and cut to a sane length.
 */
export function tidyPageChapters(raw: readonly RawPageChapter[], duration?: number): PageChapter[] | null {
  const chapters: PageChapter[] = [];
  for (const item of raw.slice(0, PAGE_LIMITS.maxChapters * 2)) {
    const { start, title } = item;
    if (typeof start !== 'number' || !Number.isFinite(start) || start < 0 || typeof title !== 'string') continue;
    if (duration !== undefined && duration > 0 && start >= duration) continue;
    const text = collapse(title).slice(0, PAGE_LIMITS.maxTitleChars);
    const previous = chapters[chapters.length - 1];
    if (!text || (previous && start <= previous.start)) continue;
    chapters.push({ start: Math.round(start * 1000) / 1000, title: text });
  }
  if (chapters.length > PAGE_LIMITS.maxChapters || chapters.length < PAGE_LIMITS.minChapters) return null;
  return chapters;
}

/** Chapters from a description's timestamp lines ("0:00 Intro"), or null when it has none. */
export function readDescriptionChapters(text: string, duration?: number): PageChapter[] | null {
  if (!text) return null;
  const { entries } = readTimestampEntries(text.slice(0, PAGE_LIMITS.maxTextChars), duration);
  const chapters = tidyPageChapters(entries, duration);
  if (!chapters) return null;
  // A range's end ("0:00 - 2:15 Title") survives when it still fits after the checks.
  return chapters.map((chapter, i) => {
    const end = entries.find((entry) => entry.start === chapter.start)?.end;
    const next = chapters[i + 1];
    return end !== undefined && end > chapter.start && (!next || end <= next.start) ? { ...chapter, end } : chapter;
  });
}

const BLOCK_TAGS = new Set(['ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'LI', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL']);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/**
 * An element's text with its line breaks: `<br>` and block elements end a line, as on screen
 * (`textContent` would run "0:00 Intro<br>4:10 Topic" together; `innerText` needs layout and
 * differs between browsers and test DOMs). Iterative, so a hostile page's nesting cannot exhaust
 * the stack, and cut at `max` characters.
 */
export function readBlockText(root: Element, max: number = PAGE_LIMITS.maxTextChars): string {
  let out = '';
  const newline = () => {
    if (out && !out.endsWith('\n')) out += '\n';
  };
  // Closing a block is a marker on the stack: the element itself, after its children.
  const stack: Array<Node | { close: true }> = [root];
  let visited = 0;
  while (stack.length > 0 && out.length < max && visited++ < 200_000) {
    const node = stack.pop()!;
    if ('close' in node) {
      newline();
      continue;
    }
    if (node.nodeType === 3) {
      out += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    if (SKIPPED_TAGS.has(element.tagName)) continue;
    if (element.tagName === 'BR') {
      out += '\n';
      continue;
    }
    const block = BLOCK_TAGS.has(element.tagName);
    if (block) {
      newline();
      stack.push({ close: true });
    }
    const children = element.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out.slice(0, max);
}

/** The id a page's chapters get in the library: one per media, so saving twice replaces. */
export const pageEpisodeId = (ref: EpisodeRef) => `${ref.site}-${ref.mediaId ?? 'page'}`;

/**
 * The episode the sidebar shows for a page's chapters, shaped as a library episode so that every
 * view (sidebar, popup, saving) handles both alike. Its timeline is the media's own: no offsets.
 */
export function createPageEpisode(ref: EpisodeRef, page: PageChapters, fallbackTitle: string): Episode {
  return {
    id: pageEpisodeId(ref),
    show: ref.show ?? '',
    title: ref.title?.trim() || fallbackTitle,
    altTitles: [],
    ids: ref.mediaId ? { [ref.site]: [ref.mediaId] } : {},
    offsets: {},
    ...(ref.duration ? { duration: ref.duration } : {}),
    chapters: page.chapters.map((chapter) => ({ ...chapter, description: '', bullets: [] })),
  };
}

/**
 * Resolves with the page's chapters once `read` finds them, or null after `timeoutMs`. A
 * description or chapter panel renders a moment after the title on a single-page site; the page
 * is read again at most every `intervalMs` while it changes, and not at all once this settles.
 */
export function waitForPageChapters(read: () => PageChapters | null, signal: AbortSignal, root: Node = document, timeoutMs = 30_000, intervalMs = 500): Promise<PageChapters | null> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let done = false;
    const observer = new MutationObserver(() => {
      timer ??= setTimeout(check, intervalMs);
    });
    const finish = (value: PageChapters | null) => {
      if (done) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(deadline);
      signal.removeEventListener('abort', stop);
      resolve(value);
    };
    const check = () => {
      timer = undefined;
      const found = read();
      if (found) finish(found);
    };
    const stop = () => finish(null);
    const deadline = setTimeout(() => finish(read()), timeoutMs);
    if (signal.aborted) return stop();
    signal.addEventListener('abort', stop, { once: true });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
  });
}
