import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { EpisodeMatch } from '../../../utils/messaging/protocol';
import { libraryRevisionItem } from '../../../utils/storage/library-revision';
import type { EpisodeRef, SiteAdapter } from '../../../utils/sites/types';
import type { SidebarMount } from '../../../utils/sidebar/mount';
import type { SidebarState } from '../../../utils/sidebar/state';
import { createStillPlayer } from '../fake-player';
import { makeEpisode } from '../library-fixtures';

// The page's own chapters are never found here, so a session shows only what findEpisode answers.
vi.mock('../../../utils/messaging/protocol', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  sendMessage: vi.fn((type: string) => Promise.resolve(type === 'readPageChapters' ? { ok: true, page: null, settled: true } : undefined)),
}));
const shown: SidebarState[] = [];
const mount: SidebarMount = {
  show: async (state) => void shown.push(state),
  remount: async () => {},
  hide: () => {},
};
vi.mock('../../../utils/sidebar/mount', () => ({ createSidebarMount: () => mount }));

const { startEpisodeSession, mediaKeyOf } = await import('../../../utils/sidebar/episode-session');
const { runSite } = await import('../../../utils/sidebar/run-site');

let playing: EpisodeRef = { site: 'test', mediaId: 'abc', title: 'Episode 1', show: 'Show', duration: 180 };
const adapter: SiteAdapter = {
  id: 'test',
  matches: ['https://test.example/*'],
  readEpisode: () => playing,
  findPlayer: () => createStillPlayer(0, 180),
  findPlacement: (doc) => ({ layout: 'column', anchor: doc.body, append: 'first' }),
  readTheme: () => 'dark',
  watchPage: () => {},
  isFullscreen: () => false,
};
const episode = makeEpisode({ id: 'ep-1', title: 'Episode 1' });
const match: EpisodeMatch = { episode, offset: 0, linked: false };

function host(findEpisode: (ref: EpisodeRef) => Promise<EpisodeMatch | null>) {
  return {
    adapter,
    mount,
    findEpisode: vi.fn(findEpisode),
    preferencesReady: Promise.resolve(),
    preferences: () => null,
    setPreferences: () => {},
    takePageLoad: () => false,
    takeNotice: () => null,
    savePageChapters: async () => ({ ok: true as const }),
  };
}

/** Resolves once the mount has been asked to show `count` sidebars. */
const shownCount = (count: number) => vi.waitFor(() => expect(shown).toHaveLength(count));

beforeEach(() => {
  fakeBrowser.reset();
  shown.length = 0;
  playing = { site: 'test', mediaId: 'abc', title: 'Episode 1', show: 'Show', duration: 180 };
});

describe('an episode session', () => {
  it('shows the library episode that findEpisode answers, on its own timeline', async () => {
    const test = host(async () => match);
    const session = startEpisodeSession(test, playing, mediaKeyOf(playing), new AbortController().signal);
    await shownCount(1);
    expect(test.findEpisode).toHaveBeenCalledTimes(1);
    expect(shown[0]!.episode.id).toBe('ep-1');
    expect(shown[0]!.origin).toBe('library');
    expect(session.matched).toBe(true);
    expect(session.matchedId).toBe('ep-1');
    expect(session.state).toBe(shown[0]);
  });

  it("says 'none' only once the library and the page have both been read (the popup's report, the tests' sign)", async () => {
    const { sendMessage } = await import('../../../utils/messaging/protocol');
    let readPage!: () => void;
    vi.mocked(sendMessage).mockImplementation(((type: string) =>
      type === 'readPageChapters'
        ? new Promise((resolve) => (readPage = () => resolve({ ok: true, page: null, settled: true })))
        : Promise.resolve(undefined)) as never);
    let answer!: (value: EpisodeMatch | null) => void;
    const test = { ...host(() => new Promise((resolve) => (answer = resolve))) };
    test.adapter = {
      ...adapter,
      collectPageChapters: () => ({ site: 'test', mediaId: 'abc', content: { notes: '0:00 Intro\n4:10 Topic' } }),
    };
    const controller = new AbortController();
    const session = startEpisodeSession(test, playing, mediaKeyOf(playing), controller.signal);
    try {
      expect(session.sees().lookup).toBe('pending');
      answer(null);
      await vi.waitFor(() => expect(readPage).toBeTypeOf('function'));
      // The library has nothing; the page is still being read.
      expect(session.sees().lookup).toBe('pending');
      readPage();
      await vi.waitFor(() => expect(session.sees().lookup).toBe('none'));
      expect(shown).toHaveLength(0);
    } finally {
      controller.abort();
      vi.mocked(sendMessage).mockReset();
      vi.mocked(sendMessage).mockImplementation(((type: string) =>
        Promise.resolve(type === 'readPageChapters' ? { ok: true, page: null, settled: true } : undefined)) as never);
    }
  });

  it('takes a match already made without asking again', async () => {
    const test = host(async () => null);
    startEpisodeSession(test, playing, mediaKeyOf(playing), new AbortController().signal, match);
    await shownCount(1);
    expect(test.findEpisode).not.toHaveBeenCalled();
    expect(shown[0]!.episode.id).toBe('ep-1');
  });

  it('beside a library episode, sends the page to be read only when it shows times (its chapters to switch to)', async () => {
    const { sendMessage } = await import('../../../utils/messaging/protocol');
    const reads = () => vi.mocked(sendMessage).mock.calls.filter(([type]) => type === 'readPageChapters').length;
    for (const [notes, sent] of [
      ['A conversation. The demo at 12:30.', 0],
      ['0:00 Intro\n4:30 The demo', 1],
    ] as const) {
      vi.mocked(sendMessage).mockClear();
      const collectPageChapters = vi.fn<NonNullable<SiteAdapter['collectPageChapters']>>((_doc, _url, ref) => ({
        site: 'test',
        mediaId: ref.mediaId!,
        content: { notes },
      }));
      const test = { ...host(async () => match), adapter: { ...adapter, collectPageChapters } };
      const controller = new AbortController();
      startEpisodeSession(test, playing, mediaKeyOf(playing), controller.signal);
      await vi.waitFor(() => expect(collectPageChapters).toHaveBeenCalled());
      // Collecting and sending are one step: by now a message would have gone.
      await vi.waitFor(() => expect(reads()).toBe(sent));
      controller.abort();
    }
    shown.length = 0;
  });

  it('ends with the page: aborting the parent aborts the session before anything shows', async () => {
    let answer: (value: EpisodeMatch | null) => void = () => {};
    const test = host(() => new Promise((resolve) => (answer = resolve)));
    const parent = new AbortController();
    const session = startEpisodeSession(test, playing, mediaKeyOf(playing), parent.signal);
    parent.abort();
    expect(session.controller.signal.aborted).toBe(true);
    answer(match);
    await Promise.resolve();
    expect(session.matched).toBe(false);
    expect(shown).toHaveLength(0);
  });
});

describe('runSite', () => {
  function fakeContext() {
    const controller = new AbortController();
    const ctx = {
      signal: controller.signal,
      isInvalid: false,
      addEventListener: (target: EventTarget, type: string, handler: EventListener) =>
        target.addEventListener(type, handler, { signal: controller.signal }),
    } as unknown as ContentScriptContext;
    return { ctx, stop: () => controller.abort() };
  }

  it('looks the episode up once per library change, and rebuilds only when it changed', async () => {
    let answer: EpisodeMatch = match;
    const findEpisode = vi.fn(async () => answer);
    const { ctx, stop } = fakeContext();
    runSite(ctx, adapter, { findEpisode });
    await shownCount(1);
    expect(findEpisode).toHaveBeenCalledTimes(1);

    // The same episode: looked up once, nothing rebuilt.
    await libraryRevisionItem.setValue(1);
    await vi.waitFor(() => expect(findEpisode).toHaveBeenCalledTimes(2));
    // A change that renames the episode: one more look-up, whose answer the new sidebar uses.
    answer = { ...match, episode: { ...episode, title: 'Renamed' } };
    await libraryRevisionItem.setValue(2);
    await shownCount(2);
    expect(findEpisode).toHaveBeenCalledTimes(3);
    expect(shown[1]!.episode.title).toBe('Renamed');
    stop();
  });

  it('takes the page-load media’s inline data once per page load, not on every return to it', async () => {
    let navigated = () => {};
    const collectPageChapters = vi.fn<NonNullable<SiteAdapter['collectPageChapters']>>((_doc, _url, ref) => ({
      site: 'test',
      mediaId: ref.mediaId!,
      content: {},
    }));
    const site: SiteAdapter = { ...adapter, collectPageChapters, watchPage: (callback) => void (navigated = callback) };
    const { ctx, stop } = fakeContext();
    const withInline = () => collectPageChapters.mock.calls.filter(([, , , first]) => first).map(([, , ref]) => ref.mediaId);
    runSite(ctx, site, { findEpisode: async () => null });
    await vi.waitFor(() => expect(collectPageChapters).toHaveBeenCalled());
    expect(withInline()).toEqual(['abc']);
    // Away and back again, twice: the page's data describes 'abc', and was sent already.
    for (const mediaId of ['other', 'abc', 'other', 'abc']) {
      const before = collectPageChapters.mock.calls.length;
      playing = { ...playing, mediaId };
      navigated();
      await vi.waitFor(() => expect(collectPageChapters.mock.calls.length).toBeGreaterThan(before));
      expect(collectPageChapters.mock.calls.at(-1)![2].mediaId).toBe(mediaId);
    }
    expect(withInline()).toEqual(['abc']);
    playing = { ...playing, mediaId: 'abc' };
    stop();
  });

  it('drops the kept answers before a look-up the person asked for (here, "Not this one"), and keeps them for navigations', async () => {
    let navigated = () => {};
    const site: SiteAdapter = { ...adapter, watchPage: (callback) => void (navigated = callback) };
    const findEpisode = vi.fn(async (ref: EpisodeRef) => (ref.mediaId === 'abc' ? { ...match, verdict: 'plausible' as const } : null));
    const forgetAnswers = vi.fn();
    const { ctx, stop } = fakeContext();
    runSite(ctx, site, { findEpisode, forgetAnswers });
    await shownCount(1);
    for (const mediaId of ['other', 'abc']) {
      const before = findEpisode.mock.calls.length;
      playing = { ...playing, mediaId };
      navigated();
      await vi.waitFor(() => expect(findEpisode.mock.calls.length).toBeGreaterThan(before));
    }
    await shownCount(2);
    expect(forgetAnswers).not.toHaveBeenCalled();
    const looks = findEpisode.mock.calls.length;
    shown[1]!.question.peek()!.answered(false);
    await vi.waitFor(() => expect(findEpisode).toHaveBeenCalledTimes(looks + 1));
    expect(forgetAnswers).toHaveBeenCalledOnce();
    expect(forgetAnswers.mock.invocationCallOrder[0]).toBeLessThan(findEpisode.mock.invocationCallOrder[looks]!);
    stop();
  });
});
