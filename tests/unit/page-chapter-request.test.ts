import { afterEach, describe, expect, it, vi } from 'vitest';
import { readPageChaptersReply, requestPageChapters } from '../../utils/sidebar/page-chapter-request';
import type { PageMaterial } from '../../utils/sites/types';

const send = vi.hoisted(() => vi.fn());
vi.mock('../../utils/messaging/protocol', () => ({ sendMessage: send }));

const page = {
  source: 'description',
  episode: {
    id: 'youtube-YtChapters1',
    show: '',
    title: 'A video',
    altTitles: [],
    ids: { youtube: ['YtChapters1'] },
    offsets: {},
    chapters: [{ start: 0, title: 'Intro', description: '', bullets: [] }],
  },
};
const material: PageMaterial = { site: 'youtube', mediaId: 'YtChapters1', content: { notes: '' } };

// The background answers only with chapters it checked itself, as the episode to show: the
// content script tells a reply with chapters from a refusal, none, or no reply.
describe('readPageChaptersReply', () => {
  it('takes a reply’s chapters', () => {
    expect(readPageChaptersReply({ ok: true, page: page as never })).toEqual(page);
    expect(readPageChaptersReply({ ok: true, page: null })).toBeNull();
  });

  it('tells "none, and the page is settled" (false) from "none yet" (null)', () => {
    expect(readPageChaptersReply({ ok: true, page: null, settled: true })).toBe(false);
    expect(readPageChaptersReply({ ok: true, page: null, settled: false })).toBeNull();
    expect(readPageChaptersReply({ ok: true, page: page as never, settled: true })).toEqual(page);
  });

  it('reads a refusal or no reply as no chapters', () => {
    expect(readPageChaptersReply({ ok: false, message: 'Unreadable page material' })).toBeNull();
    expect(readPageChaptersReply(undefined)).toBeNull();
    expect(readPageChaptersReply(null)).toBeNull();
  });
});

describe('requestPageChapters', () => {
  afterEach(() => send.mockReset());

  it('asks the background with the material and takes its answer', async () => {
    send.mockResolvedValue({ ok: true, page });
    await expect(requestPageChapters(material)).resolves.toEqual(page);
    expect(send).toHaveBeenCalledWith('readPageChapters', material);
    send.mockResolvedValue({ ok: false, message: 'Unreadable page material' });
    await expect(requestPageChapters(material)).resolves.toBeNull();
  });

  it('passes a refusal’s message, or a reply’s note, on for the person, and nothing when all was read', async () => {
    const told = vi.fn();
    send.mockResolvedValue({ ok: false, message: 'Unreadable page material' });
    await requestPageChapters(material, told);
    send.mockResolvedValue({ ok: true, page: null, note: 'Part of this page’s own data could not be read' });
    await expect(requestPageChapters(material, told)).resolves.toBeNull();
    send.mockResolvedValue({ ok: true, page });
    await requestPageChapters(material, told);
    expect(told.mock.calls).toEqual([['Unreadable page material'], ['Part of this page’s own data could not be read']]);
  });

  it('is null, never a rejection, when the background cannot be reached', async () => {
    send.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(requestPageChapters(material)).resolves.toBeNull();
  });
});
