import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EPISODE_VIDEO_ID, startServer, type FixtureServer } from './harness/index.ts';
import { FIREFOX_EXTENSION_PATH, buildFirefoxExtension, launchFirefox, type LaunchedFirefox } from './harness/firefox.ts';

// A smoke test of the Firefox build in Debian's Firefox ESR, over WebDriver BiDi: the MV2
// package installs, the YouTube sidebar shows, follows the media, seeks, survives single-page
// navigation, logs no errors and calls no one.

let server: FixtureServer;
let firefox: LaunchedFirefox;

/** Expressions evaluated in the page (the sidebar's shadow root is open). */
const ROOT = `document.querySelector('chapterbar-sidebar')?.shadowRoot`;
const SEEK_LABELS = `return [...(${ROOT}?.querySelectorAll('button.cb-seek') ?? [])].map((b) => b.getAttribute('aria-label'));`;
const CURRENT = `return ${ROOT}?.querySelector('li[aria-current="true"] button.cb-seek')?.getAttribute('aria-label') ?? null;`;
const VIDEO_TIME = `return document.querySelector('#movie_player video').currentTime;`;

beforeAll(async () => {
  buildFirefoxExtension();
  server = await startServer();
  firefox = await launchFirefox({ server });
}, 240_000);

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

describe('the Firefox build in Firefox', () => {
  it('is an MV2 package with its add-on id', () => {
    const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_PATH, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.browser_specific_settings.gecko.id).toBe('chapterbar@chapterbar.app');
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('shows the YouTube sidebar, follows the media and seeks', async () => {
    await firefox.navigate(`https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}&paused=1`);
    const labels = await firefox.waitFor<string[]>(`const l = (() => { ${SEEK_LABELS} })(); return l.length === 16 ? l : null;`);
    expect(labels[0]).toMatch(/^0:00 From hedge funds/);
    expect(await firefox.evaluate<number>(`return document.querySelectorAll('chapterbar-sidebar').length;`)).toBe(1);

    await firefox.evaluate(`document.querySelector('#movie_player video').currentTime = 600; return true;`);
    await firefox.waitFor(`const c = (() => { ${CURRENT} })(); return c?.startsWith('9:10 ') ? c : null;`);

    await firefox.evaluate(`${ROOT}.querySelector('button.cb-seek[aria-label^="19:42 "]').click(); return true;`);
    await firefox.waitFor(`return (() => { ${VIDEO_TIME} })() >= 19 * 60 + 42;`);
    await firefox.waitFor(`const c = (() => { ${CURRENT} })(); return c?.startsWith('19:42 ') ? c : null;`);
    await firefox.screenshot('firefox-youtube');
  });

  it('swaps the sidebar on single-page navigation', async () => {
    await firefox.evaluate(`window.__fixture.navigate('dQw4w9WgXcQ'); return true;`);
    await firefox.waitFor(`return document.querySelectorAll('chapterbar-sidebar').length === 0;`);
    await firefox.evaluate(`window.__fixture.navigate('${EPISODE_VIDEO_ID}'); return true;`);
    await firefox.waitFor(`return (() => { ${SEEK_LABELS} })().length === 16;`);
    expect(await firefox.evaluate<number>(`return document.querySelectorAll('chapterbar-sidebar').length;`)).toBe(1);
  });

  it('logged no errors and asked no host beyond the fixtures (and the check can fail)', async () => {
    expect(firefox.errors).toEqual([]);
    expect(firefox.offsiteHosts).toEqual([]);
    await firefox.evaluate(`fetch('https://tracker.invalid/pixel').catch(() => {}); return true;`);
    await expect.poll(() => firefox.offsiteHosts).toEqual(['tracker.invalid']);
  });
});
