import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createFirstPaintMemo } from '../../utils/background/first-paint';
import type { EpisodeMatch } from '../../utils/messaging/protocol';
import { createEarlyFinder } from '../../utils/sidebar/early-start';
import { FIRST_PAINT_ENTRIES, FIRST_PAINT_KEY, readFirstPaint, readStoredStylesheet } from '../../utils/storage/first-paint';
import type { EpisodeRef, SiteAdapter } from '../../utils/sites/types';
import { LINKS_KEY, OFFSETS_KEY, REFUSALS_KEY } from '../../utils/storage/keys';
import { LIBRARY_REVISION_KEY } from '../../utils/storage/library-revision';

const match = (id: string): EpisodeMatch => ({
  episode: {
    id,
    show: 'No Priors',
    title: `Episode ${id}`,
    altTitles: [],
    ids: {},
    offsets: {},
    chapters: [{ start: 0, title: 'Intro', description: '', bullets: [] }],
  } as unknown as EpisodeMatch['episode'],
  offset: 0,
  linked: false,
});

/** The extension's version the kept values are made by. */
const VERSION = '0.1.0';

/** Lets the memo's queued write finish. */
const settle = () => new Promise((done) => setTimeout(done, 0));

describe('the first-paint memo the background keeps in storage.local', () => {
  it('keeps the latest matches per media, newest first, for the library revision they were made in', async () => {
    fakeBrowser.reset();
    const memo = createFirstPaintMemo(fakeBrowser.storage.local, fakeBrowser.storage.onChanged, VERSION);
    memo.remember({ site: 'youtube', mediaId: 'a' }, match('1'), memo.stamp());
    memo.remember({ site: 'youtube', mediaId: 'b' }, match('2'), memo.stamp());
    await settle();
    const stored = (await fakeBrowser.storage.local.get(FIRST_PAINT_KEY))[FIRST_PAINT_KEY];
    expect(readFirstPaint(stored, undefined, 'youtube:a', VERSION)?.episode.id).toBe('1');
    expect(readFirstPaint(stored, undefined, 'youtube:b', VERSION)?.episode.id).toBe('2');
    // Another revision of the library: nothing kept applies.
    expect(readFirstPaint(stored, 5, 'youtube:a', VERSION)).toBeNull();
    // A media that no longer matches is forgotten.
    memo.remember({ site: 'youtube', mediaId: 'a' }, null, memo.stamp());
    await settle();
    expect(
      readFirstPaint((await fakeBrowser.storage.local.get(FIRST_PAINT_KEY))[FIRST_PAINT_KEY], undefined, 'youtube:a', VERSION),
    ).toBeNull();
  });

  it('writes nothing when an answer is what is kept, and keeps a bounded number', async () => {
    fakeBrowser.reset();
    const memo = createFirstPaintMemo(fakeBrowser.storage.local, fakeBrowser.storage.onChanged, VERSION);
    for (let i = 0; i < FIRST_PAINT_ENTRIES + 5; i++) memo.remember({ site: 'youtube', mediaId: `m${i}` }, match(`${i}`), memo.stamp());
    await settle();
    const stored = (await fakeBrowser.storage.local.get(FIRST_PAINT_KEY))[FIRST_PAINT_KEY] as { entries: unknown[] };
    expect(stored.entries).toHaveLength(FIRST_PAINT_ENTRIES);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    memo.remember({ site: 'youtube', mediaId: `m${FIRST_PAINT_ENTRIES + 4}` }, match(`${FIRST_PAINT_ENTRIES + 4}`), memo.stamp());
    await settle();
    expect(set).not.toHaveBeenCalled();
  });

  it('spells a bundled episode (the same object in every answer) once, however many look-ups answer with it', async () => {
    fakeBrowser.reset();
    const memo = createFirstPaintMemo(fakeBrowser.storage.local, fakeBrowser.storage.onChanged, VERSION);
    let spelled = 0;
    // Canonical JSON lists each object's keys: this counts how often the episode itself is spelled.
    const episode = new Proxy(match('1').episode, {
      ownKeys(target) {
        spelled++;
        return Reflect.ownKeys(target);
      },
    });
    const answer = () => ({ ...match('1'), episode });
    memo.remember({ site: 'youtube', mediaId: 'a' }, answer(), memo.stamp());
    await settle();
    const afterFirst = spelled;
    expect(afterFirst).toBeGreaterThan(0);
    // (An earlier test may have spied on it already: only what follows counts.)
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    set.mockClear();
    for (let i = 0; i < 5; i++) memo.remember({ site: 'youtube', mediaId: 'a' }, answer(), memo.stamp());
    await settle();
    expect(spelled).toBe(afterFirst);
    expect(set).not.toHaveBeenCalled();
    // Another episode's answer is still told apart, and kept.
    memo.remember({ site: 'youtube', mediaId: 'a' }, { ...answer(), episode: match('2').episode }, memo.stamp());
    await settle();
    expect(set).toHaveBeenCalledTimes(1);
  });

  it('keeps working beside a kept entry without an episode (written by another version)', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({
      [FIRST_PAINT_KEY]: { revision: 0, version: VERSION, entries: [{ key: 'youtube:old', match: { offset: 0 } }] },
    });
    const memo = createFirstPaintMemo(fakeBrowser.storage.local, fakeBrowser.storage.onChanged, VERSION);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const answer = match('1');
    memo.remember({ site: 'youtube', mediaId: 'a' }, answer, memo.stamp());
    await settle();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    get.mockClear();
    memo.remember({ site: 'youtube', mediaId: 'a' }, { ...answer }, memo.stamp());
    await settle();
    // Remembered in memory: the same answer again reads nothing and warns of nothing.
    expect(get).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
    get.mockRestore();
  });

  it('answers again from memory while the library revision stays: no read of storage per navigation', async () => {
    fakeBrowser.reset();
    const memo = createFirstPaintMemo(fakeBrowser.storage.local, fakeBrowser.storage.onChanged, VERSION);
    memo.remember({ site: 'youtube', mediaId: 'a' }, match('1'), memo.stamp());
    memo.remember({ site: 'youtube', mediaId: 'b' }, null, memo.stamp());
    await settle();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    memo.remember({ site: 'youtube', mediaId: 'a' }, match('1'), memo.stamp());
    memo.remember({ site: 'youtube', mediaId: 'b' }, null, memo.stamp());
    await settle();
    expect(get).not.toHaveBeenCalled();
    // A changed answer goes to storage.
    memo.remember({ site: 'youtube', mediaId: 'a' }, match('3'), memo.stamp());
    await settle();
    expect(get).toHaveBeenCalledTimes(1);
    expect(
      readFirstPaint((await fakeBrowser.storage.local.get(FIRST_PAINT_KEY))[FIRST_PAINT_KEY], undefined, 'youtube:a', VERSION)?.episode.id,
    ).toBe('3');
    // A new library revision: the kept value is of the old one, so the same answer is written again.
    await fakeBrowser.storage.local.set({ [LIBRARY_REVISION_KEY.slice('local:'.length)]: 1 });
    await settle();
    memo.remember({ site: 'youtube', mediaId: 'a' }, match('3'), memo.stamp());
    await settle();
    const stored = (await fakeBrowser.storage.local.get(FIRST_PAINT_KEY))[FIRST_PAINT_KEY];
    expect(readFirstPaint(stored, 1, 'youtube:a', VERSION)?.episode.id).toBe('3');
  });

  it('reads a kept value only when it has the shape it was written with', () => {
    const entries = (m: unknown) => ({ revision: 0, version: VERSION, entries: [{ key: 'youtube:a', match: m }] });
    expect(readFirstPaint(entries({ episode: { chapters: [{ start: 0 }] } }), 0, 'youtube:a', VERSION)).toBeNull();
    expect(readFirstPaint(entries({ episode: {} }), 0, 'youtube:a', VERSION)).toBeNull();
    expect(readFirstPaint('junk', 0, 'youtube:a', VERSION)).toBeNull();
    // Made by another version of the extension (its bundled episodes, its matching): not an answer now.
    expect(readFirstPaint(entries(match('1')), 0, 'youtube:a', VERSION)?.episode.id).toBe('1');
    expect(readFirstPaint(entries(match('1')), 0, 'youtube:a', '0.2.0')).toBeNull();
    expect(readStoredStylesheet({ version: '0.1.0', css: '.cb{}' }, '0.1.0')).toBe('.cb{}');
    expect(readStoredStylesheet({ version: '0.0.9', css: '.cb{}' }, '0.1.0')).toBeNull();
  });
});

describe('what the memo keeps is an answer now', () => {
  it.each([
    ['a link', LINKS_KEY, { 'youtube:a': '2' }],
    ['a refusal', REFUSALS_KEY, { 'youtube:a': '1' }],
    ['a timing correction', OFFSETS_KEY, { '1': { youtube: 3 } }],
    ['an episode record written by something else', 'local:episode:1', { v: 1, episode: { title: 'half written' } }],
  ])('drops everything kept when %s changes, and keeps no answer looked up before the change', async (_, key, value) => {
    fakeBrowser.reset();
    const memo = createFirstPaintMemo(fakeBrowser.storage.local, fakeBrowser.storage.onChanged, VERSION);
    memo.remember({ site: 'youtube', mediaId: 'a' }, match('1'), memo.stamp());
    memo.remember({ site: 'youtube', mediaId: 'b' }, match('2'), memo.stamp());
    await settle();
    // A look-up began, then the change came, then its answer.
    const before = memo.stamp();
    await fakeBrowser.storage.local.set({ [key.slice('local:'.length)]: value });
    await settle();
    expect((await fakeBrowser.storage.local.get(FIRST_PAINT_KEY))[FIRST_PAINT_KEY]).toBeUndefined();
    memo.remember({ site: 'youtube', mediaId: 'a' }, match('1'), before);
    await settle();
    expect((await fakeBrowser.storage.local.get(FIRST_PAINT_KEY))[FIRST_PAINT_KEY]).toBeUndefined();
    // A look-up after it is kept again.
    memo.remember({ site: 'youtube', mediaId: 'a' }, match('2'), memo.stamp());
    await settle();
    const stored = (await fakeBrowser.storage.local.get(FIRST_PAINT_KEY))[FIRST_PAINT_KEY];
    expect(readFirstPaint(stored, undefined, 'youtube:a', VERSION)?.episode.id).toBe('2');
    expect(readFirstPaint(stored, undefined, 'youtube:b', VERSION)).toBeNull();
  });

  it("writes nothing more for the library's own change: its new revision already outdates what is kept", async () => {
    fakeBrowser.reset();
    const memo = createFirstPaintMemo(fakeBrowser.storage.local, fakeBrowser.storage.onChanged, VERSION);
    memo.remember({ site: 'youtube', mediaId: 'a' }, match('1'), memo.stamp());
    await settle();
    const remove = vi.spyOn(fakeBrowser.storage.local, 'remove');
    remove.mockClear();
    // One write, as library-state.ts makes it: the record and the revision together.
    await fakeBrowser.storage.local.set({ 'episode:1': { v: 1 }, [LIBRARY_REVISION_KEY.slice('local:'.length)]: 1 });
    await settle();
    expect(remove).not.toHaveBeenCalled();
    const stored = (await fakeBrowser.storage.local.get([FIRST_PAINT_KEY, 'library-revision'])) as Record<string, unknown>;
    expect(readFirstPaint(stored[FIRST_PAINT_KEY], stored['library-revision'], 'youtube:a', VERSION)).toBeNull();
    remove.mockRestore();
  });

  it('keeps no answer looked up before the library changed', async () => {
    fakeBrowser.reset();
    const memo = createFirstPaintMemo(fakeBrowser.storage.local, fakeBrowser.storage.onChanged, VERSION);
    const before = memo.stamp();
    await fakeBrowser.storage.local.set({ [LIBRARY_REVISION_KEY.slice('local:'.length)]: 1 });
    memo.remember({ site: 'youtube', mediaId: 'a' }, match('1'), before);
    await settle();
    expect((await fakeBrowser.storage.local.get(FIRST_PAINT_KEY))[FIRST_PAINT_KEY]).toBeUndefined();
  });
});

describe('the early finder', () => {
  const adapter = { readEpisode: () => ({ site: 'youtube', mediaId: 'a' }) } as unknown as SiteAdapter;
  const ref: EpisodeRef = { site: 'youtube', mediaId: 'a', title: 'Episode 1' };
  // WXT's fake browser has no manifest: this is the version the content script reads.
  beforeEach(() => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Chapterbar', version: VERSION });
  });

  it('takes the kept match as the answer for the media the page was loaded with, and asks the background nothing', async () => {
    fakeBrowser.reset();
    const memo = createFirstPaintMemo(fakeBrowser.storage.local, fakeBrowser.storage.onChanged, VERSION);
    memo.remember({ site: 'youtube', mediaId: 'a' }, match('1'), memo.stamp());
    await settle();
    const ask = vi.fn(async (_: EpisodeRef) => match('2'));
    const finder = createEarlyFinder(adapter, ask);
    for (let i = 0; i < 3; i++) await expect(finder.findEpisode(ref)).resolves.toMatchObject({ episode: { id: '1' } });
    expect(ask).not.toHaveBeenCalled();
    // A look the person asked for asks.
    finder.forget();
    await expect(finder.findEpisode(ref)).resolves.toMatchObject({ episode: { id: '2' } });
    expect(ask).toHaveBeenCalledExactlyOnceWith(ref);
  });

  it('asks at document_start, with what the address says, when nothing is kept for this version of the extension', async () => {
    fakeBrowser.reset();
    const memo = createFirstPaintMemo(fakeBrowser.storage.local, fakeBrowser.storage.onChanged, 'another version');
    memo.remember({ site: 'youtube', mediaId: 'a' }, match('1'), memo.stamp());
    await settle();
    const ask = vi.fn(async (_: EpisodeRef) => match('2'));
    const finder = createEarlyFinder(adapter, ask);
    await expect(finder.findEpisode(ref)).resolves.toMatchObject({ episode: { id: '2' } });
    expect(ask).toHaveBeenCalledExactlyOnceWith({ site: 'youtube', mediaId: 'a' });
  });

  it("keeps no second copy when the answer is what is kept in another key order (Chromium's storage sorts them)", async () => {
    fakeBrowser.reset();
    const sorted = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(sorted)
        : value && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .sort(([a], [b]) => (a < b ? -1 : 1))
                .map(([k, v]) => [k, sorted(v)]),
            )
          : value;
    const kept = sorted(match('1')) as EpisodeMatch;
    expect(JSON.stringify(kept)).not.toBe(JSON.stringify(match('1')));
    await fakeBrowser.storage.local.set({
      [FIRST_PAINT_KEY]: { revision: 0, version: VERSION, entries: [{ key: 'youtube:a', match: kept }] },
    });
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    set.mockClear();
    const memo = createFirstPaintMemo(fakeBrowser.storage.local, fakeBrowser.storage.onChanged, VERSION);
    memo.remember({ site: 'youtube', mediaId: 'a' }, match('1'), memo.stamp());
    await settle();
    expect(set).not.toHaveBeenCalled();
  });

  it.each([
    ['the library revision', LIBRARY_REVISION_KEY.slice('local:'.length), 7],
    ['the refusals', 'refusals', { 'youtube:a': '1' }],
  ])('asks the background again once %s changed: an answer from before an edit is no answer now', async (_, key, value) => {
    fakeBrowser.reset();
    let answers = 0;
    const ask = vi.fn(async () => match(String(++answers)));
    const finder = createEarlyFinder(adapter, ask);
    // The page's first look came before the answer (it is served again once), and then the
    // person edited the episode: the look after Done must not get the answer from the page load.
    await expect(finder.findEpisode(ref)).resolves.toMatchObject({ episode: { id: '1' } });
    await fakeBrowser.storage.local.set({ [key]: value });
    await expect(finder.findEpisode(ref)).resolves.toMatchObject({ episode: { id: '2' } });
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('serves its answer again when only a value that does not change matches was written', async () => {
    fakeBrowser.reset();
    const ask = vi.fn(async () => match('1'));
    const finder = createEarlyFinder(adapter, ask);
    await finder.findEpisode(ref);
    await fakeBrowser.storage.local.set({ [FIRST_PAINT_KEY]: { revision: 0, entries: [] }, preferences: {} });
    await finder.findEpisode(ref);
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('without a kept match, waits for the answer asked at document_start, and asks with the title when it found none', async () => {
    fakeBrowser.reset();
    const ask = vi.fn(async (r: EpisodeRef) => (r.title ? match('3') : null));
    const finder = createEarlyFinder(adapter, ask);
    await expect(finder.findEpisode(ref)).resolves.toMatchObject({ episode: { id: '3' } });
    expect(ask.mock.calls.map(([r]) => r)).toEqual([{ site: 'youtube', mediaId: 'a' }, ref]);
  });
});
