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
 * Each message as the browser gave it the first time, with its substitutions left as slots (a
 * private-use character and the substitution's index): a sidebar's first render asks for the same
 * few dozen messages on every navigation, most rows with a chapter's title in one, and each
 * getMessage is a call into the extension bindings (a fifth of that render, profiled). The
 * language cannot change during a page's life.
 */
const templates = new Map<string, string>();
const SLOTS = Array.from({ length: 9 }, (_, i) => `\uE000${i}`);

/**
 * The message for `key` in the browser's language, with `$1`…`$9` (named placeholders in
 * messages.json) filled from `substitutions`. Falls back to the key itself, never to nothing, so a
 * missing message shows as a visible bug rather than an empty button.
 */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  let template = templates.get(key);
  if (template === undefined) {
    // Outside an extension page (the bench's scale page, some tests) there is no i18n: checked once
    // here rather than thrown and caught for every row of a long list.
    const i18n = browser?.i18n as { getMessage: GetMessage } | undefined;
    if (typeof i18n?.getMessage !== 'function') return key;
    try {
      template = i18n.getMessage(key, SLOTS);
    } catch {
      template = undefined;
    }
    if (!template) return key;
    templates.set(key, template);
  }
  // One pass over the template: a substitution's own text (a title with "$1" or a slot in it) stays as it is.
  return template.replace(/\uE000(\d)/g, (_, i: string) => String(substitutions[Number(i)] ?? ''));
}

/** "1 chapter" / "5 chapters": browsers' i18n has no plural rules, so the one and the many are two messages. */
export function plural(count: number, one: MessageKey, many: MessageKey): string {
  return count === 1 ? t(one, count) : t(many, count);
}
