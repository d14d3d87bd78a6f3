/*
 * JSON a page assigns to a variable in an inline script (`var name = {...};`), read from the
 * script's text. Content scripts run in an isolated world: they share the page's DOM but not its
 * JavaScript objects, so `window.name` is out of reach while the <script> element that set it is
 * not. Bounded: scripts past `maxChars` are left alone, and the scan is one linear pass.
 */

/**
 * What each script element assigns, per variable name, once looked at: a page keeps its first-load
 * scripts and they never change, so a page read again (while waiting for chapters to render)
 * neither copies a megabyte of script text nor parses it twice.
 */
const cache = new WeakMap<Element, Map<string, { value: unknown } | null>>();

/**
 * The value assigned to `name` by an inline script of `doc` (`var name = {...}` or
 * `window["name"] = {...}`), or undefined when there is none, it is too large, or not JSON.
 */
export function readScriptJson(doc: Document, name: string, maxChars: number): unknown {
  const head = new RegExp(`^\\s*(?:var\\s+${name}|window\\[["']${name}["']\\])\\s*=\\s*`);
  for (const script of doc.querySelectorAll('script:not([src])')) {
    let seen = cache.get(script);
    if (!seen) cache.set(script, (seen = new Map()));
    const known = seen.get(name);
    if (known === null) continue;
    if (known) return known.value;
    const text = script.textContent ?? '';
    const match = head.exec(text.slice(0, 200));
    if (!match) {
      seen.set(name, null);
      continue;
    }
    const value = text.length > maxChars ? undefined : readJsonObject(text, match[0].length);
    seen.set(name, { value });
    return value;
  }
  return undefined;
}

/**
 * The JSON object that starts at `from`, found by matching braces outside strings (the script may
 * go on after it: `;var meta = …`), then parsed. Undefined when it is not one.
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
    else if (c === 123 /* { */ || c === 91 /* [ */) depth++;
    else if (c === 125 /* } */ || c === 93 /* ] */) {
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
