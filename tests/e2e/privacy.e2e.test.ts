import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EPISODE_VIDEO_ID, EXTENSION_PATH, fixture, launchBrowser, startServer, axSidebar } from './harness/index.ts';

describe('permissions', () => {
  const manifest = JSON.parse(readFileSync(resolve(EXTENSION_PATH, 'manifest.json'), 'utf8'));

  it('asks for the least it needs', () => {
    // storage: the library, links, offsets and preferences, kept on this machine. unlimitedStorage:
    // Chrome caps storage.local at 10 MB, less than a few thousand episodes (see wxt.config.ts);
    // it shows no install warning. scripting: after an update or reload, the background runs the
    // new content scripts in tabs already open (utils/background/reinject.ts), which Chrome does not do by
    // itself; it reaches only the hosts below, and shows no install warning either.
    expect(manifest.permissions).toEqual(['storage', 'unlimitedStorage', 'scripting']);
    // The pages Chapterbar decorates, and nothing else: the same hosts as its content scripts,
    // which also lets the popup read a tab's address to explain a missing sidebar.
    expect([...manifest.host_permissions].sort()).toEqual(
      [
        'https://m.youtube.com/*',
        'https://open.spotify.com/*',
        'https://www.youtube-nocookie.com/embed/*',
        'https://www.youtube.com/*',
      ].sort(),
    );
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
  });

  it('runs no remote code: a strict CSP and only its own scripts', () => {
    const csp: string = manifest.content_security_policy.extension_pages;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
    const scripts = manifest.content_scripts.flatMap((entry: { js: string[] }) => entry.js);
    for (const script of scripts) expect(script).toMatch(/^content-scripts\/[\w-]+\.js$/);
  });
});

describe('privacy', () => {
  it('a run makes no request beyond the fixtures and the extension, and the check can fail', async () => {
    const server = await startServer();
    const browser = await launchBrowser({ server });
    const page = await browser.newPage();
    await page.goto(`https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}`);
    await fixture(page).ready();
    await axSidebar(page).waitFor();
    expect(browser.offsiteRequests).toEqual([]);
    // A request to anywhere else is caught, so the check that guards every e2e file can fail.
    await page.evaluate(() => fetch('https://tracker.invalid/pixel').catch(() => null));
    await expect.poll(() => browser.offsiteRequests.length).toBe(1);
    await expect(browser.close()).rejects.toThrow('https://tracker.invalid/pixel');
    await server.close();
  });
});
