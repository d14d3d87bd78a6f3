/*
 * Chapters a page publishes, on the content script's side: reading the DOM's text and waiting for
 * the page to render. Nothing here parses or checks chapters, nor makes the episode the sidebar
 * shows of them: the background does (page-readers.ts, page-chapter-lists.ts), so that code stays
 * out of the content scripts, which every YouTube and Spotify page pays for. Zod-free on purpose, too.
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
  /**
   * One rendered string of a chapter list (a title, a time, a link), as collected: room for a
   * title of maxTitleChars with the whitespace the page's markup puts around and inside it.
   */
  maxItemChars: 2_000,
} as const;

/** Elements that end a line, as on screen. */
const BLOCK_TAG = /^(?:ADDRESS|ARTICLE|BLOCKQUOTE|DD|DIV|DL|DT|H[1-6]|HR|LI|OL|P|PRE|SECTION|TABLE|TR|UL)$/;
const SKIPPED_TAG = /^(?:SCRIPT|STYLE|TEMPLATE|NOSCRIPT)$/;

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
    if (SKIPPED_TAG.test(element.tagName)) continue;
    if (element.tagName === 'BR') {
      out += '\n';
      continue;
    }
    const block = BLOCK_TAG.test(element.tagName);
    if (block) {
      newline();
      stack.push({ close: true });
    }
    const children = element.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out.slice(0, max);
}

/**
 * Resolves with the page's chapters once `read` finds them, or null after `timeoutMs`. A
 * description or chapter panel renders a moment after the title on a single-page site, so the
 * page is read at once and again while it changes: at most every `intervalMs`, one read at a time
 * (each read asks the background), and not at all once this settles. Once a read says the page
 * looks settled (false: the media's description is there, without chapters), only every
 * `settledIntervalMs`: a page playing media changes all the time, and reading it for nothing was
 * most of what Chapterbar cost while playing, but a description left over from the previous media
 * can look settled too. At the deadline the read under way, or one last read, decides. A read that
 * fails counts as finding nothing.
 */
export function waitForPageChapters<Found>(read: () => Promise<Found | null | false>, signal: AbortSignal, root: Node = document, timeoutMs = 30_000, intervalMs = 500, settledIntervalMs = 5_000): Promise<Found | null> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let reading = false;
    /** The page changed while a read was under way, which may have missed the change. */
    let changedWhileReading = false;
    let expired = false;
    let done = false;
    const schedule = () => {
      if (done) return;
      if (reading) changedWhileReading = true;
      else timer ??= setTimeout(() => void check(), intervalMs);
    };
    const observer = new MutationObserver(schedule);
    const finish = (value: Found | null) => {
      if (done) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(deadline);
      signal.removeEventListener('abort', stop);
      resolve(value);
    };
    const check = async () => {
      timer = undefined;
      reading = true;
      changedWhileReading = false;
      const found = await read().catch(() => null);
      reading = false;
      if (found === false) intervalMs = settledIntervalMs;
      if (found || expired) finish(found || null);
      else if (changedWhileReading) schedule();
    };
    const stop = () => finish(null);
    const deadline = setTimeout(() => {
      expired = true;
      if (reading) return;
      clearTimeout(timer);
      void check();
    }, timeoutMs);
    if (signal.aborted) return stop();
    signal.addEventListener('abort', stop, { once: true });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    void check();
  });
}
