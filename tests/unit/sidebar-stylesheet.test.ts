import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createStylesheetServer } from '../../utils/background/sidebar-stylesheet';
import { stylesheetKey } from '../../utils/storage/first-paint';

describe('the stylesheet the background serves to content scripts', () => {
  it('reads a content script’s CSS from the package once, by its entrypoint name', async () => {
    const fetchText = vi.fn(async (url: string) => `/* ${url} */ .cb {}`);
    const serve = createStylesheetServer(fetchText);
    await expect(serve('youtube')).resolves.toBe('/* chrome-extension://test-extension-id/content-scripts/youtube.css */ .cb {}');
    await serve('youtube');
    await serve('spotify');
    expect(fetchText.mock.calls.map(([url]) => url)).toEqual([
      'chrome-extension://test-extension-id/content-scripts/youtube.css',
      'chrome-extension://test-extension-id/content-scripts/spotify.css',
    ]);
  });

  it.each([['../background.js'], ['/etc/passwd'], ['youtube.css?x'], [''], [42], [null], ['a'.repeat(60)]])(
    'refuses %j: only entrypoint names name a stylesheet',
    async (name) => {
      const fetchText = vi.fn(async () => '');
      await expect(createStylesheetServer(fetchText)(name)).rejects.toThrow('No such stylesheet');
      expect(fetchText).not.toHaveBeenCalled();
    },
  );

  it('tries again after a failed read instead of remembering the failure', async () => {
    const fetchText = vi.fn().mockRejectedValueOnce(new Error('404')).mockResolvedValue('.cb {}');
    const serve = createStylesheetServer(fetchText);
    await expect(serve('spotify')).rejects.toThrow('404');
    await expect(serve('spotify')).resolves.toBe('.cb {}');
  });
});

describe('the content script’s stylesheet', () => {
  afterEach(() => {
    vi.doUnmock('../../utils/messaging/protocol');
    vi.resetModules();
  });

  it('is asked for once per page and shared, and asked again after a failure', async () => {
    const sendMessage = vi.fn().mockRejectedValueOnce(new Error('Extension context invalidated.')).mockResolvedValue('.cb {}');
    vi.doMock('../../utils/messaging/protocol', () => ({ sendMessage }));
    const { loadStylesheet } = await import('../../utils/sidebar/stylesheet');
    await expect(loadStylesheet()).rejects.toThrow('invalidated');
    await expect(loadStylesheet()).resolves.toBe('.cb {}');
    await expect(loadStylesheet()).resolves.toBe('.cb {}');
    expect(sendMessage).toHaveBeenCalledTimes(2);
    expect(sendMessage.mock.calls[1]![0]).toBe('getSidebarStylesheet');
  });

  it('takes the copy the background kept in storage.local for this version, without asking', async () => {
    const sendMessage = vi.fn().mockResolvedValue('.asked {}');
    vi.doMock('../../utils/messaging/protocol', () => ({ sendMessage }));
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '1.2.3' } as never);
    await fakeBrowser.storage.local.set({ [stylesheetKey(import.meta.env.ENTRYPOINT)]: { version: '1.2.3', css: '.kept {}' } });
    const { loadStylesheet } = await import('../../utils/sidebar/stylesheet');
    await expect(loadStylesheet()).resolves.toBe('.kept {}');
    expect(sendMessage).not.toHaveBeenCalled();
  });
});

describe('styling a shadow root', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('parses the stylesheet once, however many roots adopt it, and leaves no <style> to parse again', async () => {
    const { styleShadowRoot } = await import('../../utils/sidebar/stylesheet');
    const parse = vi.spyOn(CSSStyleSheet.prototype, 'replaceSync');
    const roots = [1, 2, 3].map(() => document.createElement('div').attachShadow({ mode: 'closed' }));
    for (const root of roots) styleShadowRoot(root, '.tick { color: red }');
    expect(parse).toHaveBeenCalledTimes(1);
    const [sheet] = roots[0]!.adoptedStyleSheets;
    expect(sheet?.cssRules[0]?.cssText).toBe('.tick { color: red; }');
    for (const root of roots) {
      expect(root.adoptedStyleSheets).toEqual([sheet]);
      expect(root.querySelector('style')).toBeNull();
    }
  });
});
