import { browser, type Browser } from 'wxt/browser';
import { ON_DEMAND, type OnDemandName } from '../sidebar/on-demand-registry';

const isOnDemand = (name: unknown): name is OnDemandName => ON_DEMAND.includes(name as OnDemandName);

/**
 * Runs an on-demand script (utils/sidebar/on-demand.ts) in the frame of the content script that
 * asked, in that script's isolated world: executeScript's default world in Chrome, the content
 * scripts' sandbox in Firefox. Only the listed scripts run, only a content script may ask
 * (senders.ts), and nothing is made web-accessible, so a page can neither load the files nor
 * learn from them that Chapterbar is installed.
 *
 * Chrome uses `scripting`, already granted for reinjection (reinject.ts); Firefox's MV2 build has
 * no `scripting` permission and uses `tabs.executeScript`, which the host permissions allow.
 */
export async function runOnDemand(name: unknown, sender: Browser.runtime.MessageSender): Promise<void> {
  if (!isOnDemand(name)) throw new Error(`loadOnDemand: no script ${String(name)}`);
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error('loadOnDemand: no tab');
  const frameId = sender.frameId ?? 0;
  const file = `/${name}.js` as const;
  if (import.meta.env.MANIFEST_VERSION === 2) {
    await browser.tabs.executeScript(tabId, { file, frameId });
    return;
  }
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file] });
}
