import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createFirstPaintMemo } from '../../utils/background/first-paint';
import type { EpisodeMatch } from '../../utils/messaging/protocol';
import { createEarlyFinder } from '../../utils/sidebar/early-start';
import { FIRST_PAINT_ENTRIES, FIRST_PAINT_KEY, readFirstPaint, readStoredStylesheet } from '../../utils/storage/first-paint';
import type { EpisodeRef, SiteAdapter } from '../../utils/sites/types';
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

/** Lets the memo's queued write finish. */
const settle = () => new Promise((done) => setTimeout(done, 0));

describe('the first-paint memo the background keeps in storage.local', () => {
  it('keeps the latest matches per media, newest first, for the library revision they were made in', async () => {
    fakeBrowser.reset();
    const memo = createFirstPaintMemo(fakeBrowser.storage.local);
    memo.remember({ site: 'youtube', mediaId: 'a' }, match('1'));
    memo.remember({ site: 'youtube', mediaId: 'b' }, match('2'));
    await settle();
    const stored = (await fakeBrowser.storage.local.get(FIRST_PAINT_KEY))[FIRST_PAINT_KEY];
    expect(readFirstPaint(stored, undefined, 'youtube:a')?.episode.id).toBe('1');
    expect(readFirstPaint(stored, undefined, 'youtube:b')?.episode.id).toBe('2');
    // Another revision of the library: nothing kept applies.
    expect(readFirstPaint(stored, 5, 'youtube:a')).toBeNull();
    // A media that no longer matches is forgotten.
    memo.remember({ site: 'youtube', mediaId: 'a' }, null);
    await settle();
    expect(readFirstPaint((await fakeBrowser.storage.local.get(FIRST_PAINT_KEY))[FIRST_PAINT_KEY], undefined, 'youtube:a')).toBeNull();
  });

  it('writes nothing when an answer is what is kept, and keeps a bounded number', async () => {
    fakeBrowser.reset();
    const memo = createFirstPaintMemo(fakeBrowser.storage.local);
    for (let i = 0; i < FIRST_PAINT_ENTRIES + 5; i++) memo.remember({ site: 'youtube', mediaId: `m${i}` }, match(`${i}`));
    await settle();
    const stored = (await fakeBrowser.storage.local.get(FIRST_PAINT_KEY))[FIRST_PAINT_KEY] as { entries: unknown[] };
    expect(stored.entries).toHaveLength(FIRST_PAINT_ENTRIES);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    memo.remember({ site: 'youtube', mediaId: `m${FIRST_PAINT_ENTRIES + 4}` }, match(`${FIRST_PAINT_ENTRIES + 4}`));
    await settle();
    expect(set).not.toHaveBeenCalled();
  });

  it('spells a bundled episode (the same object in every answer) once, however many look-ups answer with it', async () => {
    fakeBrowser.reset();
    const memo = createFirstPaintMemo(fakeBrowser.storage.local, fakeBrowser.storage.onChanged);
    let spelled = 0;
    // Canonical JSON lists each object's keys: this counts how often the episode itself is spelled.
    const episode = new Proxy(match('1').episode, {
      ownKeys(target) {
        spelled++;
        return Reflect.ownKeys(target);
      },
    });
    const answer = () => ({ ...match('1'), episode });
    memo.remember({ site: 'youtube', mediaId: 'a' }, answer());
    await settle();
    const afterFirst = spelled;
    expect(afterFirst).toBeGreaterThan(0);
    // (An earlier test may have spied on it already: only what follows counts.)
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    set.mockClear();
    for (let i = 0; i < 5; i++) memo.remember({ site: 'youtube', mediaId: 'a' }, answer());
    await settle();
    expect(spelled).toBe(afterFirst);
    expect(set).not.toHaveBeenCalled();
    // Another episode's answer is still told apart, and kept.
    memo.remember({ site: 'youtube', mediaId: 'a' }, { ...answer(), episode: match('2').episode });
    await settle();
    expect(set).toHaveBeenCalledTimes(1);
  });

  it('keeps working beside a kept entry without an episode (written by another version)', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ [FIRST_PAINT_KEY]: { revision: 0, entries: [{ key: 'youtube:old', match: { offset: 0 } }] } });
    const memo = createFirstPaintMemo(fakeBrowser.storage.local, fakeBrowser.storage.onChanged);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const answer = match('1');
    memo.remember({ site: 'youtube', mediaId: 'a' }, answer);
    await settle();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    get.mockClear();
    memo.remember({ site: 'youtube', mediaId: 'a' }, { ...answer });
    await settle();
    // Remembered in memory: the same answer again reads nothing and warns of nothing.
    expect(get).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
    get.mockRestore();
  });

  it('answers again from memory while the library revision stays: no read of storage per navigation', async () => {
    fakeBrowser.reset();
    const memo = createFirstPaintMemo(fakeBrowser.storage.local, fakeBrowser.storage.onChanged);
    memo.remember({ site: 'youtube', mediaId: 'a' }, match('1'));
    memo.remember({ site: 'youtube', mediaId: 'b' }, null);
    await settle();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    memo.remember({ site: 'youtube', mediaId: 'a' }, match('1'));
    memo.remember({ site: 'youtube', mediaId: 'b' }, null);
    await settle();
    expect(get).not.toHaveBeenCalled();
    // A changed answer goes to storage.
    memo.remember({ site: 'youtube', mediaId: 'a' }, match('3'));
    await settle();
    expect(get).toHaveBeenCalledTimes(1);
    expect(
      readFirstPaint((await fakeBrowser.storage.local.get(FIRST_PAINT_KEY))[FIRST_PAINT_KEY], undefined, 'youtube:a')?.episode.id,
    ).toBe('3');
    // A new library revision: the kept value is of the old one, so the same answer is written again.
    await fakeBrowser.storage.local.set({ [LIBRARY_REVISION_KEY.slice('local:'.length)]: 1 });
    await settle();
    memo.remember({ site: 'youtube', mediaId: 'a' }, match('3'));
    await settle();
    const stored = (await fakeBrowser.storage.local.get(FIRST_PAINT_KEY))[FIRST_PAINT_KEY];
    expect(readFirstPaint(stored, 1, 'youtube:a')?.episode.id).toBe('3');
  });

  it('reads a kept value only when it has the shape it was written with', () => {
    const entries = (m: unknown) => ({ revision: 0, entries: [{ key: 'youtube:a', match: m }] });
    expect(readFirstPaint(entries({ episode: { chapters: [{ start: 0 }] } }), 0, 'youtube:a')).toBeNull();
    expect(readFirstPaint(entries({ episode: {} }), 0, 'youtube:a')).toBeNull();
    expect(readFirstPaint('junk', 0, 'youtube:a')).toBeNull();
    expect(readStoredStylesheet({ version: '0.1.0', css: '.cb{}' }, '0.1.0')).toBe('.cb{}');
    expect(readStoredStylesheet({ version: '0.0.9', css: '.cb{}' }, '0.1.0')).toBeNull();
  });
});

describe('the early finder', () => {
  const adapter = { readEpisode: () => ({ site: 'youtube', mediaId: 'a' }) } as unknown as SiteAdapter;
  const ref: EpisodeRef = { site: 'youtube', mediaId: 'a', title: 'Episode 1' };

  it('answers the first looks from the kept match without waiting for the worker, and says when the worker disagrees', async () => {
    fakeBrowser.reset();
    const memo = createFirstPaintMemo(fakeBrowser.storage.local);
    memo.remember({ site: 'youtube', mediaId: 'a' }, match('1'));
    await settle();
    let answer!: (value: EpisodeMatch | null) => void;
    const ask = vi.fn((_: EpisodeRef) => new Promise<EpisodeMatch | null>((done) => (answer = done)));
    const finder = createEarlyFinder(adapter, ask);
    const stale = vi.fn();
    finder.onStale(stale);
    // Asked at once, with what the address says.
    expect(ask).toHaveBeenCalledWith({ site: 'youtube', mediaId: 'a' });
    await expect(finder.findEpisode(ref)).resolves.toMatchObject({ episode: { id: '1' } });
    await expect(finder.findEpisode(ref)).resolves.toMatchObject({ episode: { id: '1' } });
    expect(ask).toHaveBeenCalledTimes(1);
    answer(match('2'));
    await settle();
    expect(stale).toHaveBeenCalledOnce();
    // The look that `stale` starts gets the worker's answer without asking again...
    await expect(finder.findEpisode(ref)).resolves.toMatchObject({ episode: { id: '2' } });
    expect(ask).toHaveBeenCalledTimes(1);
    // ...and so do the page's later looks at this media: a media id that matched holds whatever
    // the title, until something matching reads changes or the person asks to look again.
    await expect(finder.findEpisode(ref)).resolves.toMatchObject({ episode: { id: '2' } });
    expect(ask).toHaveBeenCalledTimes(1);
    finder.forget();
    void finder.findEpisode(ref);
    expect(ask).toHaveBeenCalledTimes(2);
    expect(ask).toHaveBeenLastCalledWith(ref);
  });

  it("takes the worker's answer as the same when only the order of keys differs (Chromium's storage sorts them)", async () => {
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
    await fakeBrowser.storage.local.set({ [FIRST_PAINT_KEY]: { revision: 0, entries: [{ key: 'youtube:a', match: kept }] } });
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    set.mockClear();
    const memo = createFirstPaintMemo(fakeBrowser.storage.local, fakeBrowser.storage.onChanged);
    memo.remember({ site: 'youtube', mediaId: 'a' }, match('1'));
    const finder = createEarlyFinder(adapter, async () => match('1'));
    const stale = vi.fn();
    finder.onStale(stale);
    await expect(finder.findEpisode(ref)).resolves.toMatchObject({ episode: { id: '1' } });
    await settle();
    expect(stale).not.toHaveBeenCalled();
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
