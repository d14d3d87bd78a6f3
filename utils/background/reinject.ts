import { browser, type Browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';

/**
 * After an update, or a reload during development, Chrome does not run an extension's content
 * scripts again in the tabs that are already open: their old scripts are cut off from the extension
 * (every message and storage call fails), and no new ones arrive until the tab is reloaded. On
 * install, tabs opened before have none at all. This runs the manifest's content scripts in those
 * tabs. The new script's ContentScriptContext (WXT) announces itself on the page, which stops the
 * old one: its sidebar is removed and its listeners and timers end with its AbortSignal, so the
 * new one takes over with exactly one sidebar.
 *
 * Chrome only: Firefox runs declared content scripts in open tabs itself when an extension is
 * installed, updated or reloaded, so doing it here too would start every script twice.
 *
 * Scripts for the page's own world (the Spotify bridge) are not run again: the old copy lives in
 * the page's world, which an update does not touch, and keeps reporting the media element; a
 * second copy would wrap the page's functions a second time, after the page has already created
 * its element. (A tab opened before the install has no bridge: there Chapterbar follows the player
 * bar's clock until the tab is reloaded, as in Firefox.)
 */
/** A manifest content_scripts entry, with the MV3 `world` the polyfill's types lack. */
interface DeclaredScript {
  matches?: string[];
  js?: string[];
  all_frames?: boolean;
  world?: string;
}

export async function reinjectContentScripts(): Promise<number> {
  const scripts: DeclaredScript[] = browser.runtime.getManifest().content_scripts ?? [];
  let injected = 0;
  for (const script of scripts) {
    if (!script.js?.length || !script.matches?.length || script.world === 'MAIN') continue;
    // Matching tabs only: the host permissions let tabs.query filter by URL without the tabs permission.
    const tabs = await browser.tabs.query({ url: script.matches }).catch(() => [] as Browser.tabs.Tab[]);
    for (const tab of tabs) {
      // A discarded tab loads the new scripts when it is woken; executeScript would fail there.
      if (tab.id === undefined || tab.discarded) continue;
      try {
        // The manifest's own paths, which are the built files: exactly what Chrome itself would run.
        const files = script.js as ScriptPublicPath[];
        await browser.scripting.executeScript({ target: { tabId: tab.id, allFrames: script.all_frames ?? false }, files });
        injected++;
      } catch {
        // The tab navigated away, crashed, or shows an error page: there is nothing to take over.
      }
    }
  }
  return injected;
}

/** The background's one line: `browser.runtime.onInstalled.addListener(reinjectAfterInstall)`. */
export function reinjectAfterInstall(details: { reason: string }): void {
  if (import.meta.env.FIREFOX) return;
  if (details.reason === 'install' || details.reason === 'update') void reinjectContentScripts();
}
