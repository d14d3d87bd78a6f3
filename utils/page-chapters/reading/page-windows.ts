import type { DataWindow } from '../inline-scripts';
import { findObjectEnd, parseJson } from './page-json';

/*
 * Windows of a page's inline data, as the content script cuts them (inline-scripts.ts, cutWindows):
 * each starts with one of the keys it looks for, and the object the reader wants starts at the
 * key's first `{` (its value, `"playerBar":{…}`, or the object the key opens,
 * `{"panelIdentifier":…}`). Only that object is parsed, never the rest of the window. Background only.
 */

/** The objects a script's windows hold, by key in the order found, and whether some window held none whole. */
export interface WindowObjects {
  byKey: ReadonlyMap<string, unknown[]>;
  /** A window was cut before its object ended, or the object nests deeper than a page's data does. */
  unreadable: boolean;
}

export function readWindows(windows: readonly string[] | undefined, keys: readonly DataWindow[]): WindowObjects {
  const byKey = new Map<string, unknown[]>();
  let unreadable = false;
  for (const text of windows ?? []) {
    // A window that starts with no key is not one the content script cut: nothing in it is read.
    const key = keys.find(([start]) => text.startsWith(start))?.[0];
    if (key === undefined) continue;
    const from = key.indexOf('{');
    const end = findObjectEnd(text, from);
    const value = typeof end === 'number' ? parseJson(text.slice(from, end)) : undefined;
    if (value === undefined) unreadable = true;
    else byKey.set(key, [...(byKey.get(key) ?? []), value]);
  }
  return { byKey, unreadable };
}
