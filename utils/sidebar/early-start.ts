import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage, type EpisodeMatch } from '../messaging/protocol';
import { FIRST_PAINT_KEY, readFirstPaint, sameMatch } from '../storage/first-paint';
import { LINKS_KEY, OFFSETS_KEY, REFUSALS_KEY } from '../storage/keys';
import { LIBRARY_REVISION_KEY } from '../storage/library-revision';
import { loadPreferences, watchPreferences, type Preferences } from '../storage/preferences';
import type { EpisodeRef, SiteAdapter } from '../sites/types';
import { runSite, type RunSiteOptions } from './run-site';
import { readKeptStylesheet } from './stylesheet';

/*
 * The sidebar as soon as the video: a content script that starts at document_start reads what
 * the page's address says it plays and, at once, both reads the match the background kept for
 * that media (storage/first-paint.ts, no worker needed) and asks the background, which wakes its
 * worker while the page is still loading. By the time the player exists the answer is there.
 */

interface Early {
  site: string;
  mediaId: string;
  kept: Promise<EpisodeMatch | null>;
  asked: Promise<EpisodeMatch | null>;
}

function startLooking(adapter: SiteAdapter, ask: (ref: EpisodeRef) => Promise<EpisodeMatch | null>): Early | null {
  // At document_start the address is all there is: the media id, without a title.
  const ref = adapter.readEpisode(document, new URL(location.href));
  if (!ref?.mediaId) return null;
  const key = `${ref.site}:${ref.mediaId}`;
  const revision = LIBRARY_REVISION_KEY.slice('local:'.length);
  const kept = browser.storage.local.get([FIRST_PAINT_KEY, revision]).then(
    (stored) => readFirstPaint(stored[FIRST_PAINT_KEY], stored[revision], key),
    () => null,
  );
  const asked = ask({ site: ref.site, mediaId: ref.mediaId });
  asked.catch(() => {});
  return { site: ref.site, mediaId: ref.mediaId, kept, asked };
}

/**
 * `findEpisode` for runSite: looks for the media the page was loaded with take the kept match
 * (checked against the worker's answer; `stale` is called when they differ) or else the answer
 * asked at document_start, until that answer is in: a page's first moments may start a session
 * more than once (the title arrives), and none of them should wait for a sleeping worker. The
 * answer, once in, serves one more look (the page's first session often starts after it came, and
 * asking again would cost a round trip on the way to the first paint); every later look asks the
 * background. So does every look once the library, the links, the refusals or the timing
 * corrections change: an answer from before an edit, a "Not this one" or an import is no answer now.
 */
export function createEarlyFinder(
  adapter: SiteAdapter,
  ask: (ref: EpisodeRef) => Promise<EpisodeMatch | null> = (ref) => sendMessage('findEpisode', ref),
) {
  let early = startLooking(adapter, ask);
  let stale = () => {};
  let answer: Promise<EpisodeMatch | null> | null = null;
  let answered = false;
  const matchInputs = new Set([LIBRARY_REVISION_KEY, LINKS_KEY, REFUSALS_KEY, OFFSETS_KEY].map((key) => key.slice('local:'.length)));
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.keys(changes).some((key) => matchInputs.has(key))) forget();
  };
  function forget() {
    early = null;
    browser.storage.onChanged.removeListener(onChanged);
  }
  if (early) {
    browser.storage.onChanged.addListener(onChanged);
    const { kept, asked } = early;
    answer = kept.then((match) => {
      if (!match) return asked;
      void asked.then(
        (fresh) => !sameMatch(fresh, match) && stale(),
        () => {},
      );
      return match;
    });
    // Registered before the check above, so a look that `stale` starts gets the fresh answer.
    void asked.then(
      (fresh) => {
        answer = Promise.resolve(fresh);
        answered = true;
      },
      () => forget(),
    );
  }
  return {
    async findEpisode(ref: EpisodeRef): Promise<EpisodeMatch | null> {
      if (!early || ref.site !== early.site || ref.mediaId !== early.mediaId) return ask(ref);
      const served = answer!;
      // The worker has answered, so it is awake: the looks after this one ask it.
      if (answered) forget();
      // A media id that matched holds whatever the title; without one the title may still match.
      return (await served.catch(() => null)) ?? ask(ref);
    },
    /** Called when a kept match turns out not to be the background's answer: look again. */
    onStale(callback: () => void) {
      stale = callback;
    },
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
    runSite(ctx, adapter, { ...options, preferences: preferences.latest(), findEpisode: finder.findEpisode, watchStale: finder.onStale });
  };
  if (options.whenParsed !== false && document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
