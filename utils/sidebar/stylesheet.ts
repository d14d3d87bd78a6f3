import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/protocol';
import { readStoredStylesheet, stylesheetKey } from '../storage/first-paint';

/*
 * The content script's stylesheet (the sidebar's, and on YouTube the progress-bar marks'), shared
 * by every shadow root that needs it: read from storage.local, where the background keeps the copy
 * it served last (storage/first-paint.ts), or else asked from the background, once per page. See
 * sidebar-stylesheet.ts for why it is not a string inside the script.
 */
let stylesheet: Promise<string> | null = null;
let stored: Promise<string | null> | null = null;

/** Starts reading the kept stylesheet; called as early as the content script starts. */
export function readKeptStylesheet(): Promise<string | null> {
  const key = stylesheetKey(import.meta.env.ENTRYPOINT);
  stored ??= browser.storage.local
    .get(key)
    .then((values) => readStoredStylesheet(values[key], browser.runtime.getManifest().version))
    .catch(() => null);
  return stored;
}

export function loadStylesheet(): Promise<string> {
  stylesheet ??= readKeptStylesheet().then((kept) => kept ?? sendMessage('getSidebarStylesheet', import.meta.env.ENTRYPOINT).then(String));
  // A failed request (the extension was just updated) is tried again by the next caller.
  stylesheet.catch(() => {
    stylesheet = null;
    stored = null;
  });
  return stylesheet;
}

/** The stylesheet parsed once, for every shadow root that adopts it (a page has one stylesheet). */
let adopted: CSSStyleSheet | undefined;

/**
 * Styles `shadow` with the content script's stylesheet, `css`. In Chromium every root adopts one
 * parsed sheet: a `<style>` in each root parsed the whole stylesheet again each time its host
 * entered the page (the progress-bar marks and the sidebar, on every navigation to an episode) and
 * built its rules again. Firefox keeps a `<style>` at the root's start, as its smoke test
 * (firefox.e2e) covers: adopting a sheet made in a Firefox content script, through the page's
 * wrappers, has not been tried there.
 */
export function styleShadowRoot(shadow: ShadowRoot, css: string): void {
  if (import.meta.env.FIREFOX) {
    const style = document.createElement('style');
    style.textContent = css;
    shadow.prepend(style);
    return;
  }
  if (!adopted) {
    adopted = new CSSStyleSheet();
    adopted.replaceSync(css);
  }
  shadow.adoptedStyleSheets = [adopted];
}
