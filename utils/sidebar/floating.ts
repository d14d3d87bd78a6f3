import type { Placement } from '../sites/types';

/**
 * The sidebar's last resort: when the site shows the episode and its player but none of the
 * places the adapter puts the sidebar (a redesign renamed them, or the person hid Spotify's right
 * panel), it floats over the page, where it covers neither the player nor its controls. A site's
 * change then costs layout, not the feature.
 */
export const floatingPlacement = (doc: Document = document): Placement => ({
  layout: 'floating',
  anchor: doc.body ?? doc.documentElement,
  append: 'last',
});

/** How long a page may take to render the adapter's anchor before the sidebar floats instead. */
export const FLOAT_AFTER_MS = 1500;

/**
 * The adapter's placement once the page has it, or the floating one when it has none after
 * `afterMs`. (A timer here, not in a test: sites render their columns a moment after the player.)
 */
export function placeOrFloat(
  find: () => Placement | null,
  signal: AbortSignal,
  afterMs = FLOAT_AFTER_MS,
  root: Node = document,
): Promise<Placement> {
  const found = find();
  if (found) return Promise.resolve(found);
  return new Promise((resolve, reject) => {
    const finish = (placement: Placement) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(placement);
    };
    const observer = new MutationObserver(() => {
      const value = find();
      if (value) finish(value);
    });
    observer.observe(root, { childList: true, subtree: true });
    const timer = setTimeout(() => finish(find() ?? floatingPlacement()), afterMs);
    signal.addEventListener(
      'abort',
      () => {
        observer.disconnect();
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const MARGIN = 8;
/** Shorter than this, a chapter list is not readable: better to overlap the page than shrink further. */
const MIN_HEIGHT = 160;

/**
 * Where the floating panel goes in a viewport: at the right or the left edge, in the tallest band
 * of that strip that none of `keepClear` (the player, its controls) reaches. Pure, for tests.
 */
export function floatingBox(viewport: { width: number; height: number }, keepClear: readonly Box[], preferredWidth = 360): Box {
  const width = Math.max(200, Math.min(preferredWidth, viewport.width - 2 * MARGIN));
  let best: Box | null = null;
  for (const left of [viewport.width - width - MARGIN, MARGIN]) {
    const blocking = keepClear
      .filter((box) => box.width > 0 && box.height > 0 && box.left < left + width && box.left + box.width > left)
      .sort((a, b) => a.top - b.top);
    let top = MARGIN;
    const bands: Array<[number, number]> = [];
    for (const box of blocking) {
      if (box.top - MARGIN > top) bands.push([top, box.top - MARGIN]);
      top = Math.max(top, box.top + box.height + MARGIN);
    }
    if (viewport.height - MARGIN > top) bands.push([top, viewport.height - MARGIN]);
    for (const [from, to] of bands) {
      if (!best || to - from > best.height) best = { left, top: from, width, height: to - from };
    }
  }
  if (best && best.height >= MIN_HEIGHT) return best;
  // Nowhere free enough: the right edge, over the page, above anything at the bottom.
  return { left: viewport.width - width - MARGIN, top: MARGIN, width, height: Math.max(MIN_HEIGHT, viewport.height - 2 * MARGIN) };
}
