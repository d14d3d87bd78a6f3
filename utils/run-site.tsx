import { effect, signal as createSignal } from '@preact/signals';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import sidebarCss from '../assets/sidebar.css?inline';
import { Sidebar } from '../components/Sidebar';
import { createChapterClock } from './chapter-clock';
import { sendMessage, type EpisodeMatch } from './messaging';
import { loadPreferences, savePreferences, watchPreferences, type Preferences } from './preferences';
import { createSidebarState, type SidebarState } from './sidebar-state';
import { serveTabControl } from './tab-control';
import type { EpisodeRef, Placement, Player, SiteAdapter } from './sites/types';
import { coalesce, waitFor } from './wait-for';

/** Events stopped at the shadow root so the site's shortcuts and player clicks never see them. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'click', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'wheel', 'contextmenu'];

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

const mediaKeyOf = (ref: EpisodeRef) => `${ref.site}:${ref.mediaId ?? ''}:${location.pathname}`;

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
        state.theme.value = adapter.readTheme(document);
        const next = adapter.findPlacement(document, new URL(location.href));
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
      placement = await waitFor(() => adapter.findPlacement(document, new URL(location.href)), signal);
      await preferencesReady;
      if (signal.aborted) return;
      const clock = createChapterClock(match.episode.chapters, player, match.offset, signal);
      state = createSidebarState(match.episode, clock, {
        layout: placement.layout,
        theme: adapter.readTheme(document),
        collapsed: preferences?.collapsed ?? false,
        linked: match.linked,
        onCollapsedChange: (collapsed) => void savePreferences({ collapsed }),
      });
      const sidebarState = state;
      watchPreferences((value) => (sidebarState.collapsed.value = value.collapsed), signal);

      const ui = await createShadowRootUi(ctx, {
        name: 'chapterbar-sidebar',
        position: 'inline',
        anchor: () => placement?.anchor,
        append: (anchor, host) => {
          const mode = placement?.append ?? 'first';
          if (mode === 'first') anchor.prepend(host);
          else if (mode === 'after') anchor.after(host);
          else anchor.append(host);
        },
        css: sidebarCss,
        inheritStyles: true,
        isolateEvents: ISOLATED_EVENTS,
        onMount(container, _shadow, host) {
          host.dataset.layout = sidebarState.layout.peek();
          render(<Sidebar state={sidebarState} />, container);
          const stopHiding = effect(() => {
            host.toggleAttribute('hidden', hidden.value);
          });
          return { container, stopHiding };
        },
        // Unmounting through Preact runs the components' clean-ups before WXT empties the root.
        onRemove(mounted) {
          mounted?.stopHiding();
          if (mounted) render(null, mounted.container);
        },
      });
      if (signal.aborted) return;
      remount = () => {
        ui.remove();
        ui.mount();
      };
      signal.addEventListener('abort', () => ui.remove(), { once: true });
      ui.mount();
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
  // The popup, opened in a tab of its own, looks for the media tab the person used last.
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'visible' && session) void sendMessage('announceMediaTab').catch(() => {});
  });
  adapter.watchPage(evaluate, ctx.signal);
  evaluate();
}
