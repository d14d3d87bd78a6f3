import { sendMessage } from '../messaging/protocol';

/*
 * The content script's stylesheet (the sidebar's, and on YouTube the progress-bar marks'), asked
 * from the background once per page and shared by every shadow root that needs it. See
 * sidebar-stylesheet.ts for why it is not a string inside the script.
 */
let stylesheet: Promise<string> | null = null;

export function loadStylesheet(): Promise<string> {
  stylesheet ??= sendMessage('getSidebarStylesheet', import.meta.env.ENTRYPOINT).then(String);
  // A failed request (the extension was just updated) is tried again by the next caller.
  stylesheet.catch(() => {
    stylesheet = null;
  });
  return stylesheet;
}
