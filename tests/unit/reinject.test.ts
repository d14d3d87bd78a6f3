import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { reinjectAfterInstall, reinjectContentScripts } from '../../utils/background/reinject';

// The manifest as WXT builds it for Chrome (see .output/chrome-mv3/manifest.json).
const MANIFEST = {
  manifest_version: 3,
  name: 'Chapterbar',
  version: '0.1.0',
  content_scripts: [
    { matches: ['https://open.spotify.com/*'], run_at: 'document_start', js: ['content-scripts/spotify-bridge.js'], world: 'MAIN' },
    { matches: ['https://open.spotify.com/*'], run_at: 'document_start', js: ['content-scripts/spotify.js'] },
    {
      matches: ['https://www.youtube.com/*', 'https://m.youtube.com/*'],
      all_frames: true,
      run_at: 'document_idle',
      js: ['content-scripts/youtube.js'],
    },
  ],
};

const TABS: Record<string, Partial<Browser.tabs.Tab>[]> = {
  'https://open.spotify.com/*': [{ id: 1 }],
  'https://www.youtube.com/*,https://m.youtube.com/*': [{ id: 2 }, { id: 3, discarded: true }, { id: 4 }, {}],
};

function stubBrowser(options: { failOn?: number } = {}) {
  vi.spyOn(browser.runtime, 'getManifest').mockReturnValue(MANIFEST as unknown as Browser.runtime.Manifest);
  vi.spyOn(browser.tabs, 'query').mockImplementation(async (query) => (TABS[String(query.url)] ?? []) as Browser.tabs.Tab[]);
  return vi.spyOn(browser.scripting, 'executeScript').mockImplementation(async (injection) => {
    if ('tabId' in injection.target && injection.target.tabId === options.failOn) throw new Error('Cannot access contents of the page');
    return [];
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('reinjectContentScripts', () => {
  it('runs each isolated-world content script in the open tabs it matches, as the manifest declares it', async () => {
    const executeScript = stubBrowser();
    expect(await reinjectContentScripts()).toBe(3);
    expect(executeScript.mock.calls.map(([injection]) => injection)).toEqual([
      { target: { tabId: 1, allFrames: false }, files: ['content-scripts/spotify.js'] },
      { target: { tabId: 2, allFrames: true }, files: ['content-scripts/youtube.js'] },
      { target: { tabId: 4, allFrames: true }, files: ['content-scripts/youtube.js'] },
    ]);
  });

  it('never runs the main-world bridge again (its old copy keeps working in the page)', async () => {
    const executeScript = stubBrowser();
    await reinjectContentScripts();
    expect(executeScript.mock.calls.flatMap(([injection]) => ('files' in injection ? injection.files : []))).not.toContain(
      'content-scripts/spotify-bridge.js',
    );
  });

  it('goes on past a tab it cannot reach', async () => {
    const executeScript = stubBrowser({ failOn: 2 });
    expect(await reinjectContentScripts()).toBe(2);
    expect(executeScript).toHaveBeenCalledTimes(3);
  });
});

describe('reinjectAfterInstall', () => {
  it.each([
    ['install', 3],
    ['update', 3],
    ['chrome_update', 0],
    ['shared_module_update', 0],
  ])('on %s runs %d scripts', async (reason, count) => {
    const executeScript = stubBrowser();
    reinjectAfterInstall({ reason });
    // Whether to inject is decided at once: the manifest is read then, or never.
    expect(browser.runtime.getManifest).toHaveBeenCalledTimes(count ? 1 : 0);
    await vi.waitFor(() => expect(executeScript).toHaveBeenCalledTimes(count));
    // Every stub answers in a microtask: after one task boundary the work is done, whatever the clock.
    await new Promise((done) => setTimeout(done, 0));
    expect(executeScript).toHaveBeenCalledTimes(count);
  });
});
