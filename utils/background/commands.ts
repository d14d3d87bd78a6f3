import { browser } from 'wxt/browser';
import { findActiveChapter, previousChapterTarget } from '../chapters/active';
import { sendTabMessage, type ChapterCommand, type TabState } from '../messaging/protocol';
import { readTabReply } from '../messaging/tab-state-schema';

const COMMANDS: readonly ChapterCommand[] = ['next-chapter', 'previous-chapter', 'toggle-sidebar'];

export function isChapterCommand(name: string): name is ChapterCommand {
  return (COMMANDS as readonly string[]).includes(name);
}

/**
 * The chapter "next" (1) or "previous" (-1) goes to from where the tab plays, or -1 for none:
 * previous restarts the current chapter first when well into it, as media players do. Worked out
 * here, from the tab's state, for the popup and the keyboard alike, so the content scripts (paid
 * for on every page) only report and seek.
 */
export function stepTarget(state: TabState, direction: 1 | -1): number {
  const chapters = state.episode?.chapters ?? [];
  const target = direction === 1 ? findActiveChapter(chapters, state.currentTime) + 1 : previousChapterTarget(chapters, state.currentTime);
  return target < chapters.length ? target : -1;
}

/** Moves the tab's media to the next or previous chapter; false when there is none or no answer. */
export async function stepInTab(tabId: number, direction: 1 | -1): Promise<boolean> {
  const reply = readTabReply(await sendTabMessage(tabId, 'getTabState'));
  if (reply.kind !== 'state') return false;
  const target = stepTarget(reply.state, direction);
  return target >= 0 && (await sendTabMessage(tabId, 'seekChapter', target));
}

/**
 * Carries out a keyboard command in the active tab's top frame, where the episode's sidebar lives.
 * Commands fire whatever has focus, so nothing happens while the person types on the page.
 */
export async function runCommandInActiveTab(name: string): Promise<boolean> {
  if (!isChapterCommand(name)) return false;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return false;
  try {
    const reply = readTabReply(await sendTabMessage(tab.id, 'getTabState'));
    if (reply.kind !== 'state' || reply.state.typing) return false;
    if (name === 'toggle-sidebar') return await sendTabMessage(tab.id, 'setSidebarVisible', !reply.state.sidebarVisible);
    const target = stepTarget(reply.state, name === 'next-chapter' ? 1 : -1);
    return target >= 0 && (await sendTabMessage(tab.id, 'seekChapter', target));
  } catch {
    // No content script in that tab (not a supported site, or the page predates the extension).
    return false;
  }
}
