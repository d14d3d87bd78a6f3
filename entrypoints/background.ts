import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { loadBundledEpisodes } from '../utils/bundled-episodes';
import { runCommandInActiveTab } from '../utils/commands';
import { episodeRefSchema } from '../utils/episode-ref-schema';
import { createLibrary, type Library } from '../utils/library';
import { linksItem, loadLinks, readLinks, setLink } from '../utils/links';
import { onMessage } from '../utils/messaging';

const linkSchema = z.object({ site: z.string().min(1).max(40), mediaId: z.string().min(1).max(200), episodeId: z.string().min(1) });
const unlinkSchema = linkSchema.omit({ episodeId: true });

/** The tab that last reported media, so a popup opened in a tab of its own can find it. */
const lastMediaTab = storage.defineItem<number | null>('session:lastMediaTab', { fallback: null });

export default defineBackground(() => {
  const bundled = loadBundledEpisodes();
  let library: Library = createLibrary(bundled);
  const ready = loadLinks().then((links) => (library = createLibrary(bundled, links)));
  linksItem.watch((value) => (library = createLibrary(bundled, readLinks(value))));

  onMessage('findEpisode', async ({ data }) => {
    await ready;
    const ref = episodeRefSchema.safeParse(data);
    return ref.success ? library.find(ref.data) : null;
  });
  onMessage('listEpisodes', async () => {
    await ready;
    return library.summaries();
  });
  onMessage('linkEpisode', async ({ data }) => {
    const link = linkSchema.safeParse(data);
    if (link.success) await setLink(link.data.site, link.data.mediaId, link.data.episodeId);
  });
  onMessage('unlinkEpisode', async ({ data }) => {
    const link = unlinkSchema.safeParse(data);
    if (link.success) await setLink(link.data.site, link.data.mediaId, null);
  });
  onMessage('announceMediaTab', async ({ sender }) => {
    if (sender.tab?.id !== undefined) await lastMediaTab.setValue(sender.tab.id);
  });
  onMessage('getMediaTab', () => lastMediaTab.getValue());

  browser.commands.onCommand.addListener((command) => void runCommandInActiveTab(command));
  // The same path the shortcuts take, reachable from the end-to-end tests' service-worker handle.
  Object.assign(globalThis, { chapterbarRunCommand: runCommandInActiveTab });
});
