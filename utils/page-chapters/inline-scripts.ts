/*
 * Inline scripts that assign a page's data to a variable (`var name = {...};`), found in the DOM.
 * Content scripts run in an isolated world: they share the page's DOM but not its JavaScript
 * objects, so `window.name` is out of reach while the <script> element that set it is not. Only
 * found here, as text: parsing it is the background's work (page-json.ts).
 */

/** The start of a script that assigns `name`: `var name = ` or `window["name"] = `. */
export const assignmentHead = (name: string) => new RegExp(`^\\s*(?:var\\s+${name}|window\\[["']${name}["']\\])\\s*=\\s*`);

/** An inline script found: its text, or only its length when it is longer than the caller reads. */
export type FoundScript = { text: string } | { oversized: number };

/**
 * The first inline script of `doc` that assigns `name`, or undefined when there is none. One
 * longer than `maxChars` is left alone, not cut (a cut object is no JSON): only its length is
 * told, so that the person can be told why its chapters were not read.
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
