import { signal as createSignal } from '@preact/signals';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createChapterClock } from './chapter-clock';
import { sendMessage, type EpisodeMatch } from './messaging';
import { createOffsetCorrection, isOffsetAdjustable, loadOffset } from './offsets';
import { watchLibraryRevision } from './library-revision';
import { loadPreferences, savePreferences, watchPreferences, type Preferences } from './preferences';
import { createSidebarState, type SidebarState } from './sidebar-state';
import { createSidebarMount } from './sidebar-mount';
import { serveTabControl } from './tab-control';
import type { EpisodeRef, Placement, Player, SiteAdapter } from './sites/types';
import { coalesce, waitFor } from './wait-for';


export interface RunSiteOptions {
  findEpisode?: (ref: EpisodeRef) => Promise<EpisodeMatch | null>;
}

interface Session {
  ref: EpisodeRef;
  /** Null until the episode is found and the sidebar is built. */
  readonly state: SidebarState | null;
  mediaKey: string;
  title: string | undefined;
  matched: boolean;
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
  let preferences: Preferences | null = null;
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
      // Same media: only a title that arrived late can turn an unmatched page into a match.
      if (session.matched || session.title === ref.title) return session.refresh();
    }
    session?.controller.abort();
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
        state.theme.value = readSidebarTheme();
        const next = adapter.findPlacement(document, new URL(location.href), placementPreferences());
        if (next && (next.anchor !== placement?.anchor || next.layout !== placement?.layout)) {
          placement = next;
          state.layout.value = next.layout;
          remount();
        }
      },
    };

    (async () => {
      void sendMessage('announceMediaTab').catch(() => {});
      const match = await findEpisode(ref);
      if (signal.aborted || !match) return;
      current.matched = true;
      const player = await waitFor(() => adapter.findPlayer(document), signal);
      await preferencesReady;
      placement = await waitFor(() => adapter.findPlacement(document, new URL(location.href), placementPreferences()), signal);
      // The person's correction for this episode on this site, if any, wins over the episode's estimate.
      const savedOffset = await loadOffset(match.episode.id, ref.site).catch(() => undefined);
      if (signal.aborted) return;
      const clock = createChapterClock(match.episode.chapters, player, savedOffset ?? match.offset, signal);
      state = createSidebarState(match.episode, clock, {
        layout: placement.layout,
        theme: readSidebarTheme(),
        collapsed: preferences?.collapsed ?? false,
        expandAll: preferences?.expandAll ?? false,
        autoFollow: preferences?.autoFollow ?? true,
        linked: match.linked,
        onCollapsedChange: (collapsed) => void savePreferences({ collapsed }),
        offsetCorrection: isOffsetAdjustable(match.episode, ref)
          ? createOffsetCorrection(match.episode.id, ref.site, match.offset)
          : undefined,
      });
      const sidebarState = state;
      // Settings from the options page apply at once: position and theme through refresh().
      watchPreferences((value) => {
        preferences = value;
        sidebarState.collapsed.value = value.collapsed;
        sidebarState.expandAll.value = value.expandAll;
        sidebarState.autoFollow.value = value.autoFollow;
        current.refresh();
      }, signal);

      if (signal.aborted) return;
      remount = () => void mount.remount();
      signal.addEventListener('abort', () => mount.hide(sidebarState), { once: true });
      await mount.show(sidebarState, () => placement);
      if (ref.duration === undefined) verifyDuration(ref, match, player, controller);
    })().catch((error: unknown) => {
      if (!signal.aborted) console.warn('[Chapterbar]', error);
    });
    return current;
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
        const same = match !== null && match.linked === shown.linked && JSON.stringify(match.episode) === JSON.stringify(shown.episode);
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
