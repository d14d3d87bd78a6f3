import { assignmentHead } from '../inline-scripts';

/*
 * JSON a page assigns to a variable in an inline script (`var name = {...};`), read from the
 * script's text (which the content script finds: inline-scripts.ts). Background only: a real
 * watch page's data is 0.3 to 2 MB, whose JSON.parse would hold up the page's main thread.
 * Bounded: one linear pass over text the caller has already bounded.
 */

/**
 * The value a script's `text` assigns to `name` (`var name = {...}` or `window["name"] = {...}`),
 * or undefined when it assigns none or it is not JSON.
 */
export function readAssignedJson(text: string, name: string): unknown {
  const match = assignmentHead(name).exec(text.slice(0, 200));
  return match ? readJsonObject(text, match[0].length) : undefined;
}

/**
 * Deeper than any page data Chapterbar reads (YouTube's ytInitialData nests about 30 levels). A
 * hostile page's deeply nested object is refused during the scan, before `JSON.parse` spends time
 * (and stack) on it.
 */
export const MAX_JSON_DEPTH = 128;

/**
 * The JSON object that starts at `from`, found by matching braces outside strings (the script may
 * go on after it: `;var meta = …`), then parsed. Undefined when it is not one, or nests deeper
 * than MAX_JSON_DEPTH.
 */
export function readJsonObject(text: string, from: number): unknown {
  if (text[from] !== '{') return undefined;
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > MAX_JSON_DEPTH) return undefined;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--;
      if (depth === 0) {
        try {
          return JSON.parse(text.slice(from, i + 1)) as unknown;
        } catch {
          return undefined;
        }
      }
    }
  }
  return undefined;
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
