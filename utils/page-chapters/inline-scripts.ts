/*
 * Inline scripts that assign a page's data to a variable (`var name = {...};`), found in the DOM.
 * Content scripts run in an isolated world: they share the page's DOM but not its JavaScript
 * objects, so `window.name` is out of reach while the <script> element that set it is not. Only
 * found here, as text, and only windows of it are sent: reading them is the background's work
 * (reading/page-windows.ts).
 */

/** The start of a script that assigns `name`: `var name = ` or `window["name"] = `. */
const assignmentHead = (name: string) => new RegExp(`^\\s*(?:var\\s+${name}|window\\[["']${name}["']\\])\\s*=\\s*`);

/** An inline script found: its text, or only its length when it is longer than the caller reads. */
export type FoundScript = { text: string } | { oversized: number };

/**
 * The first inline script of `doc` that assigns `name`, or undefined when there is none. One
 * longer than `maxChars` is left alone: only its length is told, so that the person can be told
 * why its chapters were not read.
 */
export function findAssigningScript(doc: Document, name: string, maxChars: number): FoundScript | undefined {
  const head = assignmentHead(name);
  for (const script of doc.querySelectorAll('script:not([src])')) {
    const text = script.textContent ?? '';
    if (!head.test(text.slice(0, 200))) continue;
    return text.length > maxChars ? { oversized: text.length } : { text };
  }
  return undefined;
}

/** A key to look for in a page's data: the text it starts with, the characters taken from there, how many places at most. */
export type DataWindow = readonly [key: string, chars: number, count: number];

/**
 * The text at each of the first `count` places where `text` holds a key, `chars` long. Found with
 * the native indexOf, which runs over megabytes far faster than any loop here would on the page's
 * main thread; bounded whatever the page holds (a page stuffed with look-alike keys included).
 */
export function cutWindows(text: string, keys: readonly DataWindow[]): string[] {
  const windows: string[] = [];
  for (const [key, chars, count] of keys) {
    for (let at = -1, left = count; left-- > 0 && (at = text.indexOf(key, at + 1)) >= 0;) windows.push(text.slice(at, at + chars));
  }
  return windows;
}
