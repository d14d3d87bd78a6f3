import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { EpisodeMatch } from '../../../utils/messaging/protocol';
import { createEarlyFinder } from '../../../utils/sidebar/early-start';
import type { EpisodeRef, SiteAdapter } from '../../../utils/sites/types';
import { LINKS_KEY, OFFSETS_KEY, REFUSALS_KEY } from '../../../utils/storage/keys';
import { LIBRARY_REVISION_KEY } from '../../../utils/storage/library-revision';

/*
 * The answers a page keeps between its navigations (early-start.ts): going back to a media the
 * page has looked up costs no message, and nothing kept outlives a change to what matching reads.
 */

const match = (id: string): EpisodeMatch =>
  ({
    episode: { id, title: `Episode ${id}`, chapters: [{ start: 0, title: 'Intro', description: '', bullets: [] }] },
    offset: 0,
    linked: false,
  }) as unknown as EpisodeMatch;

/** A page loaded where the address names no media: every look goes through the kept answers. */
const adapter = { readEpisode: () => null } as unknown as SiteAdapter;
const episode: EpisodeRef = { site: 'youtube', mediaId: 'C6Zpjij5AF4', title: 'No Priors Ep. 3' };
const clip: EpisodeRef = { site: 'youtube', mediaId: 'dQw4w9WgXcQ', title: 'Some other video' };

function finderCounting() {
  fakeBrowser.reset();
  let answers = 0;
  const ask = vi.fn(async (ref: EpisodeRef) => (ref.mediaId === clip.mediaId ? null : match(String(++answers))));
  return { ask, finder: createEarlyFinder(adapter, ask) };
}

describe('the answers a page keeps', () => {
  it('answers a look it has answered before (the same media, title and length) without asking again', async () => {
    const { ask, finder } = finderCounting();
    // Back and forth between an episode and a clip, as a person with the back button.
    for (let i = 0; i < 3; i++) {
      await expect(finder.findEpisode(episode)).resolves.toMatchObject({ episode: { id: '1' } });
      await expect(finder.findEpisode(clip)).resolves.toBeNull();
    }
    expect(ask.mock.calls.map(([ref]) => ref)).toEqual([episode, clip]);
    // A title or a length it has not been asked about is another question.
    await finder.findEpisode({ ...episode, title: 'No Priors Ep. 3 (re-upload)' });
    await finder.findEpisode({ ...episode, duration: 2712 });
    expect(ask).toHaveBeenCalledTimes(4);
  });

  it.each([
    ['the library revision', LIBRARY_REVISION_KEY, 7],
    ['the links', LINKS_KEY, { 'youtube:C6Zpjij5AF4': '1' }],
    ['the refusals', REFUSALS_KEY, { 'youtube:C6Zpjij5AF4': '1' }],
    ['the timing corrections', OFFSETS_KEY, { '1': { youtube: 3 } }],
  ])('forgets every answer once %s changed', async (_, key, value) => {
    const { ask, finder } = finderCounting();
    await finder.findEpisode(episode);
    await finder.findEpisode(clip);
    await fakeBrowser.storage.local.set({ [key.slice('local:'.length)]: value });
    await expect(finder.findEpisode(episode)).resolves.toMatchObject({ episode: { id: '2' } });
    await finder.findEpisode(clip);
    expect(ask).toHaveBeenCalledTimes(4);
  });

  it('keeps its answers when storage changes elsewhere (the preferences, the kept first paint)', async () => {
    const { ask, finder } = finderCounting();
    await finder.findEpisode(episode);
    await fakeBrowser.storage.local.set({ preferences: { theme: 'dark' }, 'first-paint': { revision: 0, entries: [] } });
    await expect(finder.findEpisode(episode)).resolves.toMatchObject({ episode: { id: '1' } });
    expect(ask).toHaveBeenCalledOnce();
  });

  it('keeps no failed look: the next look asks again', async () => {
    fakeBrowser.reset();
    const ask = vi.fn<(ref: EpisodeRef) => Promise<EpisodeMatch | null>>();
    ask.mockRejectedValueOnce(new Error('Extension context invalidated.')).mockResolvedValue(match('1'));
    const finder = createEarlyFinder(adapter, ask);
    await expect(finder.findEpisode(episode)).rejects.toThrow('invalidated');
    await expect(finder.findEpisode(episode)).resolves.toMatchObject({ episode: { id: '1' } });
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('keeps the answers for the last 8 media it looked up', async () => {
    const { ask, finder } = finderCounting();
    const media = Array.from({ length: 9 }, (_, i) => ({ site: 'youtube', mediaId: `video-${i}` }));
    for (const ref of media) await finder.findEpisode(ref);
    // The 8 latest are kept...
    for (const ref of media.slice(1)) await finder.findEpisode(ref);
    expect(ask).toHaveBeenCalledTimes(9);
    // ...and the first one, the oldest, was let go.
    await finder.findEpisode(media[0]!);
    expect(ask).toHaveBeenCalledTimes(10);
  });
});
