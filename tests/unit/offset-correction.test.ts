import { afterEach, describe, expect, it, vi } from 'vitest';
import { episodeSchema } from '../../utils/chapters/schema';
import { createOffsetCorrection, isOffsetAdjustable } from '../../utils/sidebar/offset-correction';

const send = vi.hoisted(() => vi.fn());
vi.mock('../../utils/messaging/protocol', () => ({ sendMessage: send }));

const EPISODE = 'no-priors-ep3';

describe('isOffsetAdjustable', () => {
  const episode = episodeSchema.parse({
    id: EPISODE,
    title: 'No Priors Ep. 3',
    ids: { youtube: ['C6Zpjij5AF4'] },
    offsets: { spotify: -120 },
    chapters: [{ start: 0, title: 'One' }],
  });

  it.each([
    ['the upload the chapters were written for', { site: 'youtube', mediaId: 'C6Zpjij5AF4' }, false],
    ['a re-upload matched by title', { site: 'youtube', mediaId: 'NoPriorsRe1', title: 'No Priors Ep. 3' }, true],
    ['a page without a media id', { site: 'youtube', title: 'No Priors Ep. 3' }, true],
    ['another site’s edition, with an estimate', { site: 'spotify', mediaId: '2Xq9cTnR4hLmV7bWp3KsYd' }, true],
    ['a site the episode knows nothing about', { site: 'vimeo', mediaId: '76979871' }, true],
  ])('%s: %s', (_name, ref, expected) => {
    expect(isOffsetAdjustable(episode, ref)).toBe(expected);
  });

  it('is adjustable on its own media when the episode declares an offset there', () => {
    const declared = { ...episode, offsets: { youtube: 2.5 } };
    expect(isOffsetAdjustable(declared, { site: 'youtube', mediaId: 'C6Zpjij5AF4' })).toBe(true);
  });
});

describe('createOffsetCorrection', () => {
  afterEach(() => send.mockReset());

  it('asks the background to remember a correction, or to forget it, and says so to the caller', async () => {
    send.mockResolvedValue({ ok: true });
    const seen: Array<number | null> = [];
    const correction = createOffsetCorrection(EPISODE, 'spotify', -120, (seconds) => seen.push(seconds));
    expect(correction.defaultOffset).toBe(-120);
    correction.save(-170.5);
    correction.save(null);
    expect(send.mock.calls).toEqual([
      ['saveOffset', { episodeId: EPISODE, site: 'spotify', seconds: -170.5 }],
      ['saveOffset', { episodeId: EPISODE, site: 'spotify', seconds: null }],
    ]);
    expect(seen).toEqual([-170.5, null]);
  });

  it('keeps the sidebar working when the background cannot be reached', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    send.mockRejectedValue(new Error('Extension context invalidated.'));
    createOffsetCorrection(EPISODE, 'spotify', 0).save(3);
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith('[Chapterbar] offset not saved', expect.any(Error)));
    warn.mockRestore();
  });
});
