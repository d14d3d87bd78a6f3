import { browser } from 'wxt/browser';
import { stylesheetKey, type StoredStylesheet } from '../storage/first-paint';

/*
 * The sidebar's stylesheet, served to content scripts by the background. It ships as each content
 * script's CSS file (`cssInjectionMode: 'manual'`: never injected into the page) rather than as a
 * string inside the script, where it was 2.2 KB of the 20 KB gzipped budget. The background reads
 * it from the package, so it is not made web-accessible: no page can probe for Chapterbar by it.
 */

/** Content scripts' entrypoint names: the only stylesheets there are to ask for. */
const ENTRYPOINT = /^[a-z][a-z0-9-]{0,40}$/;

export function createStylesheetServer(
  fetchText = (url: string) =>
    fetch(url).then((response) => (response.ok ? response.text() : Promise.reject(new Error(`${response.status}`)))),
) {
  const cache = new Map<string, Promise<string>>();
  return (entrypoint: unknown): Promise<string> => {
    if (typeof entrypoint !== 'string' || !ENTRYPOINT.test(entrypoint)) return Promise.reject(new Error('No such stylesheet'));
    let css = cache.get(entrypoint);
    if (!css) {
      css = fetchText((browser.runtime.getURL as (path: string) => string)(`/content-scripts/${entrypoint}.css`));
      cache.set(entrypoint, css);
      // Kept where the content script reads it on its next page without asking (and without
      // waiting for this worker to start): storage/first-paint.ts.
      void css
        .then((text) =>
          browser.storage.local.set({
            [stylesheetKey(entrypoint)]: { version: browser.runtime.getManifest().version, css: text } satisfies StoredStylesheet,
          }),
        )
        .catch(() => {});
      // A failed read is not remembered.
      css.catch(() => cache.delete(entrypoint));
    }
    return css;
  };
}
