import { createChapterClock } from './chapter-clock';
import { childController } from './child-abort';
import type { Episode } from '../chapters/schema';
import { sendMessage, type EpisodeMatch } from '../messaging/protocol';
import { createOffsetCorrection, isOffsetAdjustable } from './offset-correction';
import { savePreferences, watchPreferences, type Preferences } from '../storage/preferences';
import { requestPageChapters } from './page-chapter-request';
import { waitForPageChapters } from '../page-chapters/collect';
import type { ProgressMarkers, showProgressMarkers } from './progress-markers';
import { createSidebarState, type SidebarState } from './state';
import type { SidebarMount } from './mount';
import type { EpisodeRef, PageChapterSource, PageEpisode, Placement, Player, SiteAdapter } from '../sites/types';
import { waitFor } from './wait-for';
import { askAbout } from './match-question';
import { floatingPlacement, placeOrFloat } from './floating';
import { considerEditionShift } from './edition-offset';
import type { PageSees } from '../messaging/protocol';

/** What a session needs from the content script that runs it; one per page, shared by its sessions. */
export interface SessionHost {
  adapter: SiteAdapter;
  mount: SidebarMount;
  findEpisode(ref: EpisodeRef): Promise<EpisodeMatch | null>;
  /** Resolves once the person's preferences are known. */
  preferencesReady: Promise<void>;
  preferences(): Preferences | null;
  setPreferences(value: Preferences): void;
  /** Whether this media is the one the page was loaded with (the only one its inline data describes). */
  isPageLoad(mediaKey: string): boolean;
  /** The note for the next sidebar of this media ("Saved to your library"), once. */
  takeNotice(mediaKey: string): string | null;
  savePageChapters(mediaKey: string, episode: Episode, source: PageChapterSource): Promise<{ ok: true } | { ok: false; message: string }>;
  progressMarkers?: typeof showProgressMarkers;
  /** Tells the background that this tab plays media (the popup in a tab of its own looks for it). */
  announce(): void;
  /** Looks up what the page plays afresh (after the person said a plausible match is not this one). */
  restart?(): void;
}

/** One media's sidebar, from finding its episode to the page moving on (its controller aborts). */
export interface Session {
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
  /** What the session found so far, for the popup's "What Chapterbar sees". */
  sees(): PageSees;
}

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
        placement: placement ? describePlacement(placement) : null,
      };
    },
  };

  // The chapters the page publishes itself (its description's timestamps, the site's chapters):
  // collected here, read by the background, which makes them the episode to show, named after
  // the media. What the server sent with the page (megabytes on YouTube) describes the media the
  // page loaded with, so only that media's first look takes it.
  let firstLook = host.isPageLoad(mediaKey);
  const readPage = async (): Promise<PageEpisode | null | false> => {
    const material = adapter.collectPageChapters?.(document, new URL(location.href), current.ref, firstLook) ?? null;
    firstLook = false;
    return material && requestPageChapters({ ...material, title: current.ref.title, show: current.ref.show });
  };

  (async () => {
    host.announce();
    const match = known !== undefined ? known : await host.findEpisode(ref);
    if (signal.aborted) return;
    if (match) {
      current.matched = true;
      current.matchedId = match.episode.id;
    }
    lookup = match ? (match.verdict ?? 'confident') : 'none';
    // With a library episode the page is read only once the sidebar shows, and never its inline
    // data (megabytes on YouTube, collected and sent for a switch the person may never use): the
    // rendered description and chapter panels tell whether there is something to switch to.
    if (match) firstLook = false;
    const firstPage = match ? null : readPage();
    // A library episode always wins; without one, the page's chapters, which may render a moment after the title.
    let page = (await firstPage) || null;
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
      const clock = createChapterClock(episode.chapters, player!, library ? (savedOffset ?? library.offset) : 0, viewSignal);
      const mediaId = ref.mediaId;
      const preferences = host.preferences();
      // A plausible match asks first; its marks wait for the answer.
      let startMarkers = () => {};
      const question =
        library?.verdict === 'plausible' && !accepted
          ? askAbout(library, {
              accept: () => {
                accepted = true;
                sidebarState.question.value = null;
                startMarkers();
                if (mediaId)
                  void sendMessage('answerMatch', { site: ref.site, mediaId, episodeId: library.episode.id, accept: true }).catch(() => {});
              },
              refuse: () => {
                controller.abort();
                if (mediaId)
                  void sendMessage('answerMatch', { site: ref.site, mediaId, episodeId: library.episode.id, accept: false }).then(
                    () => host.restart?.(),
                    () => {},
                  );
              },
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
        },
      });
      state = sidebarState;
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
    if (match) {
      // The page's own chapters, to switch to, may come or render after the library's are shown.
      void waitForPageChapters(readPage, signal).then((found) => {
        if (!found || signal.aborted) return;
        page = found;
        if (state?.origin === 'library') {
          state.alternative.value = found.source;
          // The page's timestamps are this edition's: they may say how far it runs from the chapters.
          considerEditionShift(state, found, savedOffset !== undefined);
        }
      });
    }
    if (match && ref.duration === undefined) verifyDuration(host, ref, match, player, controller);
  })().catch((error: unknown) => {
    if (!signal.aborted) console.warn('[Chapterbar]', error);
  });
  return current;
}

/** "after #secondary-inner" or "floating": where the sidebar went, in a line of the popup's report. */
function describePlacement(placement: Placement): string {
  if (placement.layout === 'floating') return 'floating';
  const { anchor } = placement;
  const name = anchor.id ? `#${anchor.id}` : `${anchor.localName}${anchor.classList[0] ? `.${anchor.classList[0]}` : ''}`;
  return `${placement.layout}, ${placement.append} in ${name}`;
}

/** A title match is re-checked against the media's length once the media knows it. */
function verifyDuration(host: SessionHost, ref: EpisodeRef, match: EpisodeMatch, player: Player, controller: AbortController) {
  const waiting = childController(controller.signal);
  const check = () => {
    const duration = player.duration();
    if (duration === undefined || waiting.signal.aborted) return;
    waiting.abort();
    host.findEpisode({ ...ref, duration }).then(
      (again) => {
        if (again?.episode.id !== match.episode.id) controller.abort();
      },
      // No answer (the extension is being updated): the sidebar shown stays.
      () => {},
    );
  };
  player.onChange(check, waiting.signal);
  check();
}
