/*
 * JSON a page assigns to a variable in an inline script (`var name = {...};`), read from the
 * script's text. Content scripts run in an isolated world: they share the page's DOM but not its
 * JavaScript objects, so `window.name` is out of reach while the <script> element that set it is
 * not. Bounded: scripts past `maxChars` are left alone, and the scan is one linear pass.
 */

/** Parsed values per script element: a page keeps its first-load scripts, and they never change. */
const cache = new WeakMap<Element, { name: string; value: unknown }>();

/**
 * The value assigned to `name` by an inline script of `doc` (`var name = {...}` or
 * `window["name"] = {...}`), or undefined when there is none, it is too large, or not JSON.
 */
export function readScriptJson(doc: Document, name: string, maxChars: number): unknown {
  const head = new RegExp(`^\\s*(?:var\\s+${name}|window\\[["']${name}["']\\])\\s*=\\s*`);
  for (const script of doc.querySelectorAll('script:not([src])')) {
    const cached = cache.get(script);
    if (cached?.name === name) return cached.value;
    const text = script.textContent ?? '';
    const match = head.exec(text.slice(0, 200));
    if (!match) continue;
    if (text.length > maxChars) return undefined;
    const value = readJsonObject(text, match[0].length);
    cache.set(script, { name, value });
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
