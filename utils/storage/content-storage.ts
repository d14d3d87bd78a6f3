import { browser } from 'wxt/browser';

type LocalKey = `local:${string}`;

/** The part of a WXT storage item that content scripts use: read, write, watch one key. */
export interface ContentItem<T> {
  key: LocalKey;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** Calls back with the new value (or the fallback, when removed); returns the unwatch function. */
  watch(callback: (value: T) => void): () => void;
}

/**
 * A storage item for values content scripts share with the extension's pages (preferences,
 * offsets, the library revision), on the same keys WXT's storage uses. Hand-written rather than
 * `@wxt-dev/storage` because it runs on every YouTube and Spotify page, where that library's
 * 3 KB (gzipped) of migrations and batching would be paid for three small reads. Values have no
 * version metadata of their own: each reader validates field by field, so an older or newer
 * shape degrades to defaults instead of breaking.
 */
export function defineContentItem<T>(key: LocalKey, options: { fallback: T }): ContentItem<T> {
  const name = key.slice('local:'.length);
  const orFallback = (value: unknown) => (value === undefined || value === null ? options.fallback : (value as T));
  return {
    key,
    async getValue() {
      const stored = await browser.storage.local.get(name);
      return orFallback(stored[name]);
    },
    async setValue(value) {
      await browser.storage.local.set({ [name]: value });
    },
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local' && Object.hasOwn(changes, name)) callback(orFallback(changes[name]!.newValue));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
