import { browser, type Browser } from 'wxt/browser';
import { onMessage, type ProtocolMap } from './protocol';
import type { ReceivedMessage } from './transport';

/*
 * Who may send what. A content script runs inside pages Chapterbar does not control, and the page
 * can fool it (or, in a compromised renderer, speak for it): it gets what the sidebar needs and
 * nothing that reads or changes the library as a whole. Library management (list, read, delete,
 * restore, link, import and save, export, set-aside) answers only the extension's own pages.
 */

/**
 * - `page`: the extension's own pages (popup, options; the background too): the sender's URL has the
 *   extension's origin. Not "no `sender.tab`": the options page, and a popup opened as a tab, are
 *   extension pages in a tab.
 * - `content`: a content script in any frame (the sidebar also runs in embeds).
 */
export type SenderKind = 'page' | 'content';

export const ALLOWED_SENDERS: { readonly [K in keyof ProtocolMap]: readonly SenderKind[] } = {
  // What the sidebar needs.
  findEpisode: ['content'],
  openLibrary: ['content', 'page'],
  saveOffset: ['content'],
  // The sidebar's collapse and the popup's "show the sidebar" (through the tab), and the options page.
  savePreferences: ['content', 'page'],
  savePageEpisode: ['content'],
  getSidebarStylesheet: ['content'],
  loadOnDemand: ['content'],
  readPageChapters: ['content'],
  formatChapterMarkdown: ['content'],
  // The sidebar's "Show chapters" / "Not this one" for a plausible match.
  answerMatch: ['content'],
  // The sidebar's editor (issue 16): where an edit starts, each save, its exports. The background
  // checks each edit against the library's schema and queue like any import.
  editRevision: ['content'],
  newEpisode: ['content'],
  saveEdit: ['content'],
  exportEpisode: ['content'],
  // The popup.
  listEpisodes: ['page'],
  linkEpisode: ['page'],
  unlinkEpisode: ['page'],
  // "What Chapterbar sees": why this page matched or did not.
  explainMatch: ['page'],
  // Library management: the options page.
  listLibrary: ['page'],
  getEpisodes: ['page'],
  saveEpisodes: ['page'],
  renameEpisode: ['page'],
  linkMediaAddress: ['page'],
  unlinkMedia: ['page'],
  deleteEpisodes: ['page'],
  restoreEpisodes: ['page'],
  getSetAside: ['page'],
  dismissSetAside: ['page'],
  // To a content script, from the background or the popup. Only the extension can message a
  // content script (no `externally_connectable`), so content scripts do not check, which keeps
  // this table out of their bytes; the row says who sends them.
  getTabState: ['page'],
  seekChapter: ['page'],
  setSidebarVisible: ['page'],
  reloadEpisode: ['page'],
  startEditing: ['page'],
};

/** What kind this sender is: none, for anyone but the extension's own pages and content scripts. */
export function senderKinds(sender: Browser.runtime.MessageSender): SenderKind[] {
  if (sender.id !== browser.runtime.id) return [];
  // The extension's origin, compared as a prefix: `new URL()` gives custom schemes no origin everywhere.
  if (sender.url?.startsWith(browser.runtime.getURL('/'))) return ['page'];
  if (sender.tab?.id === undefined) return [];
  return ['content'];
}

export function isAllowedSender(type: keyof ProtocolMap, sender: Browser.runtime.MessageSender): boolean {
  const allowed = ALLOWED_SENDERS[type];
  return senderKinds(sender).some((kind) => allowed.includes(kind));
}

type DataOf<F> = F extends (...args: infer A) => unknown ? A[0] : undefined;
type ReplyOf<F> = F extends (...args: never[]) => infer R ? Awaited<R> : never;

/**
 * `onMessage` with the table enforced: a sender the table does not list gets a rejection, and the
 * handler never runs. The background registers every handler through this.
 */
export function serve<K extends keyof ProtocolMap>(
  type: K,
  handler: (message: ReceivedMessage<DataOf<ProtocolMap[K]>>) => ReplyOf<ProtocolMap[K]> | Promise<ReplyOf<ProtocolMap[K]>>,
): () => void {
  return onMessage(type, (message) => {
    if (!isAllowedSender(type, message.sender)) throw new Error(`Refused: ${type} is not for this sender`);
    return handler(message);
  });
}
