import { signal as createSignal } from '@preact/signals-core';
import { createChapterClock } from './chapter-clock';
import { childController } from './child-abort';
import type { Chapter, Episode } from '../chapters/schema';
import { openSidebarEditor } from './editor-open';
import { sendMessage, type EpisodeMatch } from '../messaging/protocol';
import { createOffsetCorrection, isOffsetAdjustable } from './offset-correction';
import { watchPreferences } from '../storage/preferences';
import { savePreferences } from '../storage/save-preferences';
import { createPageChapterAsker } from './page-chapter-request';
import { waitForPageChapters } from '../page-chapters/collect';
import type { ProgressMarkers } from './progress-markers';
import { createSidebarState, type SidebarState } from './state';
import type { EpisodeRef, OmittedData, PageEpisode, Placement, Player } from '../sites/types';
import { waitFor } from './wait-for';
import { askAbout } from './match-question';
import { floatingPlacement, placeOrFloat } from './floating';
import { loadSidebarExtras } from './extras';
import { holdsWhateverTheLength } from './duration-check';
import type { PageSees } from '../messaging/protocol';
import type { Session, SessionHost } from './session-types';

export type { Session, SessionHost } from './session-types';

// The media's id when the page names one: the person may browse elsewhere while it plays (Spotify).
export const mediaKeyOf = (ref: EpisodeRef) => (ref.mediaId ? `${ref.site}:${ref.mediaId}` : `${ref.site}::${location.pathname}`);

/** The person's theme setting overrides the site's; "site" follows the page. */
function sidebarTheme(host: SessionHost) {
  const preferences = host.preferences();
  return preferences && preferences.theme !== 'site' ? preferences.theme : host.adapter.readTheme(document);
}

const findPlacement = (host: SessionHost) =>
  host.adapter.findPlacement(document, new URL(location.href), { position: host.preferences()?.position ?? 'beside' });

/**
 * Finds the episode for `ref` (or takes `known`, a match already made for it), waits for the player
 * and the column, then mounts the sidebar. Everything it starts hangs off the session's controller,
 * a child of `parent`.
 */
export function startEpisodeSession(
  host: SessionHost,
  ref: EpisodeRef,
  mediaKey: string,
  parent: AbortSignal,
  known?: EpisodeMatch | null,
): Session {
  const { adapter, mount } = host;
  const controller = childController(parent);
  const signal = controller.signal;
  let state: SidebarState | null = null;
  let placement: Placement | null = null;
  let markers: ProgressMarkers | null = null;
  let remount = () => {};
  let player: Player | null = null;
  let lookup: PageSees['lookup'] = 'pending';
  let editSoon = false;
  let openEditor: (() => void) | undefined;
  const current: Session = {
    ref,
    get state() {
      return state;
    },
    mediaKey,
    title: ref.title,
    matched: false,
    controller,
    edit() {
      if (openEditor) openEditor();
      else editSoon = true;
    },
    refresh() {
      if (!state) return;
      markers?.refresh();
      state.theme.value = sidebarTheme(host);
      // An anchor gone from the page with nothing in its place: float rather than vanish.
      const next = findPlacement(host) ?? (placement?.anchor.isConnected === false ? floatingPlacement() : null);
      if (next && (next.anchor !== placement?.anchor || next.layout !== placement?.layout)) {
        placement = next;
        state.layout.value = next.layout;
        remount();
      }
    },
    sees() {
      return {
        lookup: state?.question.peek() ? 'asking' : lookup,
        player: player ? (player.kind?.() ?? 'media') : null,
        placement,
        ...(pageNote && { pageNote }),
      };
    },
  };

  // The chapters the page publishes itself (its description's timestamps, the site's chapters):
  // collected here, read by the background, which makes them the episode to show, named after
  // the media. What the server sent with the page (megabytes on YouTube) describes the media the
  // page loaded with: only that media's first look takes it, once per page load (on a return the
  // page renders that media's chapters). `pageNote`: why they could not all be read, for the popup.
  let firstLook = true;
  let pageNote: string | OmittedData[] | undefined;
  const askPage = createPageChapterAsker((message) => (pageNote = message));
  /** With a library episode shown, the page's chapters are an alternative: a page without times is as good as settled. */
  let alternativeOnly = false;
  const readPage = async (): Promise<PageEpisode | null | false> => {
    const inline = firstLook && host.takePageLoad(mediaKey);
    firstLook = false;
    const material = adapter.collectPageChapters?.(document, new URL(location.href), current.ref, inline) ?? null;
    if (!material) return null;
    const { omitted, settled, ...sent } = material;
    if (omitted) pageNote = omitted;
    return askPage({ ...sent, title: current.ref.title, show: current.ref.show }, { whole: inline, settled: alternativeOnly || settled });
  };

  (async () => {
    const match = known !== undefined ? known : await host.findEpisode(ref);
    if (signal.aborted) return;
    // With a library episode the page is read only once the sidebar shows, and never its inline
    // data (megabytes on YouTube, collected and sent for a switch the person may never use): the
    // rendered description and chapter panels tell whether there is something to switch to, and
    // only a page that shows times is sent to be read (page-chapter-request.ts).
    if (match) {
      current.matched = true;
      current.matchedId = match.episode.id;
      lookup = match.verdict ?? 'confident';
      firstLook = false;
      alternativeOnly = true;
    }
    const firstPage = match ? null : readPage();
    // A library episode always wins; without one, the page's chapters, which may render a moment after the title.
    let page = (await firstPage) || null;
    // 'none' once the page has been read too: before, the popup would say "no chapters on the
    // page" while it was still being read (and tests take it as the decision made).
    if (!match && !signal.aborted) lookup = page ? 'page' : 'none';
    if (!match && !page) page = await waitForPageChapters(readPage, signal);
    if (!match && page) lookup = 'page';
    if (signal.aborted || (!match && !page)) return;
    player = await waitFor(() => adapter.findPlayer(document), signal);
    await host.preferencesReady;
    placement = await placeOrFloat(() => findPlacement(host), signal);
    if (signal.aborted) return;
    remount = () => void mount.remount();

    // As the background had it when matching, then as the person corrects it (switching views keeps it).
    let savedOffset = match?.savedOffset;
    // The person said "Show chapters" to a plausible match: switching views does not ask again.
    let accepted = false;
    // One view at a time (the library's chapters or the page's); switching replaces it.
    let view: AbortController | null = null;
    const show = async (origin: 'library' | 'page'): Promise<void> => {
      view?.abort();
      const viewController = childController(signal);
      view = viewController;
      const viewSignal = viewController.signal;

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
      // A signal, so that the editor's draft drives the list, the highlight and seeking.
      const chapterSource = createSignal<readonly Chapter[]>(episode.chapters);
      const clock = createChapterClock(chapterSource, player!, library ? (savedOffset ?? library.offset) : 0, viewSignal);
      const mediaId = ref.mediaId;
      const preferences = host.preferences();
      // A plausible match asks first; its marks wait for the answer.
      let startMarkers = () => {};
      const question =
        library?.verdict === 'plausible' && !accepted
          ? askAbout(library, ref, {
              accepted: () => {
                accepted = true;
                sidebarState.question.value = null;
                startMarkers();
              },
              refused: () => controller.abort(),
              answered: (accept) => !accept && host.restart?.(),
            })
          : null;
      const sidebarState = createSidebarState(episode, clock, {
        layout: placement!.layout,
        theme: sidebarTheme(host),
        collapsed: preferences?.collapsed ?? false,
        expandAll: preferences?.expandAll ?? false,
        autoFollow: preferences?.autoFollow ?? true,
        linked: library?.linked ?? false,
        onCollapsedChange: (collapsed) => void savePreferences({ collapsed }),
        offsetCorrection:
          library && isOffsetAdjustable(library.episode, ref)
            ? createOffsetCorrection(library.episode.id, ref.site, library.offset, (seconds) => (savedOffset = seconds ?? undefined))
            : undefined,
        origin: library ? 'library' : pageChapters!.source,
        alternative: library ? (pageChapters?.source ?? null) : match ? 'library' : null,
        site: { name: adapter.name ?? adapter.id, mediaKind: adapter.mediaKind ?? 'video' },
        notice: host.takeNotice(mediaKey),
        question,
        keepClear: () => adapter.keepClear?.(document) ?? [],
        actions: {
          switchOrigin: () => void show(origin === 'library' ? 'page' : 'library'),
          saveToLibrary: library || !pageChapters ? undefined : () => host.savePageChapters(mediaKey, episode, pageChapters.source),
          openLibrary: () => void sendMessage('openLibrary').catch(() => {}),
          // Links open the media on its own timeline: the chapters' time less the offset.
          linkAt: mediaId && adapter.mediaUrlAt ? (seconds) => adapter.mediaUrlAt!(mediaId, seconds - clock.offset.peek()) : undefined,
          editChapters: () => openEditor?.(),
        },
      });
      state = sidebarState;
      openEditor = () =>
        openSidebarEditor({
          state: sidebarState,
          episode,
          fromPage: !library,
          ref: current.ref,
          player: player!,
          chapterSource,
          restart: () => host.restart?.(),
          lifetime: viewSignal,
        });
      // Settings from the options page apply at once: position and theme through refresh().
      watchPreferences((value) => {
        host.setPreferences(value);
        sidebarState.collapsed.value = value.collapsed;
        sidebarState.expandAll.value = value.expandAll;
        sidebarState.autoFollow.value = value.autoFollow;
        current.refresh();
      }, viewSignal);
      // Marks on the site's progress bar for the library's chapters (the site draws its own).
      startMarkers = () => {
        markers =
          library && adapter.findProgressBar && host.progressMarkers
            ? host.progressMarkers(() => adapter.findProgressBar!(document), clock, player!, viewSignal)
            : null;
      };
      if (!question) startMarkers();
      viewSignal.addEventListener('abort', () => mount.hide(sidebarState), { once: true });
      await mount.show(sidebarState, () => placement);
    };
    await show(match ? 'library' : 'page');
    if (editSoon) openEditor?.();
    if (match) {
      // The page's own chapters, to switch to, may come or render after the library's are shown.
      void waitForPageChapters(readPage, signal).then((found) => {
        if (!found || signal.aborted) return;
        page = found;
        if (state?.origin === 'library') {
          const shown = state;
          shown.alternative.value = found.source;
          // The page's timestamps are this edition's: they may say how far it runs from the chapters.
          // The comparison comes with the sidebar's extras (utils/sidebar/extras.ts).
          void loadSidebarExtras()
            .then((extras) => signal.aborted || extras.considerEditionShift(shown, found, savedOffset !== undefined))
            .catch(() => undefined);
        }
      });
    }
    // An episode "Make chapters" has just begun has no chapters and nothing to verify yet. The
    // check comes with the sidebar's extras: it waits for the media's length anyway. Extras that
    // cannot load (the extension is being updated, and this script is about to end) skip it.
    if (match?.episode.chapters.length && ref.duration === undefined && !holdsWhateverTheLength(match)) {
      const media = player;
      void loadSidebarExtras()
        .then((extras) => signal.aborted || extras.verifyDuration(host.findEpisode, ref, match, media, controller))
        .catch(() => undefined);
    }
  })().catch((error: unknown) => {
    if (!signal.aborted) console.warn('[Chapterbar]', error);
  });
  return current;
}
