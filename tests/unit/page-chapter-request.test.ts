import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPageChapterAsker, readPageChaptersReply, requestPageChapters } from '../../utils/sidebar/page-chapter-request';
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

describe('createPageChapterAsker', () => {
  afterEach(() => send.mockReset());
  const withTimes: PageMaterial = { ...material, content: { notes: '0:00 Intro\n4:30 Topic' } };

  it('asks again only when the material changed: the same material has the same answer', async () => {
    const ask = createPageChapterAsker();
    send.mockResolvedValue({ ok: true, page: null, settled: true });
    await expect(ask(withTimes)).resolves.toBe(false);
    await expect(ask({ ...withTimes })).resolves.toBe(false);
    expect(send).toHaveBeenCalledTimes(1);
    send.mockResolvedValue({ ok: true, page });
    const changed = { ...withTimes, content: { notes: '0:00 Intro\n4:30 Topic\n9:10 End' } };
    await expect(ask(changed)).resolves.toEqual(page);
    await expect(ask(changed)).resolves.toEqual(page);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('asks again after no answer, a refusal or "none yet"', async () => {
    const refused = vi.fn();
    const ask = createPageChapterAsker(refused);
    send.mockRejectedValueOnce(new Error('Receiving end does not exist.'));
    await expect(ask(withTimes)).resolves.toBeNull();
    send.mockResolvedValueOnce({ ok: false, message: 'Unreadable page material' });
    await expect(ask(withTimes)).resolves.toBeNull();
    expect(refused).toHaveBeenCalledWith('Unreadable page material');
    send.mockResolvedValueOnce({ ok: true, page: null, settled: false });
    await expect(ask(withTimes)).resolves.toBeNull();
    send.mockResolvedValueOnce({ ok: true, page });
    await expect(ask(withTimes)).resolves.toEqual(page);
    await expect(ask(withTimes)).resolves.toEqual(page);
    expect(send).toHaveBeenCalledTimes(4);
  });

  it('never sends material without two times in it: none yet, or a settled page when the adapter or a library episode says so', async () => {
    const ask = createPageChapterAsker();
    send.mockResolvedValue({ ok: true, page: null, settled: true });
    const oneTime = { ...material, content: { notes: 'The demo at 12:30.' } };
    await expect(ask(oneTime)).resolves.toBeNull();
    await expect(ask(oneTime, { settled: true })).resolves.toBe(false);
    expect(send).not.toHaveBeenCalled();
    await expect(ask(withTimes, { settled: true })).resolves.toBe(false);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('always sends the page’s inline data (its times are numbers)', async () => {
    const ask = createPageChapterAsker();
    send.mockResolvedValue({ ok: true, page });
    await expect(ask(material, { whole: true, settled: true })).resolves.toEqual(page);
    await expect(ask(material, { whole: true })).resolves.toEqual(page);
    expect(send).toHaveBeenCalledTimes(2);
  });
});
