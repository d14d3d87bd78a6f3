import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  EPISODE_VIDEO_ID,
  ROOT,
  fixture,
  screenshot,
  youtubeVideo,
  type FixtureServer,
  type LaunchedBrowser,
  useFileBrowser,
} from './harness/index.ts';

// Proves the harness, not the extension: the built extension loads, the fake youtube.com serves
// real-origin HTTPS pages whose media plays and seeks, and the fixture reproduces YouTube's
// navigation, ads, theater mode and themes. Nothing here looks at Chapterbar's own UI.

const episode = youtubeVideo(EPISODE_VIDEO_ID);
const other = youtubeVideo('dQw4w9WgXcQ');
const unrelated = youtubeVideo('abcdefghijk');

let server: FixtureServer;
let browser: LaunchedBrowser;
let page: Page;

useFileBrowser((started) => ({ server, browser, page } = started));

const mainVideo = () => fixture(page).video();
const waitForTime = (seconds: number) => page.waitForFunction((t) => (window.__fixture.video()?.currentTime ?? 0) > t, seconds);

describe('e2e harness', () => {
  it('loads the built extension (its service worker runs)', () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    expect(browser.context.serviceWorkers().some((w) => w.url().startsWith(`chrome-extension://${browser.extensionId}/`))).toBe(true);
  });

  it('serves the watch page over HTTPS under the real origin', async () => {
    const response = await page.goto(`https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}`);
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe(`https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}`);
    expect(await page.title()).toBe(`${episode.title} - YouTube`);
    await fixture(page).ready();
    expect(await page.textContent('ytd-watch-metadata #title h1 yt-formatted-string')).toBe(episode.title);
    expect(await page.getAttribute('ytd-watch-flexy', 'video-id')).toBe(EPISODE_VIDEO_ID);
    // YouTube fires yt-navigate-finish on the first load too.
    expect((await fixture(page).events()).map((e) => e.type)).toEqual(['yt-page-data-updated', 'yt-navigate-finish']);
    expect(server.requests[0]).toMatchObject({ host: 'www.youtube.com', url: `/watch?v=${EPISODE_VIDEO_ID}`, status: 200 });
  });

  it('plays the 45-minute episode and seeks into it', async () => {
    await waitForTime(0.5);
    const playing = await mainVideo();
    expect(playing).toMatchObject({ paused: false, src: 'https://www.youtube.com/media/episode-45min.webm' });
    expect(playing!.duration).toBeCloseTo(2702, 0);
    // The media element asked for a byte range and got a 206: that is what makes it seekable.
    expect(server.requests.find((r) => r.url === '/media/episode-45min.webm')).toMatchObject({ range: 'bytes=0-', status: 206 });

    await page.evaluate(
      () =>
        new Promise((done) => {
          const video = window.__fixture.video()!;
          video.addEventListener('seeked', done, { once: true });
          video.currentTime = 1800;
        }),
    );
    await waitForTime(1800.5); // still playing after the seek
    expect((await mainVideo())!.currentTime).toBeLessThan(1810);
  });

  it('answers byte ranges the way media elements need', async () => {
    const size = statSync(resolve(ROOT, 'tests/fixtures/media/episode-45min.webm')).size;
    const { status, headers, body } = await server.get('/media/episode-45min.webm', { headers: { Range: 'bytes=100-199' } });
    expect(status).toBe(206);
    expect(headers['content-range']).toBe(`bytes 100-199/${size}`);
    expect(headers['accept-ranges']).toBe('bytes');
    expect(headers['content-type']).toBe('video/webm');
    expect(body.length).toBe(100);
    expect((await server.get('/media/episode-45min.webm', { headers: { Range: `bytes=${size}-` } })).status).toBe(416);
  });

  it('navigates like YouTube: events, URL, title, the same <video>', async () => {
    await page.evaluate(() => {
      const w = window as unknown as { finished: string[]; firstVideo: unknown };
      w.finished = [];
      w.firstVideo = window.__fixture.video();
      document.addEventListener('yt-navigate-finish', () => w.finished.push(document.title));
    });
    await page.click(`#related a#thumbnail[href="/watch?v=${other.id}"]`);
    await page.mouse.move(0, 0); // off the cards, or their hover preview would cover the screenshots
    await page.waitForFunction((title) => document.title === title, `${other.title} - YouTube`);
    expect(page.url()).toBe(`https://www.youtube.com/watch?v=${other.id}`);
    expect(await page.evaluate(() => (window as unknown as { finished: string[] }).finished)).toEqual([`${other.title} - YouTube`]);
    expect(await page.textContent('ytd-watch-metadata #title h1')).toBe(other.title);
    expect(await page.getAttribute('ytd-watch-flexy', 'video-id')).toBe(other.id);
    // YouTube reuses the element and swaps its source; server-rendered <meta> stays stale.
    expect(await page.evaluate(() => (window as unknown as { firstVideo: unknown }).firstVideo === window.__fixture.video())).toBe(true);
    await page.waitForFunction(() => Math.round(window.__fixture.video()!.duration) === 300);
    expect(await page.getAttribute('meta[property="og:title"]', 'content')).toBe(episode.title);

    // The option to swap in a new <video> element instead.
    await fixture(page).navigate(unrelated.id, { replacePlayer: true });
    expect(await page.title()).toBe(`${unrelated.title} - YouTube`);
    expect(await page.evaluate(() => (window as unknown as { firstVideo: unknown }).firstVideo === window.__fixture.video())).toBe(false);
    expect(await page.evaluate(() => document.querySelectorAll('#movie_player video').length)).toBe(1);

    // Back: popstate, and the same start/finish events.
    await page.goBack();
    await page.waitForFunction((title) => document.title === title, `${other.title} - YouTube`);
    const events = await fixture(page).events();
    expect(events.at(-1)).toMatchObject({ type: 'yt-navigate-finish', videoId: other.id });
    expect(events.filter((e) => e.type === 'yt-navigate-start').map((e) => e.videoId)).toEqual([other.id, unrelated.id, other.id]);
  });

  it('plays an ad in the same <video>, then returns to the episode time', async () => {
    await fixture(page).navigate(EPISODE_VIDEO_ID);
    await page.evaluate(() => void (window.__fixture.video()!.currentTime = 1200));
    await waitForTime(1200.2);
    await fixture(page).startAd();
    expect(await page.getAttribute('#movie_player', 'class')).toMatch(/\bad-showing\b.*\bad-interrupting\b/);
    expect((await mainVideo())!.duration).toBeCloseTo(300, 0); // the ad's duration, not the episode's
    await fixture(page).endAd();
    expect(await page.getAttribute('#movie_player', 'class')).not.toMatch(/ad-showing/);
    const back = (await mainVideo())!;
    expect(back.duration).toBeCloseTo(2702, 0);
    expect(back.currentTime).toBeGreaterThanOrEqual(1200);
    expect(back.currentTime).toBeLessThan(1205);
  });

  it('moves the player for theater mode and switches themes', async () => {
    await fixture(page).setTheater(true);
    expect(await page.$('ytd-watch-flexy[theater][full-bleed-player] #player-full-bleed-container #movie_player')).not.toBeNull();
    expect((await page.locator('#movie_player').boundingBox())!.width).toBe(1400);
    await screenshot(page, 'harness-watch-theater', { asset: false });
    await fixture(page).setTheater(false);
    expect(await page.$('#primary #player-container-inner #movie_player')).not.toBeNull();
    expect((await mainVideo())!.paused).toBe(false); // moving the player did not stop it

    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await fixture(page).setDark(false);
    expect(await background()).toBe('rgb(255, 255, 255)');
    await screenshot(page, 'harness-watch-light', { asset: false });
    await fixture(page).setDark(true);
    expect(await background()).toBe('rgb(15, 15, 15)');
    await screenshot(page, 'harness-watch-dark', { asset: false });
  });

  it('has a hover preview with its own <video>, and a home page that hides the player', async () => {
    await fixture(page).hoverPreview(other.id);
    expect(await page.$$eval('video.html5-main-video', (videos) => videos.length)).toBe(2);
    expect(await page.$('ytd-video-preview[active] #inline-preview-player video')).not.toBeNull();
    await fixture(page).endPreview();

    await fixture(page).navigateHome();
    expect(page.url()).toBe('https://www.youtube.com/');
    expect(await page.title()).toBe('YouTube');
    // YouTube keeps the hidden watch page, its player and its paused <video> in the DOM.
    expect(await page.$('ytd-watch-flexy[hidden] #movie_player video')).not.toBeNull();
    expect((await mainVideo())!.paused).toBe(true);
    expect((await fixture(page).events()).at(-1)).toMatchObject({ type: 'yt-navigate-finish', videoId: null });
  });

  it('can make the player arrive after the page', async () => {
    await page.goto(`https://www.youtube.com/watch?v=${EPISODE_VIDEO_ID}&late=1500&paused=1`);
    await fixture(page).ready(); // navigate-finish has fired...
    expect(await page.$('#movie_player')).toBeNull(); // ...but there is no player yet
    await fixture(page).playerReady();
    await page.waitForFunction(() => window.__fixture.video()!.readyState >= 1);
    expect(await mainVideo()).toMatchObject({ paused: true, currentTime: 0 });
  });

  it('serves embeds and m.youtube.com', async () => {
    await page.goto(`https://www.youtube-nocookie.com/embed/${EPISODE_VIDEO_ID}?autoplay=1&mute=1`);
    await fixture(page).playerReady();
    expect(await page.title()).toBe(`${episode.title} - YouTube`);
    expect(await page.textContent('#movie_player .ytp-title-link')).toBe(episode.title);
    await waitForTime(0.2);

    await page.goto(`https://m.youtube.com/watch?v=${EPISODE_VIDEO_ID}`);
    await fixture(page).playerReady();
    expect(await page.textContent('.slim-video-information-title .yt-core-attributed-string')).toBe(episode.title);
    await fixture(page).navigate(other.id);
    expect(await page.title()).toBe(`${other.title} - YouTube`);
    expect((await fixture(page).events()).at(-1)).toMatchObject({ type: 'state-navigateend', videoId: other.id });
  });

  it('serves dynamic routes, and the audio stand-in plays and seeks', async () => {
    const remove = server.route('open.spotify.com', '/audio-test', (_req, res) => {
      res.setHeader('Content-Type', 'text/html');
      res.end('<title>audio</title><audio src="/media/episode-audio-45min.webm" autoplay muted></audio>');
    });
    await page.goto('https://open.spotify.com/audio-test');
    remove();
    await page.waitForFunction(() => document.querySelector('audio')!.currentTime > 0.2);
    expect(await page.evaluate(() => document.querySelector('audio')!.duration)).toBeCloseTo(2702, 1);
    await page.evaluate(() => void (document.querySelector('audio')!.currentTime = 2500));
    await page.waitForFunction(() => document.querySelector('audio')!.currentTime > 2500.2);
    expect((await server.get('/audio-test', { host: 'open.spotify.com' })).status).toBe(404);
  });

  it('logged no errors from the fixture pages', () => {
    const fromFixture = browser.consoleErrors.filter((e) => /\/__fixture\/|\/media\//.test(`${e.location} ${e.text}`));
    expect(fromFixture).toEqual([]);
  });
});
