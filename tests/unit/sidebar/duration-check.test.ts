import { describe, expect, it, vi } from 'vitest';
import type { EpisodeMatch } from '../../../utils/messaging/protocol';
import { verifyDuration } from '../../../utils/sidebar/duration-check';
import type { EpisodeRef, Player } from '../../../utils/sites/types';

/*
 * A match made by title is looked up again once the media knows its length; a match made by the
 * media's id or the person's link holds whatever the length (and costs no second message).
 */

const ref: EpisodeRef = { site: 'test', mediaId: 'abc', title: 'Episode 1', show: 'Show' };
const episode = { id: 'ep-1', title: 'Episode 1', show: 'Show', chapters: [] } as unknown as EpisodeMatch['episode'];
const byTitle: EpisodeMatch = { episode, offset: 0, linked: false, reasons: [{ signal: 'title', agrees: true }] };

/** A player whose length arrives when `know` is called, telling its change listeners as media elements do. */
function fakePlayer() {
  let duration: number | undefined;
  const listeners = new Set<() => void>();
  const player = {
    duration: () => duration,
    onChange(callback: () => void, signal: AbortSignal) {
      listeners.add(callback);
      signal.addEventListener('abort', () => listeners.delete(callback), { once: true });
    },
  } as unknown as Player;
  return {
    player,
    listening: () => listeners.size,
    know(seconds: number) {
      duration = seconds;
      for (const listener of [...listeners]) listener();
    },
  };
}

describe('verifyDuration', () => {
  it('asks again with the length once known, and ends the session when another episode answers', async () => {
    const media = fakePlayer();
    const controller = new AbortController();
    const findEpisode = vi.fn(async (): Promise<EpisodeMatch | null> => ({ ...byTitle, episode: { ...episode, id: 'ep-2' } }));
    verifyDuration(findEpisode, ref, byTitle, media.player, controller);
    expect(findEpisode).not.toHaveBeenCalled();
    media.know(2712);
    media.know(2713);
    expect(findEpisode.mock.calls).toEqual([[{ ...ref, duration: 2712 }]]);
    // One look: it stops listening once it has asked.
    expect(media.listening()).toBe(0);
    await vi.waitFor(() => expect(controller.signal.aborted).toBe(true));
  });

  it('keeps the session when the same episode answers, or no answer comes', async () => {
    for (const answer of [async () => byTitle, async () => Promise.reject(new Error('Receiving end does not exist.'))]) {
      const media = fakePlayer();
      const controller = new AbortController();
      const findEpisode = vi.fn(answer);
      verifyDuration(findEpisode, ref, byTitle, media.player, controller);
      media.know(2712);
      await vi.waitFor(() => expect(findEpisode).toHaveBeenCalledTimes(1));
      await findEpisode.mock.results[0]!.value.catch(() => undefined);
      await Promise.resolve();
      expect(controller.signal.aborted).toBe(false);
    }
  });

  it('never asks for a match made by the media’s id or a link', () => {
    for (const match of [
      { ...byTitle, linked: true },
      { ...byTitle, reasons: [{ signal: 'media-id', agrees: true }] },
      { ...byTitle, reasons: [{ signal: 'link', agrees: true }] },
    ]) {
      const media = fakePlayer();
      const findEpisode = vi.fn(async () => null);
      verifyDuration(findEpisode, ref, match, media.player, new AbortController());
      media.know(2712);
      expect(findEpisode).not.toHaveBeenCalled();
    }
  });
});
