import { storage } from 'wxt/utils/storage';

export interface Preferences {
  /** The sidebar shows only its header until opened again. */
  collapsed: boolean;
  /** The person turned the sidebar off (popup or shortcut); the popup still works. */
  hidden: boolean;
}

export const DEFAULT_PREFERENCES: Preferences = { collapsed: false, hidden: false };

/**
 * Storage is untrusted (an older version, another tool, a corrupted write): take each field only
 * when it has the right type, so one bad field does not cost the others. Hand-written instead of
 * zod because this runs in the content script, where every kilobyte is paid on every page.
 */
export function readPreferences(raw: unknown): Preferences {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    collapsed: typeof value.collapsed === 'boolean' ? value.collapsed : DEFAULT_PREFERENCES.collapsed,
    hidden: typeof value.hidden === 'boolean' ? value.hidden : DEFAULT_PREFERENCES.hidden,
  };
}

export const preferencesItem = storage.defineItem<Record<string, unknown>>('local:preferences', {
  fallback: { ...DEFAULT_PREFERENCES },
  version: 1,
});

export async function loadPreferences(): Promise<Preferences> {
  return readPreferences(await preferencesItem.getValue());
}

export async function savePreferences(change: Partial<Preferences>): Promise<void> {
  const current = readPreferences(await preferencesItem.getValue());
  await preferencesItem.setValue({ ...current, ...change });
}

export function watchPreferences(callback: (preferences: Preferences) => void, signal: AbortSignal): void {
  const unwatch = preferencesItem.watch((value) => callback(readPreferences(value)));
  signal.addEventListener('abort', unwatch, { once: true });
}
