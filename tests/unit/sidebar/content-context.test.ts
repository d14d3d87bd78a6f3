import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from '../../../utils/sidebar/content-context';

// The content scripts' context (wxt.config.ts puts it in place of WXT's): it stops on the
// extension's own signals only, and tells the page nothing.

const live: ContentScriptContext[] = [];
const context = (name = 'youtube') => {
  const ctx = new ContentScriptContext(name);
  live.push(ctx);
  return ctx;
};
afterEach(() => {
  live.splice(0).forEach((ctx) => ctx.notifyInvalidated());
  vi.restoreAllMocks();
});

describe('the content-script context', () => {
  it('posts nothing to the page and dispatches nothing on it when it starts', () => {
    const posted = vi.spyOn(window, 'postMessage');
    const dispatched = vi.spyOn(document, 'dispatchEvent');
    const windowDispatched = vi.spyOn(window, 'dispatchEvent');
    context();
    expect(posted).not.toHaveBeenCalled();
    expect(dispatched).not.toHaveBeenCalled();
    expect(windowDispatched).not.toHaveBeenCalled();
  });

  it('survives every event a page can fire, WXT’s own "script started" event included', () => {
    const ctx = context();
    const onInvalidated = vi.fn();
    ctx.onInvalidated(onInvalidated);
    const name = `${fakeBrowser.runtime.id}:youtube:wxt:content-script-started`;
    document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'youtube', messageId: 'forged' } }));
    window.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'youtube', messageId: 'forged' } }));
    window.postMessage({ type: name, contentScriptName: 'youtube', messageId: 'forged' }, '*');
    window.dispatchEvent(new MessageEvent('message', { data: { type: name, contentScriptName: 'youtube', messageId: 'forged' } }));
    expect(ctx.isInvalid).toBe(false);
    expect(ctx.signal.aborted).toBe(false);
    expect(onInvalidated).not.toHaveBeenCalled();
  });

  it('stops an older copy of the same script in this world when a newer one starts (reinjection after an update)', () => {
    const old = context('youtube');
    const spotify = context('spotify');
    const stopped = vi.fn();
    old.onInvalidated(stopped);
    const fresh = context('youtube');
    expect(stopped).toHaveBeenCalledOnce();
    expect(old.isInvalid).toBe(true);
    expect(fresh.isInvalid).toBe(false);
    expect(spotify.isInvalid).toBe(false);
  });

  it('stops when the extension goes away (its runtime id is gone), and its listeners with it', () => {
    const ctx = context();
    const heard = vi.fn();
    document.addEventListener('visibilitychange', heard, { signal: ctx.signal });
    const id = vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    expect(ctx.isInvalid).toBe(true);
    id.mockRestore();
    document.dispatchEvent(new Event('visibilitychange'));
    expect(heard).not.toHaveBeenCalled();
  });

  it('has no way to listen to WXT’s page-dispatched `wxt:` events (the page could fire them)', () => {
    expect('addEventListener' in context()).toBe(false);
  });
});
