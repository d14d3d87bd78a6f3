import { signal as createSignal } from '@preact/signals-core';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Episode } from '../chapters/schema';
import { t } from '../i18n';
import { sendMessage, type EpisodeMatch } from '../messaging/protocol';
import { watchLibraryRevision } from '../storage/library-revision';
import { loadPreferences, watchPreferences, type Preferences } from '../storage/preferences';
import { savePreferences } from '../storage/save-preferences';
import { mediaKeyOf, startEpisodeSession, type Session, type SessionHost } from './episode-session';
import type { showProgressMarkers } from './progress-markers';
import { createSidebarMount } from './mount';
import { serveTabControl } from './tab-control';
import type { EpisodeRef, PageChapterSource, SiteAdapter } from '../sites/types';
import { coalesce } from './wait-for';

export interface RunSiteOptions {
  findEpisode?: (ref: EpisodeRef) => Promise<EpisodeMatch | null>;
  /**
   * Chapter marks on the site's progress bar, passed in by the entrypoints of sites whose adapter
   * finds one (`findProgressBar`), so that other sites' content scripts do not carry the code.
   */
  progressMarkers?: typeof showProgressMarkers;
  /** The person's preferences, when read already (early-start.ts reads them at document_start). */
  preferences?: Promise<Preferences>;
  /**
   * Drops the answers `findEpisode` keeps (early-start.ts), before a look-up the person asked for:
   * after their answer or edit, the change's storage event may reach this page after the reply.
   */
  forgetAnswers?: () => void;
}

/**
 * The lifecycle shared by every site: the page changes what it plays → the old episode's session
 * is aborted (UI, listeners, timers all hang off its AbortSignal) → a new one finds the episode,
 * waits for the player and the column, then mounts the sidebar (`episode-session.ts`).
 */
export function runSite(ctx: ContentScriptContext, adapter: SiteAdapter, options: RunSiteOptions = {}): void {
  const findEpisode = options.findEpisode ?? ((ref: EpisodeRef) => sendMessage('findEpisode', ref));
  let session: Session | null = null;
  /** "Saved to your library", for the sidebar that the saved episode's arrival rebuilds. */
  let pendingNotice: { mediaKey: string; text: string } | null = null;
  let preferences: Preferences | null = null;
  /** The media the page was loaded with: the only one its inline data can describe. */
  let pageLoadKey: string | null = null;
  /** Its inline data was taken: megabytes on YouTube, read once per page load. */
  let pageLoadRead = false;
  // Hiding applies to every tab at once, so it is watched here rather than per episode.
  const hidden = createSignal(false);
  const setPreferences = (value: Preferences) => {
    preferences = value;
    hidden.value = value.hidden;
  };
  const preferencesReady = (options.preferences ?? loadPreferences()).then(setPreferences);
  watchPreferences(setPreferences, ctx.signal);

  const host: SessionHost = {
    adapter,
    mount: createSidebarMount(ctx, hidden),
    findEpisode,
    preferencesReady,
    preferences: () => preferences,
    setPreferences: (value) => (preferences = value),
    takePageLoad: (mediaKey) => {
      if (mediaKey !== pageLoadKey || pageLoadRead) return false;
      pageLoadRead = true;
      return true;
    },
    takeNotice,
    savePageChapters,
    progressMarkers: options.progressMarkers,
    restart: lookAgain,
  };

  /**
   * Starts over for what the page plays now. `known` is a match already made, used only when it
   * was made for this very media and title (the page may have moved on while it was asked).
   */
  function restart(known?: { ref: EpisodeRef; match: EpisodeMatch | null }) {
    session?.controller.abort();
    session = null;
    const ref = adapter.readEpisode(document, new URL(location.href));
    if (!ref || ctx.isInvalid) return;
    const key = mediaKeyOf(ref);
    pageLoadKey ??= key;
    const reusable = known && mediaKeyOf(known.ref) === key && known.ref.title === ref.title;
    session = startEpisodeSession(host, ref, key, ctx.signal, reusable ? known.match : undefined);
  }

  /** Starts over at the person's word (an answer, an edit, the popup): a look-up of its own, or the match made for it. */
  function lookAgain(known?: { ref: EpisodeRef; match: EpisodeMatch | null }) {
    if (!known) options.forgetAnswers?.();
    restart(known);
  }

  const evaluate = coalesce(() => {
    if (ctx.isInvalid) return;
    const ref = adapter.readEpisode(document, new URL(location.href));
    if (session && ref && session.mediaKey === mediaKeyOf(ref)) {
      // Same media: only a title that arrived late can turn an unmatched page into a match...
      if (session.title === ref.title) return session.refresh();
      if (session.matched) {
        // ...or show that a match was made from the previous video's title, which lingers on
        // YouTube after a navigation: look again, and rebuild only if the episode differs.
        if (ref.title !== undefined) recheckMatch(session, ref);
        return session.refresh();
      }
    }
    restart();
  });

  /**
   * Saves a page's chapters through the library's own save path (the background validates them).
   * The library's change then rebuilds this page's sidebar with the saved episode, which finds the
   * note left here and says it was saved.
   */
  async function savePageChapters(
    mediaKey: string,
    episode: Episode,
    source: PageChapterSource,
  ): Promise<{ ok: true } | { ok: false; message: string }> {
    const result = await sendMessage('savePageEpisode', { episode, source: source === 'description' ? { format: 'timestamp-list' } : {} });
    if (!result.ok) return { ok: false, message: result.message };
    pendingNotice = { mediaKey, text: t('savedToLibrary') };
    return { ok: true };
  }

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
        restart({ ref, match });
      },
      // No answer (the extension is being updated): the sidebar shown stays until the next look.
      () => {},
    );
  }

  serveTabControl(
    {
      session: () => session,
      sidebarVisible: () => !hidden.value,
      setSidebarVisible: (visible) => {
        hidden.value = !visible;
        void savePreferences({ hidden: !visible });
      },
      readEpisode: () => adapter.readEpisode(document, new URL(location.href)),
      restart: lookAgain,
    },
    ctx.signal,
  );
  // The library changed (an import, a rename, a delete, a link): look this page's episode up
  // again, and rebuild the sidebar only when what it shows changed, so other imports leave it be.
  // The answer is handed to the new session, so one change costs one look-up.
  const recheck = () => {
    const active = session;
    void (async () => {
      const shown = active?.state;
      // The editor saves as the person types; it is the one showing those changes.
      if (shown?.editor.peek()) return;
      if (!active || !shown) return restart();
      let match: EpisodeMatch | null;
      try {
        match = await findEpisode(active.ref);
      } catch {
        return;
      }
      if (session !== active) return;
      // A page's chapters stay until the library has an episode for this media (saved from them, say).
      const same =
        shown.origin === 'library'
          ? match !== null && match.linked === shown.linked && JSON.stringify(match.episode) === JSON.stringify(shown.episode)
          : match === null;
      if (!same) restart({ ref: active.ref, match });
    })();
  };
  watchLibraryRevision(recheck, ctx.signal);
  adapter.watchPage(evaluate, ctx.signal);
  evaluate();
}
