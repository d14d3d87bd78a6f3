import { browser } from 'wxt/browser';

/*
 * The content scripts' context, in place of WXT 0.21's `ContentScriptContext` (wxt.config.ts
 * resolves `wxt/utils/content-script-context` here in content-script builds), with the same
 * AbortSignal / onInvalidated meaning, listening only to the extension's own signals. Only the part
 * of WXT's API that Chapterbar calls is here (every page pays for the bytes of the rest): timers
 * and listeners hang off `signal` where they are made.
 *
 * WXT's context tells an older copy of the script to stop through the page: it dispatches
 * `<extension id>:<entrypoint>:wxt:content-script-started` on `document` and posts the same to the
 * window with `postMessage(..., '*')`, and it stops on that event. The page hears both: it learns
 * the extension's id, and can dispatch the event itself, which switched Chapterbar off in its tab
 * for good. Here the newer copy reaches the older one through the isolated world's own global
 * scope, when they share it, which the page's scripts cannot reach. Where they do not (Chrome runs the scripts
 * that reinject.ts runs after an update in a fresh world), the newer copy removes what an older one
 * left on the page (its sidebar and progress-bar marks), and the older copy, whose extension went
 * away (`runtime.id` gone), stops the first time it looks (`isInvalid`, checked before it shows
 * anything and on every page change), with its listeners and timers.
 */

/** What a copy of a content script puts on the page; at start, any there is an older copy's. */
const OWN_ELEMENTS = 'chapterbar-sidebar, chapterbar-markers';

const REGISTRY = Symbol.for('chapterbar.contentScriptContexts');

type Registry = Map<string, ContentScriptContext>;

function registry(): Registry {
  const scope = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (scope[REGISTRY] ??= new Map());
}

export class ContentScriptContext {
  private readonly controller = new AbortController();

  // WXT also passes the script's definition, which nothing here reads.
  constructor(readonly contentScriptName: string) {
    // One running copy per script and frame: the newest, which replaces any older one.
    const running = registry();
    running.get(contentScriptName)?.notifyInvalidated();
    running.set(contentScriptName, this);
    for (const stale of document.querySelectorAll(OWN_ELEMENTS)) stale.remove();
    this.onInvalidated(() => {
      if (running.get(contentScriptName) === this) running.delete(contentScriptName);
    });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** True once invalidated; an extension that was updated or removed invalidates it here. */
  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  notifyInvalidated(): void {
    // The reason is the default AbortError: nothing reads it, and every page pays for a message.
    this.controller.abort();
  }
}
