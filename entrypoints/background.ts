import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { loadBundledEpisodes } from '../utils/library/bundled-episodes';
import { answerMarkdownRequest } from '../utils/background/chapter-markdown';
import { runCommandInActiveTab } from '../utils/background/commands';
import { createLibraryService } from '../utils/library/service';
import { serve } from '../utils/messaging/senders';
import { readPageMaterial } from '../utils/page-chapters/reading/readers';
import { reinjectAfterInstall } from '../utils/background/reinject';
import { createStylesheetServer } from '../utils/background/sidebar-stylesheet';
import { createFirstPaintMemo } from '../utils/background/first-paint';
import { savePreferenceChange } from '../utils/background/preference-writes';
import { runOnDemand } from '../utils/background/on-demand';

export default defineBackground(() => {
  // The library service validates every request's data with zod; these lines only wire messages to
  // it. `serve` refuses a sender that utils/messaging/senders.ts does not list for the message.
  const library = createLibraryService({ bundled: loadBundledEpisodes() });

  // Each answer is also kept for the next page's first paint (utils/background/first-paint.ts).
  const firstPaint = createFirstPaintMemo();
  serve('findEpisode', async ({ data }) => {
    const stamp = firstPaint.stamp();
    const match = await library.findEpisode(data);
    firstPaint.remember(data, match, stamp);
    return match;
  });
  serve('saveOffset', ({ data }) => library.saveOffset(data));
  serve('savePreferences', ({ data }) => savePreferenceChange(data));
  serve('savePageEpisode', ({ data }) => library.saveEpisodes({ episodes: [data] }));
  serve('answerMatch', ({ data }) => library.answerMatch(data));
  serve('explainMatch', ({ data }) => library.explainMatch(data));
  // Validates the material itself: it comes from a content script, which the page may have fooled.
  serve('readPageChapters', ({ data }) => readPageMaterial(data));
  // Validates the chapter it formats, for the same reason.
  serve('formatChapterMarkdown', ({ data }) => answerMarkdownRequest(data));
  serve('listEpisodes', () => library.summaries());
  serve('linkEpisode', ({ data }) => library.setLink(data, false));
  serve('unlinkEpisode', ({ data }) => library.setLink(data, true));

  serve('listLibrary', () => library.listLibrary());
  serve('getEpisodes', ({ data }) => library.getEpisodes(data));
  serve('saveEpisodes', ({ data }) => library.saveEpisodes(data));
  serve('renameEpisode', ({ data }) => library.renameEpisode(data));
  serve('linkMediaAddress', ({ data }) => library.linkMediaAddress(data));
  serve('unlinkMedia', ({ data }) => library.unlinkMedia(data));
  serve('deleteEpisodes', ({ data }) => library.deleteEpisodes(data));
  serve('restoreEpisodes', ({ data }) => library.restoreEpisodes(data));
  serve('getSetAside', ({ data }) => library.getSetAside(data));
  serve('dismissSetAside', ({ data }) => library.dismissSetAside(data));
  // The sidebar's editor (a content script): validated in episode-edits.ts like every request.
  serve('editRevision', ({ data }) => library.editRevision(data));
  serve('newEpisode', ({ data }) => library.newEpisode(data));
  serve('saveEdit', ({ data }) => library.saveEdit(data));
  serve('exportEpisode', ({ data }) => library.exportEpisode(data));

  serve('openLibrary', () => browser.runtime.openOptionsPage());
  const stylesheet = createStylesheetServer();
  serve('getSidebarStylesheet', ({ data }) => stylesheet(data));
  serve('loadOnDemand', ({ data, sender }) => runOnDemand(data, sender));

  browser.commands.onCommand.addListener((command) => void runCommandInActiveTab(command));
  // Tabs opened before an install or update get the new content scripts; the old ones stop by themselves.
  browser.runtime.onInstalled.addListener(reinjectAfterInstall);
  // The same path the shortcuts take, reachable from the end-to-end tests' service-worker handle.
  Object.assign(globalThis, { chapterbarRunCommand: runCommandInActiveTab });
});
