import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  ROOT,
  screenshot,
  type LaunchedBrowser,
  useFileBrowser,
  axSidebar,
  type AxLocator,
  animationFrames,
  postedMessagesHandled,
  settledLookup,
  settledNoMedia,
  tabState,
  reachForSidebar,
} from './harness/index.ts';

// What a listener of the No Priors episode sees on (fixture) open.spotify.com with Chapterbar:
// local audio, a video podcast, and Spotify Connect. See tests/fixtures/sites/spotify/.

const catalog = JSON.parse(readFileSync(resolve(ROOT, 'tests/fixtures/sites/spotify/catalog.json'), 'utf8')) as {
  shows: Array<{ id: string; name: string }>;
  items: Array<{ kind: string; id: string; title: string }>;
};
const EPISODE = catalog.items.find((item) => item.title.startsWith('How can we make sure'))!.id;
const OTHER_EPISODE = catalog.items.find((item) => item.kind === 'episode' && item.id !== EPISODE)!.id;
const TRACK = catalog.items.find((item) => item.kind === 'track')!.id;
const SHOW = catalog.shows[0]!.id;

/**
 * The audio edition's timeline: the bundled episode says `offsets: { spotify: -120 }`, so a chapter
 * that starts at 9:10 in the chapter list starts at 11:10 in Spotify's media. The fixture plays the
 * 2702 s stand-in file as that edition; every media time below is a chapter start plus this.
 */
const EDITION_AHEAD = 120;

/** Chapter starts and titles, read from the bundled document the way a person would. */
const documentLines = readFileSync(resolve(ROOT, 'assets/episodes/no-priors-ep3-emad-mostaque.txt'), 'utf8').split('\n');
const CHAPTERS = documentLines.flatMap((line) => {
  const times = /^- (\d+):(\d\d) – /.exec(line);
  return times ? [{ start: Number(times[1]) * 60 + Number(times[2]), label: `${times[1]}:${times[2]}` }] : [];
});
const chapter = (label: string) => CHAPTERS.find((c) => c.label === label)!;
/** Media time inside a chapter, `into` seconds after its start on the document's timeline. */
const mediaTimeIn = (label: string, into = 5) => chapter(label).start + EDITION_AHEAD + into;

let browser: LaunchedBrowser;
let page: Page;

const sidebar = (p: Page = page): AxLocator => axSidebar(p);
const rows = (p: Page = page) => sidebar(p).getByRole('listitem').filter({ has: 'button.cb-seek' });
const seekButton = (label: string, p: Page = page) => sidebar(p).getByRole('button', { name: new RegExp(`^${label} `) });
const currentRow = (p: Page = page) => sidebar(p).locator('li[aria-current="true"]');
const hosts = (p: Page = page) => p.locator('chapterbar-sidebar');

async function expectCurrent(label: string, p: Page = page, timeout = 15_000) {
  await expect
    .poll(() => currentRow(p).locator('button.cb-seek').first().getAttribute('aria-label'), { timeout })
    .toMatch(new RegExp(`^${label} `));
}

interface FixtureState {
  itemId: string | null;
  mode: 'audio' | 'video' | 'connect';
  time: number;
  playing: boolean;
  element: { tag: string; attached: boolean; currentTime: number; paused: boolean } | null;
  miniplayer: { currentTime: number; paused: boolean } | null;
  bar: { position: string; value: string; max: string };
}
interface ProgressEvent {
  type: 'input' | 'change';
  value: number;
  trusted: boolean;
}
/** The page's `window.__fixture`; the YouTube harness declares that global with its own type, hence the casts. */
interface SpotifyFixture {
  ready: Promise<void>;
  progressEvents: ProgressEvent[];
  state(): FixtureState;
  [method: string]: unknown;
}
type FixtureWindow = Window & { __fixture: SpotifyFixture };

/** Calls the fake Spotify's test API (tests/fixtures/sites/spotify/app.js) and awaits it. */
async function call(method: string, ...args: unknown[]): Promise<void> {
  await page.evaluate(
    async ([name, params]) => {
      const fn = (window as unknown as FixtureWindow).__fixture[name as string] as (...a: unknown[]) => unknown;
      await fn(...(params as unknown[]));
    },
    [method, args] as const,
  );
}
const state = (p: Page = page) => p.evaluate(() => (window as unknown as FixtureWindow).__fixture.state());

/** Opens the episode page; the query sets what the bar plays and how (see app.js). */
async function open(query: string, path = `/episode/${EPISODE}`, p: Page = page) {
  await p.goto(`https://open.spotify.com${path}?${query}`);
  await p.waitForFunction(() => (window as unknown as FixtureWindow).__fixture !== undefined);
  await p.evaluate(() => (window as unknown as FixtureWindow).__fixture.ready);
}

/** Sets the media time as Spotify itself would (the element's currentTime, or the remote device). */
const seekMedia = (seconds: number) => call('seekMedia', seconds);

useFileBrowser((started) => ({ browser, page } = started));

describe('the Spotify chapter sidebar', () => {
  it('shows the chapters of the episode in the right panel, clear of the player bar', async () => {
    await open(`t=${mediaTimeIn('9:10')}`);
    await sidebar().waitFor();
    await expect.poll(() => rows().count()).toBe(16);
    expect(await hosts().count()).toBe(1);
    await expectCurrent('9:10');
    // Measured with its tools, which come when the person reaches for it.
    await reachForSidebar(page);

    const box = (await sidebar().boundingBox())!;
    const panel = (await page.locator('#Desktop_PanelContainer_Id').boundingBox())!;
    const bar = (await page.locator('[data-testid="now-playing-bar"]').boundingBox())!;
    const main = (await page.locator('.main-view-container').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(panel.x - 1);
    expect(box.x + box.width).toBeLessThanOrEqual(panel.x + panel.width + 1);
    expect(box.x).toBeGreaterThanOrEqual(main.x + main.width);
    expect(box.y + box.height).toBeLessThanOrEqual(bar.y);
    // Under the panel's own header, whose close button stays usable.
    const hide = (await page.getByRole('button', { name: 'Hide Now Playing view' }).boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(hide.y + hide.height);
    // Spotify's web player is dark, and so is the sidebar.
    expect(await sidebar().getAttribute('data-theme')).toBe('dark');
    await screenshot(page, 'spotify-audio');

    // A short window: the panel is shorter than the sidebar would like; the list shrinks and
    // scrolls, and the timing controls stay in view above the bar.
    await page.setViewportSize({ width: 1280, height: 640 });
    await expect
      .poll(async () => {
        const shrunk = (await sidebar().boundingBox())!;
        const shorterPanel = (await page.locator('#Desktop_PanelContainer_Id').boundingBox())!;
        return shrunk.y + shrunk.height <= shorterPanel.y + shorterPanel.height;
      })
      .toBe(true);
    const startsNow = (await sidebar().getByRole('button', { name: 'This chapter starts now' }).boundingBox())!;
    const shorterBar = (await page.locator('[data-testid="now-playing-bar"]').boundingBox())!;
    expect(startsNow.y + startsNow.height).toBeLessThanOrEqual(shorterBar.y);
    await screenshot(page, 'spotify-short-window', { asset: false });
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('is shown only while the bar plays this episode: not another episode of the show, not music', async () => {
    await open(`t=${mediaTimeIn('2:15')}`);
    await sidebar().waitFor();
    await call('playItem', OTHER_EPISODE);
    await expect.poll(() => hosts().count()).toBe(0);
    await call('playItem', TRACK);
    // The content script has seen the change: music is no media of Chapterbar's.
    await settledNoMedia(page);
    expect(await hosts().count()).toBe(0);
    await call('playItem', EPISODE, { at: mediaTimeIn('4:31') });
    await sidebar().waitFor();
    await expectCurrent('4:31');
  });
});

describe('audio: an element the page creates and never attaches', () => {
  it('follows the element’s time', async () => {
    await open(`mode=audio&t=${mediaTimeIn('2:15')}`);
    await sidebar().waitFor();
    const { element } = await state();
    expect(element).toMatchObject({ tag: 'audio', attached: false });
    expect(await page.locator('audio, video').count()).toBe(0);
    await expectCurrent('2:15');
    await seekMedia(mediaTimeIn('19:42'));
    await expectCurrent('19:42');
    await seekMedia(mediaTimeIn('0:00', 1));
    await expectCurrent('0:00');
  });

  it('takes the time from the element itself, not from the bar’s text', async () => {
    await open(`mode=audio&t=${mediaTimeIn('5:59')}`);
    await sidebar().waitFor();
    await expectCurrent('5:59');
    // The bar stops redrawing: only the main-world bridge can still tell where the audio is.
    await call('freezeBar', true);
    await seekMedia(mediaTimeIn('27:41'));
    await expectCurrent('27:41');
    expect((await state()).bar.position).not.toBe('29:46');
    await call('freezeBar', false);
  });

  it('seeks the element when a chapter is clicked', async () => {
    await open(`mode=audio&t=${mediaTimeIn('0:00')}`);
    await sidebar().waitFor();
    await seekButton('14:41').click();
    await expect.poll(async () => (await state()).element!.currentTime).toBeGreaterThanOrEqual(chapter('14:41').start + EDITION_AHEAD);
    expect((await state()).element!.currentTime).toBeLessThan(chapter('17:31').start + EDITION_AHEAD);
    await expectCurrent('14:41');
    // A chapter before the edition's first two minutes would be a negative time: it starts at 0 s
    // of the document, which is 2:00 of this edition.
    await seekButton('0:00').click();
    await expect.poll(async () => (await state()).element!.currentTime).toBeCloseTo(EDITION_AHEAD, 0);
    // Seeking went through the element, not through the progress bar.
    expect(await page.evaluate(() => (window as unknown as FixtureWindow).__fixture.progressEvents.length)).toBe(0);
  });
});

describe('video podcast: an attached <video>', () => {
  it('follows and seeks the video, and ignores the miniplayer’s second video', async () => {
    await open(`mode=video&t=${mediaTimeIn('11:37')}`);
    await sidebar().waitFor();
    expect((await state()).element).toMatchObject({ tag: 'video', attached: true });
    await expectCurrent('11:37');
    await seekMedia(mediaTimeIn('22:36'));
    await expectCurrent('22:36');
    await screenshot(page, 'spotify-video');

    await call('openMiniplayer');
    // The second video has loaded (what would make Chapterbar take it), and frames have passed.
    await page.evaluate(
      () =>
        new Promise<void>((done) => {
          const video = document.querySelector<HTMLVideoElement>('.fixture-miniplayer video')!;
          if (video.readyState >= 1) done();
          else video.addEventListener('loadedmetadata', () => done(), { once: true });
        }),
    );
    await postedMessagesHandled(page);
    await animationFrames(page, 2);
    expect((await state()).miniplayer).toMatchObject({ paused: true });
    await expectCurrent('22:36');
    await seekButton('31:06').click();
    await expect.poll(async () => (await state()).element!.currentTime).toBeCloseTo(chapter('31:06').start + EDITION_AHEAD, 0);
    expect((await state()).miniplayer!.currentTime).toBe(0);
    await expectCurrent('31:06');
    await call('closeMiniplayer');
  });
});

describe('Spotify Connect: playback on another device', () => {
  it('follows the bar’s time, between its whole-second redraws too', async () => {
    await open(`mode=connect&t=${mediaTimeIn('2:15')}`);
    await sidebar().waitFor();
    expect((await state()).element).toBeNull();
    await expectCurrent('2:15');
    await seekMedia(mediaTimeIn('22:36'));
    await expectCurrent('22:36');
    // Playing across a boundary: the highlight moves when the chapter starts, not a redraw later.
    // (The stand-in media ends at 45:02, so the last chapter reachable in this edition is 36:44.)
    const boundary = chapter('36:44').start + EDITION_AHEAD;
    await seekMedia(boundary - 2.5);
    await expectCurrent('32:35');
    // The page's clock is read the moment the highlight changes: an observer in the test's own
    // world (the only one that sees into the closed root) signals a listener in the page's.
    const changed = page.evaluate(
      () =>
        new Promise<number>((done) => {
          document.addEventListener('e2e-highlight-changed', () => done((window as unknown as FixtureWindow).__fixture.state().time), {
            once: true,
          });
        }),
    );
    await sidebar().evaluate((aside, label) => {
      const observer = new MutationObserver(() => {
        const current = aside.querySelector('li[aria-current="true"] button.cb-seek');
        if (!current?.getAttribute('aria-label')?.startsWith(`${label} `)) return;
        observer.disconnect();
        document.dispatchEvent(new CustomEvent('e2e-highlight-changed'));
      });
      observer.observe(aside, { subtree: true, attributes: true, childList: true });
    }, '36:44');
    const changedAt = await changed;
    expect(changedAt).toBeGreaterThan(boundary - 0.3);
    expect(changedAt).toBeLessThan(boundary + 0.8);
    await screenshot(page, 'spotify-connect');
  });

  it('seeks by driving the progress bar, with the exact time the page receives', async () => {
    await open(`mode=connect&t=${mediaTimeIn('0:00')}`);
    await sidebar().waitFor();
    await page.evaluate(() => (window as unknown as FixtureWindow).__fixture.progressEvents.splice(0));
    await seekButton('4:31').click();
    // 4:31 + 2:00 = 391 s: not a multiple of the slider's 5 s step, which must not snap it.
    const events = await page.evaluate(() => (window as unknown as FixtureWindow).__fixture.progressEvents.slice());
    expect(events.map((e) => e.type)).toEqual(['input', 'change']);
    expect(events.every((e) => e.value === (chapter('4:31').start + EDITION_AHEAD) * 1000)).toBe(true);
    // Dispatched from the content script's isolated world, heard by the page's listener on its root.
    expect(events.every((e) => !e.trusted)).toBe(true);
    await expect.poll(async () => (await state()).time).toBeGreaterThanOrEqual(chapter('4:31').start + EDITION_AHEAD);
    expect((await state()).time).toBeLessThan(chapter('5:59').start + EDITION_AHEAD);
    await expectCurrent('4:31');
    expect(await page.locator('[data-testid="playback-progressbar"] input').getAttribute('step')).toBe('5000');
    // Two of the bar's whole-second redraws later, a snapped time would show the chapter before.
    await page.waitForFunction(
      (min) => {
        const [m, s] = document.querySelector('[data-testid="playback-position"]')!.textContent!.split(':').map(Number);
        return m! * 60 + s! >= min;
      },
      chapter('4:31').start + EDITION_AHEAD + 2,
    );
    await animationFrames(page, 2);
    await expectCurrent('4:31');
  });

  it('stands still while paused, and moves on when playing again', async () => {
    // Three seconds before 11:37 starts, paused.
    await open(`mode=connect&paused=1&t=${mediaTimeIn('11:37', -3)}`);
    await sidebar().waitFor();
    await expectCurrent('9:10');
    // The clock itself says paused, and where: it does not run on from there.
    await expect.poll(async () => (await tabState(page))?.paused).toBe(true);
    expect((await tabState(page))!.currentTime).toBeLessThan(chapter('11:37').start);
    await expectCurrent('9:10');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expectCurrent('11:37');
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    // Paused at the bar's time, by the clock's own account.
    await expect.poll(async () => (await tabState(page))?.paused).toBe(true);
    const pausedAt = (await state()).time;
    // The bar shows whole seconds: the clock is within one of the media.
    expect(Math.abs((await tabState(page))!.currentTime + EDITION_AHEAD - pausedAt)).toBeLessThan(1.5);
    expect((await state()).time).toBe(pausedAt);
    await expectCurrent('11:37');
  });
});

describe('browsing while the episode plays', () => {
  it('keeps the same sidebar on every page, following what the bar plays', async () => {
    await open(`mode=audio&t=${mediaTimeIn('17:31')}`);
    await sidebar().waitFor();
    const host = await hosts().elementHandle();
    await call('navigate', `/show/${SHOW}`);
    await call('navigate', '/');
    await call('navigate', `/track/${TRACK}`);
    // Still the episode's session, whatever page the person is on.
    expect(await settledLookup(page, { mediaId: EPISODE })).toBe('confident');
    await animationFrames(page, 2);
    expect(await page.evaluate(() => location.pathname)).toBe(`/track/${TRACK}`);
    expect(await hosts().count()).toBe(1);
    expect(await host!.evaluate((element) => element.isConnected)).toBe(true);
    await seekMedia(mediaTimeIn('25:43'));
    await expectCurrent('25:43');
    await page.goBack();
    await page.goBack();
    expect(await host!.evaluate((element) => element.isConnected)).toBe(true);
    await screenshot(page, 'spotify-browsing', { asset: false });
    expect(browser.consoleErrorsOf(page)).toEqual([]);
  });

  it('floats over the page, open and clear of the player bar, when the right panel is hidden', async () => {
    await open(`mode=audio&t=${mediaTimeIn('9:10')}`);
    await sidebar().waitFor();
    await page.getByRole('button', { name: 'Hide Now Playing view' }).click();
    await expect.poll(() => hosts().getAttribute('data-layout')).toBe('floating');
    await expect.poll(() => rows().count()).toBe(16);
    const box = (await sidebar().boundingBox())!;
    const bar = (await page.locator('[data-testid="now-playing-bar"]').boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(bar.y);
    await expectCurrent('9:10');
    await screenshot(page, 'spotify-panel-hidden', { asset: false });
    await page.locator('[data-testid="control-button-npv"]').click();
    await expect.poll(() => axSidebar(page, { within: '#Desktop_PanelContainer_Id' }).count()).toBe(1);
    expect(await hosts().count()).toBe(1);
  });
});

describe('the timing correction', () => {
  const offsetShown = () => sidebar().locator('.cb-offset-value output').textContent();

  it('moves the chapters in one step, is remembered across reloads, and resets', async () => {
    const url = `mode=audio&paused=1&t=${mediaTimeIn('9:10', 50)}`; // media 720 s: document 600 s
    await open(url);
    await sidebar().waitFor();
    await expectCurrent('9:10');
    // The timing controls are among the tools, which come when the person reaches for the sidebar.
    await reachForSidebar(page);
    expect(await offsetShown()).toBe('−2:00');

    // The person hears "9:10" begin 50 s later than the estimate says.
    await sidebar().getByRole('button', { name: 'This chapter starts now' }).click();
    await expect.poll(offsetShown).toBe('−2:50');
    await seekMedia(mediaTimeIn('9:10', 45)); // 715 s: 545 s with the correction, 595 s without
    await expectCurrent('5:59');

    await page.reload();
    await page.evaluate(() => (window as unknown as FixtureWindow).__fixture.ready);
    await reachForSidebar(page);
    await expect.poll(offsetShown).toBe('−2:50');
    await seekMedia(715);
    await expectCurrent('5:59');

    await sidebar().getByRole('button', { name: 'Chapters 5 seconds earlier' }).click();
    await expect.poll(offsetShown).toBe('−2:45');
    await expectCurrent('9:10'); // 715 − 165 = 550: exactly where 9:10 starts
    await sidebar().getByRole('button', { name: 'Chapters 1 second later' }).click();
    await expect.poll(offsetShown).toBe('−2:46');
    await expectCurrent('5:59');
    await screenshot(page, 'spotify-offset', { asset: false });

    await sidebar().getByRole('button', { name: 'Reset' }).click();
    await expect.poll(offsetShown).toBe('−2:00');
    await expectCurrent('9:10');
    await page.reload();
    await page.evaluate(() => (window as unknown as FixtureWindow).__fixture.ready);
    await reachForSidebar(page);
    await expect.poll(offsetShown).toBe('−2:00');
  });
});

describe('the page cannot steer Chapterbar', () => {
  it('ignores malformed bridge messages and seek commands posted by the page', async () => {
    await open(`mode=audio&paused=1&t=${mediaTimeIn('9:10')}`);
    await sidebar().waitFor();
    await expectCurrent('9:10');
    const before = (await state()).element!.currentTime;
    await page.evaluate(() => {
      const media = { source: 'chapterbar:bridge', v: 1, type: 'media', currentTime: 100, duration: 2702, paused: true, rate: 1 };
      const seek = { source: 'chapterbar:content', v: 1, type: 'seek', time: 100 };
      const fakes: unknown[] = [
        { ...media, currentTime: Number.NaN },
        { ...media, currentTime: 1e12 },
        { ...media, currentTime: -5 },
        { ...media, currentTime: '100' },
        { ...media, currentTime: Number.POSITIVE_INFINITY },
        { ...media, duration: Number.NaN },
        { ...media, paused: 'no' },
        { ...media, rate: 0 },
        { ...media, rate: 1000 },
        { ...media, v: 2 },
        { ...media, source: 'chapterbar:content' },
        { ...media, type: 'seek' },
        { ...media, extra: 'field' },
        [media],
        JSON.stringify(media),
        null,
        { ...seek, time: Number.NaN },
        { ...seek, time: -1 },
        { ...seek, time: 1e9 },
        { ...seek, type: 'play' },
        { ...seek, type: 'eval', code: 'alert(1)' },
        { ...seek, source: 'chapterbar:bridge' },
        { ...seek, extra: true },
      ];
      for (const fake of fakes) window.postMessage(fake, '*');
    });
    // Every fake has been heard, and anything it made the sidebar ask of the bridge has been answered.
    await postedMessagesHandled(page);
    await animationFrames(page, 2);
    await expectCurrent('9:10');
    expect((await state()).element!.currentTime).toBe(before);
    expect(browser.consoleErrorsOf(page)).toEqual([]);
  });

  it('ignores well-formed messages from another frame, and hears the same from the page (so the checks above can fail)', async () => {
    await open(`mode=audio&paused=1&t=${mediaTimeIn('9:10')}`);
    await sidebar().waitFor();
    await expectCurrent('9:10');
    const before = (await state()).element!.currentTime;
    // Playing: a paused report that disagrees with the bar's time is not believed anyway.
    const media = {
      source: 'chapterbar:bridge',
      v: 1,
      type: 'media',
      currentTime: mediaTimeIn('19:42'),
      duration: 2702,
      paused: false,
      rate: 1,
    };
    const seek = { source: 'chapterbar:content', v: 1, type: 'seek', time: mediaTimeIn('27:41') };
    // A frame inside the page (an ad, a widget) speaks exactly the protocol: both sides ignore it.
    await page.evaluate(
      ([m, s]) =>
        new Promise<void>((done) => {
          const frame = document.createElement('iframe');
          frame.srcdoc = `<script>parent.postMessage(${JSON.stringify(m)}, '*'); parent.postMessage(${JSON.stringify(s)}, '*');</script>`;
          frame.addEventListener('load', () => done(), { once: true });
          document.body.append(frame);
        }),
      [media, seek] as const,
    );
    await postedMessagesHandled(page);
    await animationFrames(page, 2);
    await expectCurrent('9:10');
    expect((await state()).element!.currentTime).toBe(before);
    // The page's own window is the bridge's channel: there the same media message is heard, which
    // shows that the listener the fakes above went to is live. (The page could as well play its
    // own media from there: it cannot tell Chapterbar anything it could not do itself.)
    await page.evaluate((m) => window.postMessage(m, location.origin), media);
    await expectCurrent('19:42');
    expect(browser.consoleErrorsOf(page)).toEqual([]);
  });

  it('leaves document.createElement and play() behaving as the page knows them', async () => {
    await open('mode=audio&paused=1');
    const checks = await page.evaluate(() => {
      const create = document.createElement;
      let illegal = '';
      try {
        create.call(null as unknown as Document, 'div');
      } catch (error) {
        illegal = (error as Error).constructor.name;
      }
      let constructed = '';
      try {
        new (create as unknown as new () => unknown)();
      } catch (error) {
        constructed = (error as Error).constructor.name;
      }
      return {
        name: create.name,
        length: create.length,
        native: Function.prototype.toString.call(create).includes('[native code]'),
        playNative: Function.prototype.toString.call(HTMLMediaElement.prototype.play).includes('[native code]'),
        div: document.createElement('div') instanceof HTMLDivElement,
        custom: document.createElement('x-custom').localName,
        options: document.createElement('div', { is: 'x-y' }).localName,
        own: Object.hasOwn(document, 'createElement'),
        illegal,
        constructed,
        playReturnsPromise: (() => {
          // No source: the promise rejects, as it would without the wrapper.
          const played = document.createElement('audio').play();
          played.catch(() => {});
          return played instanceof Promise;
        })(),
      };
    });
    expect(checks).toEqual({
      name: 'createElement',
      length: 1,
      native: true,
      playNative: true,
      div: true,
      custom: 'x-custom',
      options: 'div',
      own: false,
      illegal: 'TypeError',
      constructed: 'TypeError',
      playReturnsPromise: true,
    });
  });

  it('logged no errors on the way', () => {
    expect(browser.consoleErrors).toEqual([]);
  });
});
