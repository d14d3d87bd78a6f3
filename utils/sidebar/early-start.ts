import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage, type EpisodeMatch } from '../messaging/protocol';
import { FIRST_PAINT_KEY, readFirstPaint } from '../storage/first-paint';
import { MATCH_INPUT_KEYS } from '../storage/keys';
import { LIBRARY_REVISION_KEY } from '../storage/library-revision';
import { loadPreferences, watchPreferences, type Preferences } from '../storage/preferences';
import type { EpisodeRef, SiteAdapter } from '../sites/types';
import { runSite, type RunSiteOptions } from './run-site';
import { readKeptStylesheet } from './stylesheet';

/*
 * The sidebar as soon as the video: a content script that starts at document_start reads what
 * the page's address says it plays and, at once, reads the match the background kept for that
 * media (storage/first-paint.ts, no worker needed), which is the background's answer for as long
 * as it is kept. Only without one does it ask the background, which wakes its worker while the
 * page is still loading. By the time the player exists the answer is there.
 */

interface Early {
  site: string;
  mediaId: string;
  answer: Promise<EpisodeMatch | null>;
}

function startLooking(adapter: SiteAdapter, ask: (ref: EpisodeRef) => Promise<EpisodeMatch | null>): Early | null {
  // At document_start the address is all there is: the media id, without a title.
  const ref = adapter.readEpisode(document, new URL(location.href));
  if (!ref?.mediaId) return null;
  const { site, mediaId } = ref;
  const revision = LIBRARY_REVISION_KEY.slice('local:'.length);
  const answer = browser.storage.local
    .get([FIRST_PAINT_KEY, revision])
    .then((stored) =>
      readFirstPaint(stored[FIRST_PAINT_KEY], stored[revision], `${site}:${mediaId}`, browser.runtime.getManifest().version),
    )
    .catch(() => null)
    // Only a page that finds nothing kept asks: a message fewer per load (a sixth of a load's cost
    // in one side-by-side comparison, not confirmed by a second: README, Performance), and a
    // sleeping worker is not woken.
    .then((kept) => kept ?? ask({ site, mediaId }));
  answer.catch(() => {});
  return { site, mediaId, answer };
}

/** How many answers a page keeps: the media it went back and forth between. */
const ANSWERS_KEPT = 8;

/**
 * `findEpisode` for runSite, which keeps the background's answers for the page's next looks.
 *
 * Looks for the media the page was loaded with take the kept match or else the answer asked at
 * document_start: a page's first moments may start a session more than once (the title arrives),
 * and none of them should wait for a sleeping worker. A media id that matched holds whatever the
 * title; where it matched nothing, the look asks again with the title.
 *
 * Every other answer is kept for the page's next look at the same media, title and length: a
 * person going back to an episode (the back button, a detour through a clip) costs no round trip,
 * which was most of a navigation's cost across the browser (a message carries the whole episode).
 * The background's answer depends only on what it is asked and on the library, the links, the
 * refusals and the timing corrections: once any of those changes, nothing kept is an answer now.
 * This listener is added before runSite's own (which look again when the library changes), so the
 * kept answers are gone before those looks; a look the person asked for (`forget`) skips them.
 */
export function createEarlyFinder(
  adapter: SiteAdapter,
  ask: (ref: EpisodeRef) => Promise<EpisodeMatch | null> = (ref) => sendMessage('findEpisode', ref),
) {
  let early = startLooking(adapter, ask);
  const answers = new Map<string, Promise<EpisodeMatch | null>>();
  const forget = () => {
    early = null;
    answers.clear();
  };
  // Chapterbar keeps nothing in other storage areas, so a change's area need not be read.
  browser.storage.onChanged.addListener((changes) => {
    if (Object.keys(changes).some((key) => MATCH_INPUT_KEYS.includes(`local:${key}`))) forget();
  });
  const askOnce = (ref: EpisodeRef) => {
    // Adapters build a ref's fields in one order, so equal refs spell the same.
    const key = JSON.stringify(ref);
    let kept = answers.get(key);
    if (!kept) {
      kept = ask(ref);
      // A look that failed (the extension was just updated) is no answer: the next look asks.
      kept.catch(() => answers.delete(key));
      // Oldest first out: a Map iterates in the order keys were added.
      if (answers.set(key, kept).size > ANSWERS_KEPT) answers.delete(answers.keys().next().value!);
    }
    return kept;
  };
  return {
    async findEpisode(ref: EpisodeRef): Promise<EpisodeMatch | null> {
      if (!early || ref.site !== early.site || ref.mediaId !== early.mediaId) return askOnce(ref);
      // A media id that matched holds whatever the title; without one the title may still match.
      return (await early.answer.catch(() => null)) ?? askOnce(ref);
    },
    /** Drops every kept answer: the next looks ask the background. */
    forget,
  };
}

/**
 * The person's preferences, read now. Read later, when the sidebar is about to show, the request
 * would queue in the browser behind the storage reads of a worker that is starting and loading the
 * library (measured: 50 to 240 ms on a direct load). A change made meanwhile replaces the value.
 */
function readPreferencesEarly(): { latest: () => Promise<Preferences>; stop: () => void } {
  let latest = loadPreferences();
  const watching = new AbortController();
  watchPreferences((value) => {
    latest = Promise.resolve(value);
  }, watching.signal);
  return { latest: () => latest, stop: () => watching.abort() };
}

/**
 * runSite from document_start: the looking-up starts now; the site's own lifecycle starts once the
 * document is parsed (YouTube's adapter reads the page's title and player), or at once with
 * `whenParsed: false` for an adapter written to start early (Spotify's).
 */
export function runSiteEarly(
  ctx: ContentScriptContext,
  adapter: SiteAdapter,
  options: RunSiteOptions & { whenParsed?: boolean } = {},
): void {
  void readKeptStylesheet();
  const finder = createEarlyFinder(adapter);
  const preferences = readPreferencesEarly();
  const start = () => {
    preferences.stop();
    runSite(ctx, adapter, {
      ...options,
      preferences: preferences.latest(),
      findEpisode: finder.findEpisode,
      forgetAnswers: finder.forget,
    });
  };
  if (options.whenParsed !== false && document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
