import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { findPopupTarget } from '../../../utils/popup/popup-target';
import { tabState } from './tab-states';

// A popup opened where no media plays (a tab of its own, another site) speaks to the media tab the
// person used last: found by asking the tabs on the decorated sites, not from what pages announced.

const WATCH = 'https://www.youtube.com/watch?v=C6Zpjij5AF4';
const state = tabState({ site: 'youtube', media: { site: 'youtube', mediaId: 'C6Zpjij5AF4' } });

interface FakeTab {
  id: number;
  url: string;
  lastAccessed?: number;
  active?: boolean;
  /** What its top frame's content script answers getTabState: a state, null (plays nothing) or no answer. */
  answers?: 'state' | 'nothing' | 'unreachable';
}

let tabs: FakeTab[];
let urlFilters: unknown[];
/** The tabs asked, in order. */
let asked: number[];
beforeEach(() => {
  urlFilters = [];
  asked = [];
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async (query) => {
    if (query.active) return tabs.filter((tab) => tab.active) as never;
    urlFilters.push(query.url);
    // The browser returns only the tabs the patterns match; these fakes are all on YouTube but one.
    return tabs.filter((tab) => tab.url.startsWith('https://www.youtube.com/')) as never;
  });
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId: number) => {
    asked.push(tabId);
    const answers = tabs.find((tab) => tab.id === tabId)?.answers ?? 'unreachable';
    if (answers === 'unreachable') throw new Error('Could not establish connection. Receiving end does not exist.');
    return { res: answers === 'state' ? state : null };
  });
});
afterEach(() => vi.restoreAllMocks());

const popupPage = { id: 1, url: 'chrome-extension://id/popup.html', active: true };
const target = () => findPopupTarget(new URL('chrome-extension://id/popup.html') as unknown as Location);

describe('the popup’s media tab, when the active tab plays none', () => {
  it('is the most recently used tab whose page has an episode session', async () => {
    tabs = [
      popupPage,
      { id: 2, url: WATCH, lastAccessed: 100, answers: 'state' },
      { id: 3, url: WATCH, lastAccessed: 300, answers: 'state' },
      { id: 4, url: WATCH, lastAccessed: 200, answers: 'state' },
    ];
    await expect(target()).resolves.toEqual({ tabId: 3, supportedSite: true });
    expect(urlFilters).toEqual([expect.arrayContaining(['https://www.youtube.com/*', 'https://open.spotify.com/*'])]);
    // The newest first, and no further: only the chosen tab loads its tools to answer.
    expect(asked).toEqual([3]);
  });

  it('passes over newer tabs that play nothing or do not answer', async () => {
    tabs = [
      popupPage,
      { id: 2, url: WATCH, lastAccessed: 100, answers: 'state' },
      { id: 3, url: 'https://www.youtube.com/', lastAccessed: 300, answers: 'nothing' },
      { id: 4, url: WATCH, lastAccessed: 200, answers: 'unreachable' },
    ];
    await expect(target()).resolves.toEqual({ tabId: 2, supportedSite: true });
    expect(asked).toEqual([3, 4, 2]);
  });

  it('asks the 8 most recently used at most, those the browser gave no time last', async () => {
    tabs = [
      popupPage,
      { id: 20, url: WATCH, answers: 'state' },
      ...Array.from({ length: 9 }, (_, i) => ({ id: 10 + i, url: WATCH, lastAccessed: 100 + i, answers: 'nothing' as const })),
    ];
    await expect(target()).resolves.toEqual({ tabId: 1, supportedSite: false });
    expect(asked).toEqual([18, 17, 16, 15, 14, 13, 12, 11]);
  });

  it('is none when no tab has a session: the popup says where Chapterbar works', async () => {
    tabs = [popupPage, { id: 3, url: 'https://www.youtube.com/', lastAccessed: 300, answers: 'nothing' }];
    await expect(target()).resolves.toEqual({ tabId: 1, supportedSite: false });
  });

  it('is the active tab itself when that is on a decorated site, without asking the others', async () => {
    tabs = [
      { id: 5, url: WATCH, active: true, answers: 'nothing' },
      { id: 2, url: WATCH, lastAccessed: 100, answers: 'state' },
    ];
    await expect(target()).resolves.toEqual({ tabId: 5, supportedSite: true });
    expect(urlFilters).toEqual([]);
  });
});
