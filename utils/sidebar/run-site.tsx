import { signal as createSignal } from '@preact/signals-core';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createChapterClock } from './chapter-clock';
import type { Episode } from '../chapters/schema';
import { t } from '../i18n';
import { sendMessage, type EpisodeMatch } from '../messaging/protocol';
import { createOffsetCorrection, isOffsetAdjustable } from './offset-correction';
import { watchLibraryRevision } from '../storage/library-revision';
import { loadPreferences, savePreferences, watchPreferences, type Preferences } from '../storage/preferences';
import { requestPageChapters } from './page-chapter-request';
import { waitForPageChapters } from '../page-chapters/collect';
import type { ProgressMarkers, showProgressMarkers } from './progress-markers';
import { createSidebarState, type SidebarState } from './state';
import { createSidebarMount } from './mount';
import { serveTabControl } from './tab-control';
import type { EpisodeRef, PageChapterSource, PageEpisode, Placement, Player, SiteAdapter } from '../sites/types';
import { coalesce, waitFor } from './wait-for';


export interface RunSiteOptions {
  findEpisode?: (ref: EpisodeRef) => Promise<EpisodeMatch | null>;
  /**
   * Chapter marks on the site's progress bar, passed in by the entrypoints of sites whose adapter
   * finds one (`findProgressBar`), so that other sites' content scripts do not carry the code.
   */
  progressMarkers?: typeof showProgressMarkers;
}

interface Session {
  ref: EpisodeRef;
  /** Null until the episode is found and the sidebar is built. */
  readonly state: SidebarState | null;
  mediaKey: string;
  title: string | undefined;
  matched: boolean;
  /** The episode found for this media, once found. */
  matchedId?: string;
  controller: AbortController;
  /** Re-reads layout and theme without rebuilding anything. */
  refresh(): void;
}

// The media's id when the page names one: the person may browse elsewhere while it plays (Spotify).
const mediaKeyOf = (ref: EpisodeRef) => (ref.mediaId ? `${ref.site}:${ref.mediaId}` : `${ref.site}::${location.pathname}`);

/**
 * The lifecycle shared by every site: the page changes what it plays → the old episode's session
 * is aborted (UI, listeners, timers all hang off its AbortSignal) → a new one finds the episode,
 * waits for the player and the column, then mounts the sidebar.
 */
export function runSite(ctx: ContentScriptContext, adapter: SiteAdapter, options: RunSiteOptions = {}): void {
  const findEpisode = options.findEpisode ?? ((ref: EpisodeRef) => sendMessage('findEpisode', ref));
  let session: Session | null = null;
  /** "Saved to your library", for the sidebar that the saved episode's arrival rebuilds. */
  let pendingNotice: { mediaKey: string; text: string } | null = null;
  let preferences: Preferences | null = null;
  /** The media the page was loaded with: the only one its inline data can describe. */
  let pageLoadKey: string | null = null;
  // Hiding applies to every tab at once, so it is watched here rather than per episode.
  const hidden = createSignal(false);
  const preferencesReady = loadPreferences().then((value) => {
    preferences = value;
    hidden.value = value.hidden;
  });
  watchPreferences((value) => {
    preferences = value;
    hidden.value = value.hidden;
  }, ctx.signal);
  const mount = createSidebarMount(ctx, hidden);
  // The person's theme setting overrides the site's; "site" follows the page.
  const readSidebarTheme = () => (preferences && preferences.theme !== 'site' ? preferences.theme : adapter.readTheme(document));
  const placementPreferences = () => ({ position: preferences?.position ?? 'beside' });

  const evaluate = coalesce(() => {
    if (ctx.isInvalid) return;
    const ref = adapter.readEpisode(document, new URL(location.href));
    const key = ref ? mediaKeyOf(ref) : '';
    if (session && ref && session.mediaKey === key) {
      // Same media: only a title that arrived late can turn an unmatched page into a match...
      if (session.title === ref.title) return session.refresh();
      if (session.matched) {
        // ...or show that a match was made from the previous video's title, which lingers on
        // YouTube after a navigation: look again, and rebuild only if the episode differs.
        if (ref.title !== undefined) recheckMatch(session, ref);
        return session.refresh();
      }
    }
    session?.controller.abort();
    if (ref) pageLoadKey ??= key;
    session = ref ? startSession(ref, key) : null;
  });

  function startSession(ref: EpisodeRef, mediaKey: string): Session {
    const controller = new AbortController();
    const signal = controller.signal;
    const stop = () => controller.abort();
    ctx.signal.addEventListener('abort', stop, { once: true });
    signal.addEventListener('abort', () => ctx.signal.removeEventListener('abort', stop), { once: true });
    let state: SidebarState | null = null;
    let placement: Placement | null = null;
    let markers: ProgressMarkers | null = null;
    let remount = () => {};
    const current: Session = {
      ref,
      get state() {
        return state;
      },
      mediaKey,
      title: ref.title,
      matched: false,
      controller,
      refresh() {
        if (!state) return;
        markers?.refresh();
        state.theme.value = readSidebarTheme();
        const next = adapter.findPlacement(document, new URL(location.href), placementPreferences());
        if (next && (next.anchor !== placement?.anchor || next.layout !== placement?.layout)) {
          placement = next;
          state.layout.value = next.layout;
          remount();
        }
      },
    };

    // The chapters the page publishes itself (its description's timestamps, the site's chapters):
    // collected here, read by the background, which makes them the episode to show, named after
    // the media. What the server sent with the page (megabytes on YouTube) describes the media the
    // page loaded with, so only that media's first look takes it.
    let firstLook = mediaKey === pageLoadKey;
    const readPage = async (): Promise<PageEpisode | null | false> => {
      const material = adapter.collectPageChapters?.(document, new URL(location.href), current.ref, firstLook) ?? null;
      firstLook = false;
      return material && requestPageChapters({ ...material, title: current.ref.title, show: current.ref.show });
    };

    (async () => {
      void sendMessage('announceMediaTab').catch(() => {});
      const match = await findEpisode(ref);
      if (signal.aborted) return;
      if (match) {
        current.matched = true;
        current.matchedId = match.episode.id;
      }
      // Asked after the match, so that a library episode is never held up behind a first load's
      // megabytes of page data, and shown without waiting for them.
      const firstPage = readPage();
      // A library episode always wins; without one, the page's chapters, which may render a moment after the title.
      let page = match ? null : (await firstPage) || null;
      if (!match && !page) page = await waitForPageChapters(readPage, signal);
      if (signal.aborted || (!match && !page)) return;
      const player = await waitFor(() => adapter.findPlayer(document), signal);
      await preferencesReady;
      placement = await waitFor(() => adapter.findPlacement(document, new URL(location.href), placementPreferences()), signal);
      if (signal.aborted) return;
      remount = () => void mount.remount();

      // As the background had it when matching, then as the person corrects it (switching views keeps it).
      let savedOffset = match?.savedOffset;
      // One view at a time (the library's chapters or the page's); switching replaces it.
      let view: AbortController | null = null;
      const show = async (origin: 'library' | 'page'): Promise<void> => {
        view?.abort();
        const viewController = new AbortController();
        view = viewController;
        const viewSignal = viewController.signal;
        const endView = () => viewController.abort();
        signal.addEventListener('abort', endView, { once: true });
        viewSignal.addEventListener('abort', () => signal.removeEventListener('abort', endView), { once: true });

        const library = origin === 'library' ? match : null;
        const pageChapters = page;
        // A page's episode is named after the media as it was when read; a matched session's title
        // may have arrived since (after a single-page navigation), and the sidebar shows the latest.
        const episode: Episode | null = library
          ? library.episode
          : pageChapters && { ...pageChapters.episode, title: current.ref.title?.trim() || pageChapters.episode.title };
        if (!episode) return;
        // The person's correction for this episode on this site, if any, wins over the episode's estimate.
        // A page's chapters are on the media's own timeline.
        const clock = createChapterClock(episode.chapters, player, library ? savedOffset ?? library.offset : 0, viewSignal);
        const mediaId = ref.mediaId;
        const sidebarState = createSidebarState(episode, clock, {
          layout: placement!.layout,
          theme: readSidebarTheme(),
          collapsed: preferences?.collapsed ?? false,
          expandAll: preferences?.expandAll ?? false,
          autoFollow: preferences?.autoFollow ?? true,
          linked: library?.linked ?? false,
          onCollapsedChange: (collapsed) => void savePreferences({ collapsed }),
          offsetCorrection: library && isOffsetAdjustable(library.episode, ref) ? createOffsetCorrection(library.episode.id, ref.site, library.offset, (seconds) => (savedOffset = seconds ?? undefined)) : undefined,
          origin: library ? 'library' : pageChapters!.source,
          alternative: library ? pageChapters?.source ?? null : match ? 'library' : null,
          site: { name: adapter.name ?? adapter.id, mediaKind: adapter.mediaKind ?? 'video' },
          notice: takeNotice(mediaKey),
          actions: {
            switchOrigin: () => void show(origin === 'library' ? 'page' : 'library'),
            saveToLibrary: library || !pageChapters ? undefined : () => savePageChapters(mediaKey, episode, pageChapters.source),
            openLibrary: () => void sendMessage('openLibrary').catch(() => {}),
            // Links open the media on its own timeline: the chapters' time less the offset.
            linkAt: mediaId && adapter.mediaUrlAt ? (seconds) => adapter.mediaUrlAt!(mediaId, seconds - clock.offset.peek()) : undefined,
          },
        });
        state = sidebarState;
        // Settings from the options page apply at once: position and theme through refresh().
        watchPreferences((value) => {
          preferences = value;
          sidebarState.collapsed.value = value.collapsed;
          sidebarState.expandAll.value = value.expandAll;
          sidebarState.autoFollow.value = value.autoFollow;
          current.refresh();
        }, viewSignal);
        // Marks on the site's progress bar for the library's chapters (the site draws its own).
        markers = library && adapter.findProgressBar && options.progressMarkers ? options.progressMarkers(() => adapter.findProgressBar!(document), clock, player, viewSignal) : null;
        viewSignal.addEventListener('abort', () => mount.hide(sidebarState), { once: true });
        await mount.show(sidebarState, () => placement);
      };
      await show(match ? 'library' : 'page');
      if (match) {
        // The page's own chapters, to switch to, may come or render after the library's are shown.
        void firstPage.then((found) => found || waitForPageChapters(readPage, signal)).then((found) => {
          if (!found || signal.aborted) return;
          page = found;
          if (state?.origin === 'library') state.alternative.value = found.source;
        });
      }
      if (match && ref.duration === undefined) verifyDuration(ref, match, player, controller);
    })().catch((error: unknown) => {
      if (!signal.aborted) console.warn('[Chapterbar]', error);
    });
    return current;
  }

  /**
   * Saves a page's chapters through the library's own save path (the background validates them).
   * The library's change then rebuilds this page's sidebar with the saved episode, which finds the
   * note left here and says it was saved.
   */
  async function savePageChapters(mediaKey: string, episode: Episode, source: PageChapterSource): Promise<{ ok: true } | { ok: false; message: string }> {
    const result = await sendMessage('saveEpisodes', { episodes: [{ episode, source: source === 'description' ? { format: 'timestamp-list' } : {} }] });
    if (!result.ok) return { ok: false, message: result.message };
    pendingNotice = { mediaKey, text: t('savedToLibrary') };
    return { ok: true };
  }

  /** The note for the next sidebar of this media, once. */
  function takeNotice(mediaKey: string): string | null {
    const notice = pendingNotice?.mediaKey === mediaKey ? pendingNotice.text : null;
    pendingNotice = null;
    return notice;
  }

  /** A matched session's title changed: its sidebar stays only if the new title leads to the same episode. */
  function recheckMatch(active: Session, ref: EpisodeRef) {
    active.title = ref.title;
    findEpisode(ref).then(
      (match) => {
        if (session !== active || active.controller.signal.aborted) return;
        if (match?.episode.id === active.matchedId) {
          active.ref = ref;
          return;
        }
        active.controller.abort();
        session = null;
        evaluate();
      },
      // No answer (the extension is being updated): the sidebar shown stays until the next look.
      () => {},
    );
  }

  /** A title match is re-checked against the media's length once the media knows it. */
  function verifyDuration(ref: EpisodeRef, match: EpisodeMatch, player: Player, controller: AbortController) {
    const waiting = new AbortController();
    controller.signal.addEventListener('abort', () => waiting.abort(), { once: true });
    const check = () => {
      const duration = player.duration();
      if (duration === undefined || waiting.signal.aborted) return;
      waiting.abort();
      void findEpisode({ ...ref, duration }).then((again) => {
        if (again?.episode.id !== match.episode.id) controller.abort();
      });
    };
    player.onChange(check, waiting.signal);
    check();
  }

  serveTabControl(
    {
      session: () => session,
      sidebarVisible: () => !hidden.value,
      setSidebarVisible: (visible) => {
        hidden.value = !visible;
        void savePreferences({ hidden: !visible });
      },
      reloadEpisode: () => {
        session?.controller.abort();
        session = null;
        evaluate();
      },
    },
    ctx.signal,
  );
  // The library changed (an import, a rename, a delete, a link): look this page's episode up
  // again, and rebuild the sidebar only when what it shows changed, so other imports leave it be.
  watchLibraryRevision(() => {
    const active = session;
    void (async () => {
      const shown = active?.state;
      if (active && shown) {
        const match = await findEpisode(active.ref).catch(() => null);
        // A page's chapters stay until the library has an episode for this media (saved from them, say).
        const same =
          shown.origin === 'library'
            ? match !== null && match.linked === shown.linked && JSON.stringify(match.episode) === JSON.stringify(shown.episode)
            : match === null;
        if (same || session !== active) return;
      }
      session?.controller.abort();
      session = null;
      evaluate();
    })();
  }, ctx.signal);
  // The popup, opened in a tab of its own, looks for the media tab the person used last.
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'visible' && session) void sendMessage('announceMediaTab').catch(() => {});
  });
  adapter.watchPage(evaluate, ctx.signal);
  evaluate();
}
