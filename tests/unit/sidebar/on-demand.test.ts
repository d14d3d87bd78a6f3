import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { runOnDemand } from '../../../utils/background/on-demand';
import * as protocol from '../../../utils/messaging/protocol';
import { isAllowedSender } from '../../../utils/messaging/senders';
import { loadOnDemand } from '../../../utils/sidebar/on-demand';
import { ON_DEMAND_GLOBAL, SHARED_GLOBAL, onDemandNow, provideOnDemand } from '../../../utils/sidebar/on-demand-registry';
import { ON_DEMAND_SHARED } from '../../../utils/sidebar/on-demand-shared';

const scope = globalThis as Record<string, unknown>;
/** What this copy of the content script has had run (on-demand-registry.ts). */
const ours = () => (scope[ON_DEMAND_GLOBAL] as WeakMap<object, Record<string, unknown>>).get(ON_DEMAND_SHARED)!;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('loading a script on demand (content side)', () => {
  it('asks the background once, shares Preact first, and resolves with what the script left', async () => {
    // The setup file has provided the sidebar's extras; this test starts from a world without them.
    delete ours()['sidebar-extras'];
    delete scope[SHARED_GLOBAL];
    const left = { Tool: () => null };
    const send = vi.spyOn(protocol, 'sendMessage').mockImplementation(async (type, data) => {
      expect([type, data]).toEqual(['loadOnDemand', 'sidebar-extras']);
      // What executeScript runs finds the content script's Preact, then leaves its exports.
      expect(scope[SHARED_GLOBAL]).toBe(ON_DEMAND_SHARED);
      provideOnDemand('sidebar-extras', left);
      return undefined as never;
    });
    const [a, b] = await Promise.all([loadOnDemand('sidebar-extras'), loadOnDemand('sidebar-extras')]);
    expect(a).toBe(left);
    expect(b).toBe(left);
    expect(await loadOnDemand('sidebar-extras')).toBe(left);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('fails when the script left nothing, and asks again next time', async () => {
    const extras = ours()['sidebar-extras'];
    delete ours()['sidebar-extras'];
    const send = vi.spyOn(protocol, 'sendMessage').mockResolvedValueOnce(undefined as never);
    await expect(loadOnDemand('sidebar-extras')).rejects.toThrow('sidebar-extras did not arrive');
    send.mockImplementationOnce(async () => {
      provideOnDemand('sidebar-extras', extras);
      return undefined as never;
    });
    expect(await loadOnDemand('sidebar-extras')).toBe(extras);
    expect(send).toHaveBeenCalledTimes(2);
  });
});

it('keeps what a script left for one copy of the content script from another copy in the same world', () => {
  // A copy that reinjection starts beside an older one shares a different Preact.
  const older = {};
  scope[SHARED_GLOBAL] = older;
  provideOnDemand('sidebar-editor', { Panel: 'older' });
  scope[SHARED_GLOBAL] = ON_DEMAND_SHARED;
  expect(onDemandNow('sidebar-editor', older)).toEqual({ Panel: 'older' });
  expect(onDemandNow('sidebar-editor', ON_DEMAND_SHARED)).toBeUndefined();
});

describe('loading a script on demand (background side)', () => {
  const tab = { id: 7 } as Browser.tabs.Tab;
  const sender = (frameId: number): Browser.runtime.MessageSender => ({ id: browser.runtime.id, tab, frameId });

  it('runs the named script in the asking frame, and only there', async () => {
    const executeScript = vi.spyOn(browser.scripting, 'executeScript').mockResolvedValue([] as never);
    await runOnDemand('sidebar-extras', sender(3));
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [3] }, files: ['/sidebar-extras.js'] });
  });

  it('runs no file it does not list, and nothing for a sender without a tab', async () => {
    const executeScript = vi.spyOn(browser.scripting, 'executeScript').mockResolvedValue([] as never);
    await expect(runOnDemand('../background', sender(0))).rejects.toThrow('no script');
    await expect(runOnDemand('sidebar-extras', { id: browser.runtime.id })).rejects.toThrow('no tab');
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('answers content scripts only', () => {
    expect(isAllowedSender('loadOnDemand', sender(0))).toBe(true);
    expect(isAllowedSender('loadOnDemand', { id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') })).toBe(false);
    expect(isAllowedSender('loadOnDemand', { id: 'another-extension', tab, frameId: 0 })).toBe(false);
  });
});
