import { browser } from 'wxt/browser';
import type messages from '../public/_locales/en/messages.json';

/**
 * Every text a person reads comes from the browser's i18n (`public/_locales/<lang>/messages.json`),
 * so a translation is a file, not a code change. English is the default locale and is complete;
 * a test checks that every key used in the code exists there and every key there is used.
 */
export type MessageKey = keyof typeof messages;

type GetMessage = (name: string, substitutions?: string[]) => string | undefined;

/**
 * The message for `key` in the browser's language, with `$1`…`$9` (named placeholders in
 * messages.json) filled from `substitutions`. Falls back to the key itself, never to nothing, so a
 * missing message shows as a visible bug rather than an empty button.
 */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const fixed = substitutions.length === 0;
  const known = fixed ? plain.get(key) : undefined;
  if (known !== undefined) return known;
  // Outside an extension page (the bench's scale page, some tests) there is no i18n: checked once
  // here rather than thrown and caught for every row of a long list.
  const i18n = browser?.i18n as { getMessage: GetMessage } | undefined;
  if (typeof i18n?.getMessage !== 'function') return key;
  let text: string | undefined;
  try {
    text = i18n.getMessage(key, substitutions.map(String));
  } catch {
    text = undefined;
  }
  if (fixed && text) plain.set(key, text);
  return text || key;
}

/**
 * Messages without substitutions, once read: a sidebar's render asks for the same few dozen labels
 * on every navigation, and each getMessage is a call into the extension bindings. The language
 * cannot change during a page's life.
 */
const plain = new Map<string, string>();

/** "1 chapter" / "5 chapters": browsers' i18n has no plural rules, so the one and the many are two messages. */
export function plural(count: number, one: MessageKey, many: MessageKey): string {
  return count === 1 ? t(one, count) : t(many, count);
}
