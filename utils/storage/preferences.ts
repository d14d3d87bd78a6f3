import { defineContentItem } from './content-storage';
import { PREFERENCES_KEY } from './keys';
import { settingsWrites } from './write-queue';
import type { SidebarPosition } from '../sites/types';

/** "site" follows the page's own light or dark mode; the others override it. */
export type ThemePreference = 'site' | 'light' | 'dark';

export interface Preferences {
  /**
   * The sidebar shows only its header until opened again. The options page sets it as the default
   * state, and the sidebar's own Hide/Show button changes it too, so a page opens as the last one was left.
   */
  collapsed: boolean;
  /** The person turned the sidebar off (popup or shortcut); the popup still works. */
  hidden: boolean;
  position: SidebarPosition;
  /** Every chapter's description and bullets open, not only the current chapter's. */
  expandAll: boolean;
  /** The list scrolls by itself to keep the current chapter in view. */
  autoFollow: boolean;
  theme: ThemePreference;
}

export const DEFAULT_PREFERENCES: Preferences = {
  collapsed: false,
  hidden: false,
  position: 'beside',
  expandAll: false,
  autoFollow: true,
  theme: 'site',
};

/** The values a text setting may take; a boolean setting takes either boolean. */
const CHOICES: Partial<Record<keyof Preferences, readonly string[]>> = {
  position: ['beside', 'below'] satisfies readonly SidebarPosition[],
  theme: ['site', 'light', 'dark'] satisfies readonly ThemePreference[],
};

/**
 * Storage is untrusted (an older version, another tool, a corrupted write): take each field only
 * when it has the right type, so one bad field does not cost the others. Hand-written instead of
 * zod because this runs in the content script, where every kilobyte is paid on every page.
 */
export function readPreferences(raw: unknown): Preferences {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const read: Record<string, unknown> = { ...DEFAULT_PREFERENCES };
  for (const key of Object.keys(DEFAULT_PREFERENCES) as Array<keyof Preferences>) {
    const field = value[key];
    const choices = CHOICES[key];
    if (choices ? choices.includes(field as string) : typeof field === 'boolean') read[key] = field;
  }
  return read as unknown as Preferences;
}

/**
 * The fields of a stored value that readPreferences had to replace with defaults, for the options
 * page to tell the person. A missing field is not a problem: it is a setting never changed.
 */
export function findUnreadablePreferences(raw: unknown): Array<keyof Preferences> {
  if (raw === null || raw === undefined) return [];
  if (typeof raw !== 'object' || Array.isArray(raw)) return Object.keys(DEFAULT_PREFERENCES) as Array<keyof Preferences>;
  const value = raw as Record<string, unknown>;
  const read = readPreferences(raw);
  return (Object.keys(DEFAULT_PREFERENCES) as Array<keyof Preferences>).filter(
    (key) => Object.hasOwn(value, key) && value[key] !== read[key],
  );
}

export const preferencesItem = defineContentItem<Record<string, unknown>>(PREFERENCES_KEY, {
  fallback: { ...DEFAULT_PREFERENCES },
});

export async function loadPreferences(): Promise<Preferences> {
  return readPreferences(await preferencesItem.getValue());
}

/**
 * Background only: applies a checked change through the settings queue (write-queue.ts), so two
 * tabs' changes both stay. Content scripts and pages call `savePreferences` (save-preferences.ts).
 */
export function writePreferences(change: Partial<Preferences>): Promise<void> {
  return settingsWrites(async () => {
    const current = readPreferences(await preferencesItem.getValue());
    await preferencesItem.setValue({ ...current, ...change });
  });
}

export function watchPreferences(callback: (preferences: Preferences) => void, signal: AbortSignal): void {
  const unwatch = preferencesItem.watch((value) => callback(readPreferences(value)));
  signal.addEventListener('abort', unwatch, { once: true });
}
