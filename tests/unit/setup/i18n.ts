import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from '../../../public/_locales/en/messages.json';

/**
 * WXT's fake browser does not implement i18n.getMessage; unit tests read the English messages the
 * way browsers do: named placeholders ($COUNT$) take their content ($1…$9) from the substitutions,
 * and "$$" is a dollar sign. Components then render the same English as in the browser.
 */
type Message = { message: string; placeholders?: Record<string, { content: string }> };

export function formatMessage(entry: Message, substitutions: readonly string[]): string {
  const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? fill(placeholder.content) : whole;
    })
    .replace(/\$\$/g, '$');
}

fakeBrowser.i18n.getMessage = ((name: string, substitutions?: string | string[]) => {
  const entry = (messages as Record<string, Message>)[name];
  if (!entry) return '';
  return formatMessage(entry, typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []));
}) as typeof fakeBrowser.i18n.getMessage;
