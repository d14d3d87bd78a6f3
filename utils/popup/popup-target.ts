import { browser } from 'wxt/browser';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { sendTabMessage } from '../messaging/protocol';
import { SITES } from '../sites/registry';
import { readTabReply, type TabReply } from '../messaging/tab-state-schema';

export interface PopupTarget {
  tabId: number | null;
  /** Whether the tab is on a site Chapterbar decorates (known from its URL when the browser says). */
  supportedSite: boolean;
}

function isSupportedUrl(url: string | undefined): boolean {
  return !!url && SITES.some((site) => site.matches.some((pattern) => new MatchPattern(pattern).includes(url)));
}

/**
 * The tab the popup speaks to: `?tab=ID` when given (tests, or a popup opened as a page), else the
 * active tab, else the media tab the person used last.
 */
export async function findPopupTarget(location: Location): Promise<PopupTarget> {
  const param = Number(new URL(location.href).searchParams.get('tab'));
  if (Number.isInteger(param) && param > 0) {
    const tab = await browser.tabs.get(param).catch(() => undefined);
    if (tab) return { tabId: param, supportedSite: isSupportedUrl(tab.url) || tab.url === undefined };
  }
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (active?.id !== undefined && isSupportedUrl(active.url)) return { tabId: active.id, supportedSite: true };
  const last = await findLastMediaTab();
  if (last !== null) return { tabId: last, supportedSite: true };
  return { tabId: active?.id ?? null, supportedSite: false };
}

/** How many of the person's tabs on the decorated sites a popup asks, the most recently used first. */
const TABS_ASKED = 8;

/**
 * The media tab the person used last: of the tabs on the sites Chapterbar decorates, the most
 * recently used one whose content script has an episode session. Asked when a popup opens where
 * no media plays, rather than announced by every page that shows a sidebar: a page's load then
 * sends the background nothing, and a sleeping worker stays asleep (README, Performance).
 * One tab at a time, newest first: a tab without a session answers at once, and only the tab
 * chosen loads its tools to answer (tab-control.ts), which the popup then needs anyway.
 */
async function findLastMediaTab(): Promise<number | null> {
  const tabs = await browser.tabs.query({ url: SITES.flatMap((site) => [...site.matches]) }).catch(() => []);
  const recent = tabs
    .filter((tab) => tab.id !== undefined)
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))
    .slice(0, TABS_ASKED);
  for (const { id } of recent) if ((await askTab(id!)).kind === 'state') return id!;
  return null;
}

/** Asks a tab's content script for its state; a tab without one answers nothing, not an error. */
export async function askTab(tabId: number): Promise<TabReply> {
  try {
    const reply = await sendTabMessage(tabId, 'getTabState');
    return reply === undefined ? { kind: 'unreachable' } : readTabReply(reply);
  } catch {
    return { kind: 'unreachable' };
  }
}
