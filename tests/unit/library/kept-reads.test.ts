import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import { keptRead } from '../../../utils/library/kept-reads';

describe('keptRead', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads storage once until the value changes there', async () => {
    await browser.storage.local.set({ refusals: { 'youtube:abc': 'ep-1' } });
    const read = vi.fn(async () => (await browser.storage.local.get('refusals')).refusals);
    const kept = keptRead('local:refusals', read);
    await expect(kept.get()).resolves.toEqual({ 'youtube:abc': 'ep-1' });
    await expect(kept.get()).resolves.toEqual({ 'youtube:abc': 'ep-1' });
    expect(read).toHaveBeenCalledTimes(1);
    // Another key, or the same name in another area: still kept.
    await browser.storage.local.set({ offsets: {} });
    await browser.storage.session.set({ refusals: {} });
    await kept.get();
    expect(read).toHaveBeenCalledTimes(1);
    await browser.storage.local.set({ refusals: { 'youtube:abc': 'ep-2' } });
    await vi.waitFor(async () => expect(await kept.get()).toEqual({ 'youtube:abc': 'ep-2' }));
    kept.close();
  });

  it('reads again after forget() and after a failed read', async () => {
    const read = vi.fn<() => Promise<number>>().mockRejectedValueOnce(new Error('storage unavailable')).mockResolvedValue(7);
    const kept = keptRead('local:offsets', read);
    await expect(kept.get()).rejects.toThrow('storage unavailable');
    await expect(kept.get()).resolves.toBe(7);
    kept.forget();
    await expect(kept.get()).resolves.toBe(7);
    expect(read).toHaveBeenCalledTimes(3);
    kept.close();
  });
});
