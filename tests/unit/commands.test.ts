import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TabState } from '../../utils/messaging/protocol';

const sendTabMessage = vi.hoisted(() => vi.fn());
vi.mock('../../utils/messaging/protocol', () => ({ sendTabMessage }));
const { runCommandInActiveTab, stepInTab, stepTarget } = await import('../../utils/background/commands');

// Chapters at 0, 60, 120 and 180 s, the last open-ended.
const state = (currentTime: number, extra: Partial<TabState> = {}): TabState => ({
  site: 'youtube',
  media: { site: 'youtube', mediaId: 'C6Zpjij5AF4' },
  episode: {
    id: 'e',
    show: '',
    title: 'T',
    linked: false,
    chapters: [0, 60, 120, 180].map((start, i) => ({ start, end: i < 3 ? start + 60 : null, title: `Chapter ${i}` })),
  },
  activeIndex: Math.min(3, Math.floor(currentTime / 60)),
  currentTime,
  paused: true,
  playbackRate: 1,
  sidebarVisible: true,
  typing: false,
  ...extra,
});

describe('stepTarget', () => {
  it.each([
    [70, 1, 2],
    [0, 1, 1],
    [190, 1, -1],
    // Well into a chapter, "previous" restarts it; in its first seconds, it goes to the one before.
    [70, -1, 1],
    [61, -1, 0],
    [1, -1, 0],
  ] as const)('at %s s, %s goes to chapter %s', (time, direction, expected) => {
    expect(stepTarget(state(time), direction)).toBe(expected);
  });

  it('has nowhere to go without chapters', () => {
    expect(stepTarget(state(10, { episode: null }), 1)).toBe(-1);
    expect(stepTarget(state(10, { episode: null }), -1)).toBe(-1);
  });
});

describe('commands and the popup’s steps', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 } as never]);
  });
  afterEach(() => {
    sendTabMessage.mockReset();
    vi.restoreAllMocks();
  });
  const answer = (tabState: TabState | null) =>
    sendTabMessage.mockImplementation(async (_tab: number, type: string) => (type === 'getTabState' ? tabState : true));

  it('seeks the tab to the chapter worked out from its state', async () => {
    answer(state(70));
    expect(await runCommandInActiveTab('next-chapter')).toBe(true);
    expect(sendTabMessage).toHaveBeenLastCalledWith(7, 'seekChapter', 2);
    expect(await runCommandInActiveTab('previous-chapter')).toBe(true);
    expect(sendTabMessage).toHaveBeenLastCalledWith(7, 'seekChapter', 1);
    expect(await stepInTab(7, 1)).toBe(true);
    expect(sendTabMessage).toHaveBeenLastCalledWith(7, 'seekChapter', 2);
  });

  it('toggles the sidebar from what the tab says it shows', async () => {
    answer(state(70, { sidebarVisible: false }));
    expect(await runCommandInActiveTab('toggle-sidebar')).toBe(true);
    expect(sendTabMessage).toHaveBeenLastCalledWith(7, 'setSidebarVisible', true);
  });

  it('does nothing while the person types on the page, past the last chapter, or without media', async () => {
    answer(state(70, { typing: true }));
    expect(await runCommandInActiveTab('next-chapter')).toBe(false);
    expect(await runCommandInActiveTab('toggle-sidebar')).toBe(false);
    answer(state(190));
    expect(await runCommandInActiveTab('next-chapter')).toBe(false);
    expect(await stepInTab(7, 1)).toBe(false);
    answer(null);
    expect(await runCommandInActiveTab('previous-chapter')).toBe(false);
    expect(sendTabMessage.mock.calls.filter(([, type]) => type !== 'getTabState')).toEqual([]);
  });

  it('refuses unknown commands, a malformed state, and a tab without a content script', async () => {
    answer(state(70));
    expect(await runCommandInActiveTab('close-tab')).toBe(false);
    answer({ ...state(70), currentTime: Number.NaN });
    expect(await runCommandInActiveTab('next-chapter')).toBe(false);
    sendTabMessage.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await runCommandInActiveTab('next-chapter')).toBe(false);
  });
});
