import { browser } from 'wxt/browser';
import { sendTabMessage, type ChapterCommand } from './messaging';

const COMMANDS: readonly ChapterCommand[] = ['next-chapter', 'previous-chapter', 'toggle-sidebar'];

export function isChapterCommand(name: string): name is ChapterCommand {
  return (COMMANDS as readonly string[]).includes(name);
}

/** Hands a keyboard command to the active tab's top frame, where the episode's sidebar lives. */
export async function runCommandInActiveTab(name: string): Promise<boolean> {
  if (!isChapterCommand(name)) return false;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return false;
  try {
    return (await sendTabMessage(tab.id, 'runCommand', name)) === true;
  } catch {
    // No content script in that tab (not a supported site, or the page predates the extension).
    return false;
  }
}
