import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { savePreferenceChange } from '../../utils/background/preference-writes';
import { loadBundledEpisodes } from '../../utils/library/bundled-episodes';
import { createLibraryService, type LibraryService } from '../../utils/library/service';
import { serve } from '../../utils/messaging/senders';
import { offsetsItem } from '../../utils/storage/offsets';
import { DEFAULT_PREFERENCES, loadPreferences, preferencesItem } from '../../utils/storage/preferences';
import { createWriteQueue } from '../../utils/storage/write-queue';

/*
 * Offsets and preferences are read, changed and written back; two tabs saving at the same moment
 * used to lose one change. Every write now goes through the background's one queue
 * (utils/storage/write-queue.ts): here two "tabs" send at once, and both changes stay.
 */

const tab = (id: number) => ({
  id: fakeBrowser.runtime.id,
  url: 'https://www.youtube.com/watch?v=C6Zpjij5AF4',
  tab: { id } as never,
  frameId: 0,
});
const OTHER_EXTENSION = { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' };

type Listener = (message: unknown, sender: object, sendResponse: (reply: unknown) => void) => unknown;
let listeners: Listener[];
let service: LibraryService | null = null;
let served: Array<() => void> = [];
const serveHere: typeof serve = (type, handler) => {
  const remove = serve(type, handler);
  served.push(remove);
  return remove;
};
beforeEach(() => {
  fakeBrowser.reset();
  listeners = [];
  vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation((listener) => void listeners.push(listener as Listener));
  vi.spyOn(fakeBrowser.runtime.onMessage, 'removeListener').mockImplementation(() => {});
});
afterEach(() => {
  service?.close();
  service = null;
  served.forEach((remove) => remove());
  served = [];
  vi.restoreAllMocks();
});

/** Delivers a message as Chrome would, from `sender`, and resolves with the reply envelope. */
const deliver = (type: string, data: unknown, sender: object) =>
  new Promise((resolve) => {
    for (const listener of listeners) listener({ chapterbar: 1, type, data }, sender, resolve);
  });

describe('one write queue for offsets and preferences', () => {
  it('keeps both of two tabs’ preference changes sent at the same moment', async () => {
    serveHere('savePreferences', ({ data }) => savePreferenceChange(data));
    const replies = await Promise.all([
      deliver('savePreferences', { collapsed: true }, tab(3)),
      deliver('savePreferences', { theme: 'dark' }, tab(4)),
      deliver('savePreferences', { expandAll: true }, tab(5)),
    ]);
    expect(replies).toEqual([{ res: { ok: true } }, { res: { ok: true } }, { res: { ok: true } }]);
    expect(await loadPreferences()).toEqual({ ...DEFAULT_PREFERENCES, collapsed: true, theme: 'dark', expandAll: true });
  });

  it('keeps both of two tabs’ offsets sent at the same moment, beside a preference change', async () => {
    service = createLibraryService({ bundled: loadBundledEpisodes() });
    const library = service;
    serveHere('saveOffset', ({ data }) => library.saveOffset(data));
    serveHere('savePreferences', ({ data }) => savePreferenceChange(data));
    await Promise.all([
      deliver('saveOffset', { episodeId: 'episode-a', site: 'youtube', seconds: 5 }, tab(3)),
      deliver('saveOffset', { episodeId: 'episode-b', site: 'spotify', seconds: -170.5 }, tab(4)),
      deliver('saveOffset', { episodeId: 'episode-a', site: 'spotify', seconds: 2 }, tab(5)),
      deliver('savePreferences', { hidden: true }, tab(6)),
    ]);
    expect(await offsetsItem.getValue()).toEqual({ 'episode-a': { youtube: 5, spotify: 2 }, 'episode-b': { spotify: -170.5 } });
    expect((await loadPreferences()).hidden).toBe(true);
  });

  it('refuses a change it cannot read, naming the field, and writes nothing', async () => {
    expect(await savePreferenceChange({ theme: 'purple' })).toEqual({
      ok: false,
      message: expect.stringMatching(/^Preferences not saved \(theme: /) as string,
    });
    expect(await savePreferenceChange({ collapsed: true, owner: 'page' })).toMatchObject({ ok: false });
    expect(await fakeBrowser.storage.local.get(preferencesItem.key.slice('local:'.length))).toEqual({});
  });

  it('refuses savePreferences from another extension before it writes', async () => {
    const handler = vi.fn(savePreferenceChange);
    serveHere('savePreferences', ({ data }) => handler(data));
    expect(await deliver('savePreferences', { hidden: true }, OTHER_EXTENSION)).toEqual({
      err: 'Refused: savePreferences is not for this sender',
    });
    expect(handler).not.toHaveBeenCalled();
    expect((await loadPreferences()).hidden).toBe(false);
  });

  it('runs one task after another, also after one fails', async () => {
    const queue = createWriteQueue();
    const order: string[] = [];
    const slow = queue(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push('first');
      throw new Error('failed');
    });
    const next = queue(async () => void order.push('second'));
    await expect(slow).rejects.toThrow('failed');
    await next;
    expect(order).toEqual(['first', 'second']);
  });
});
