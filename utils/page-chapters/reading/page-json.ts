/*
 * JSON objects in windows of a page's inline scripts (`var name = {...};`), which the content script
 * cuts (inline-scripts.ts) and this reads (page-windows.ts). Background only, bounded: one linear
 * pass over text whose length the message's schema has already bounded.
 */

/**
 * Deeper than any page data Chapterbar reads (YouTube's ytInitialData nests about 30 levels). A
 * hostile page's deeply nested object is refused during the scan, before `JSON.parse` spends time
 * (and stack) on it.
 */
export const MAX_JSON_DEPTH = 128;

/**
 * More objects and arrays than one object of chapter data holds: a real player bar of 100 chapters
 * with thumbnails and a heat map has ~1,300, a chapter panel ~66 an item (its window holds ~16),
 * while a hostile window of `[[]]` holds one every two characters, and building them is most of
 * what `JSON.parse` costs. Refused during the scan, as deeper nesting is.
 */
export const MAX_JSON_CONTAINERS = 4_000;

/** Why no object was found: the text ends first (a window too short for it), or it is no object, nests too deep or holds too much. */
export type NoObject = 'cut' | 'invalid';

/**
 * Where the JSON object that starts at `from` ends (the index after its closing brace), found by
 * matching brackets outside strings (the text may go on after it: `;var meta = …`), or why not.
 */
export function findObjectEnd(text: string, from: number): number | NoObject {
  if (text[from] !== '{') return 'invalid';
  let depth = 0;
  let containers = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > MAX_JSON_DEPTH || ++containers > MAX_JSON_CONTAINERS) return 'invalid';
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      if (--depth === 0) return i + 1;
    }
  }
  return 'cut';
}

/**
 * The JSON object that starts at `from` (see findObjectEnd), parsed: undefined when it is not one,
 * is cut short, nests deeper than MAX_JSON_DEPTH or holds more than MAX_JSON_CONTAINERS.
 */
export function readJsonObject(text: string, from: number): unknown {
  const end = findObjectEnd(text, from);
  return typeof end === 'number' ? parseJson(text.slice(from, end)) : undefined;
}

/** JSON.parse, or undefined for text that is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The value at a path of object keys and array indexes, or undefined; never throws. */
export function dig(value: unknown, ...path: Array<string | number>): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Object.hasOwn(current, key) ? (current as Record<string | number, unknown>)[key] : undefined;
  }
  return current;
}

/** An array at a path, or an empty one. */
export const digArray = (value: unknown, ...path: Array<string | number>): unknown[] => {
  const found = dig(value, ...path);
  return Array.isArray(found) ? found : [];
};
