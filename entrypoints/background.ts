import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { storage } from 'wxt/utils/storage';
import { loadBundledEpisodes } from '../utils/library/bundled-episodes';
import { answerMarkdownRequest } from '../utils/background/chapter-markdown';
import { runCommandInActiveTab } from '../utils/background/commands';
import { createLibraryService } from '../utils/library/service';
import { onMessage } from '../utils/messaging/protocol';
import { readPageMaterial } from '../utils/page-chapters/reading/readers';
import { reinjectAfterInstall } from '../utils/background/reinject';
import { createStylesheetServer } from '../utils/background/sidebar-stylesheet';

/** The tab that last reported media, so a popup opened in a tab of its own can find it. */
const lastMediaTab = storage.defineItem<number | null>('session:lastMediaTab', { fallback: null });

export default defineBackground(() => {
  // The library service validates every request's data with zod; these lines only wire messages to it.
  const library = createLibraryService({ bundled: loadBundledEpisodes() });

  onMessage('findEpisode', ({ data }) => library.findEpisode(data));
  onMessage('saveOffset', ({ data }) => library.saveOffset(data));
  // Validates the material itself: it comes from a content script, which the page may have fooled.
  onMessage('readPageChapters', ({ data }) => readPageMaterial(data));
  // Validates the chapter it formats, for the same reason.
  onMessage('formatChapterMarkdown', ({ data }) => answerMarkdownRequest(data));
  onMessage('listEpisodes', () => library.summaries());
  onMessage('linkEpisode', ({ data }) => library.setLink(data, false));
  onMessage('unlinkEpisode', ({ data }) => library.setLink(data, true));

  onMessage('listLibrary', () => library.listLibrary());
  onMessage('getEpisodes', ({ data }) => library.getEpisodes(data));
  onMessage('saveEpisodes', ({ data }) => library.saveEpisodes(data));
  onMessage('renameEpisode', ({ data }) => library.renameEpisode(data));
  onMessage('linkMediaAddress', ({ data }) => library.linkMediaAddress(data));
  onMessage('unlinkMedia', ({ data }) => library.unlinkMedia(data));
  onMessage('deleteEpisodes', ({ data }) => library.deleteEpisodes(data));
  onMessage('restoreEpisodes', ({ data }) => library.restoreEpisodes(data));
  onMessage('getSetAside', ({ data }) => library.getSetAside(data));
  onMessage('dismissSetAside', ({ data }) => library.dismissSetAside(data));
  // The sidebar's editor (a content script): validated in episode-edits.ts like every request.
  onMessage('editRevision', ({ data }) => library.editRevision(data));
  onMessage('newEpisode', ({ data }) => library.newEpisode(data));
  onMessage('saveEdit', ({ data }) => library.saveEdit(data));
  onMessage('exportEpisode', ({ data }) => library.exportEpisode(data));

  onMessage('announceMediaTab', async ({ sender }) => {
    if (sender.tab?.id !== undefined) await lastMediaTab.setValue(sender.tab.id);
  });
  onMessage('getMediaTab', () => lastMediaTab.getValue());
  onMessage('openLibrary', () => browser.runtime.openOptionsPage());
  const stylesheet = createStylesheetServer();
  onMessage('getSidebarStylesheet', ({ data }) => stylesheet(data));

  browser.commands.onCommand.addListener((command) => void runCommandInActiveTab(command));
  // Tabs opened before an install or update get the new content scripts; the old ones stop by themselves.
  browser.runtime.onInstalled.addListener(reinjectAfterInstall);
  // The same path the shortcuts take, reachable from the end-to-end tests' service-worker handle.
  Object.assign(globalThis, { chapterbarRunCommand: runCommandInActiveTab });
});
