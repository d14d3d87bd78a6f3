import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { spotifyAddresses } from '../../../utils/sites/spotify-addresses';
import bridgeEntrypoint from '../../../entrypoints/spotify-bridge.content';
import {
  isAdPlaying,
  readBarDuration,
  readBarPlayState,
  readBarPosition,
  readItemLink,
  seekWithProgressBar,
  spotify,
} from '../../../utils/sites/spotify';

// The real page: open.spotify.com in May 2025, a song paused at 2:16 of 4:04 (see SOURCES.md there).
const REAL = resolve(process.cwd(), '../shared/fixtures/real-world/dom/spotify/open.spotify.com__user-following-page__2025-05.html');
const realPage = readFileSync(REAL, 'utf8');
const FIXTURE = resolve(process.cwd(), 'tests/fixtures/sites/spotify/app.html');
const fixturePage = readFileSync(FIXTURE, 'utf8');

const EPISODE_ID = '2Xq9cTnR4hLmV7bWp3KsYd';
const AUDIO_TITLE =
  'How can we make sure that everyone has access to AI? Can small models outperform large models? With Stability AI’s Emad Mostaque';

// The saved page's stylesheets and iframes point at Spotify's CDN and Google; happy-dom would try
// (and loudly fail) to load them. Nothing the adapter reads is in them.
const load = (html: string) =>
  new DOMParser().parseFromString(html.replace(/<link\b[^>]*>|<iframe\b[\s\S]*?<\/iframe>/gi, ''), 'text/html');
const url = (path = '/') => new URL(`https://open.spotify.com${path}`);

/** The real page with an episode in the bar instead of the song, as Spotify renders one. */
function realPageWithEpisode(): Document {
  const doc = load(realPage);
  const link = doc.querySelector('[data-testid="now-playing-widget"] a[data-testid="context-item-link"]')!;
  link.setAttribute('href', `/episode/${EPISODE_ID}`);
  link.textContent = AUDIO_TITLE;
  const artist = doc.querySelector('[data-testid="now-playing-widget"] a[data-testid="context-item-info-artist"]')!;
  artist.setAttribute('data-testid', 'context-item-info-show');
  artist.setAttribute('href', '/show/6vAqAV4ZEtBnqwqtsPGZlw');
  artist.textContent = 'No Priors';
  return doc;
}

describe('spotify adapter identity', () => {
  it.each(spotifyAddresses.exampleUrls)('%s is matched, and reads what the bar plays whatever the page', (example) => {
    expect(spotify.matches.some((pattern) => new MatchPattern(pattern).includes(example))).toBe(true);
    expect(spotify.readEpisode(realPageWithEpisode(), new URL(example))).toMatchObject({ mediaId: EPISODE_ID, title: AUDIO_TITLE });
  });

  it('links an episode id to its page, which the adapter reads back', () => {
    const page = spotify.mediaUrl!(EPISODE_ID);
    expect(spotify.matches.some((pattern) => new MatchPattern(pattern).includes(page))).toBe(true);
    expect(readItemLink(page)).toEqual({ kind: 'episode', id: EPISODE_ID });
  });

  it('runs its main-world bridge on exactly the same pages', () => {
    expect(bridgeEntrypoint.matches).toEqual(spotify.matches);
    expect(bridgeEntrypoint.world).toBe('MAIN');
    expect(bridgeEntrypoint.runAt).toBe('document_start');
  });
});

describe('readItemLink', () => {
  it.each([
    ['/episode/2Xq9cTnR4hLmV7bWp3KsYd', { kind: 'episode', id: EPISODE_ID }],
    ['/intl-de/episode/2Xq9cTnR4hLmV7bWp3KsYd', { kind: 'episode', id: EPISODE_ID }],
    ['/intl-pt-br/episode/2Xq9cTnR4hLmV7bWp3KsYd?si=abc', { kind: 'episode', id: EPISODE_ID }],
    ['https://open.spotify.com/episode/2Xq9cTnR4hLmV7bWp3KsYd', { kind: 'episode', id: EPISODE_ID }],
    ['/album/7ivbFszr1TbVadj89BIy1y', { kind: 'album', id: '7ivbFszr1TbVadj89BIy1y' }],
    ['/track/3g3GjHuxntUfUd4t23rGTZ?uid=c657f3f962dbf2a63372', { kind: 'track', id: '3g3GjHuxntUfUd4t23rGTZ' }],
    ['/episode/too-short', null],
    ['/episode/2Xq9cTnR4hLmV7bWp3KsYdEXTRA', null],
    ['/genre/podcasts', null],
    ['', null],
    [null, null],
  ])('%s → %j', (href, expected) => {
    expect(readItemLink(href)).toEqual(expected);
  });
});

describe('on the real saved page (a song, paused)', () => {
  const doc = load(realPage);

  it('reads the bar’s time: the slider’s milliseconds, which agree with the text', () => {
    expect(doc.querySelector('[data-testid="playback-position"]')!.textContent).toBe('2:16');
    expect(readBarPosition(doc)).toEqual({ seconds: 136.499, precise: true });
    expect(readBarDuration(doc)).toBe(244.189);
    expect(readBarPlayState(doc)).toBe('paused');
    expect(isAdPlaying(doc)).toBe(false);
  });

  it('is not an episode: music never gets a sidebar', () => {
    expect(spotify.readEpisode(doc, url('/user/kw1zwmvfczcvnf03b9h3rxnzu/following'))).toBeNull();
  });

  it('reads an episode from the same bar: id, title and show', () => {
    expect(spotify.readEpisode(realPageWithEpisode(), url('/'))).toEqual({
      site: 'spotify',
      mediaId: EPISODE_ID,
      title: AUDIO_TITLE,
      show: 'No Priors',
      duration: 244.189,
    });
  });

  it('finds a player on the bar', () => {
    const player = spotify.findPlayer(doc)!;
    expect(player).not.toBeNull();
    expect(player.duration()).toBe(244.189);
    expect(player.currentTime()).toBeCloseTo(136.499, 3);
    expect(player.paused()).toBe(true);
    expect(player.interrupted()).toBe(false);
  });

  it('places the column in the right panel, under its header and above its content', () => {
    const placement = spotify.findPlacement(doc, url('/'))!;
    expect(placement.layout).toBe('column');
    expect(placement.append).toBe('after');
    expect(placement.anchor.querySelector('button[aria-label="Hide Now Playing view"]')).not.toBeNull();
    expect(placement.anchor.parentElement!.parentElement!.id).toBe('Desktop_PanelContainer_Id');
    expect(placement.anchor.nextElementSibling!.querySelector('[data-testid="NPV_Panel_OpenDiv"]')).not.toBeNull();
  });

  it('goes over the main view when the person hides the right panel', () => {
    const hidden = load(realPage);
    hidden.querySelector('[data-right-sidebar-hidden]')!.setAttribute('data-right-sidebar-hidden', 'true');
    const placement = spotify.findPlacement(hidden, url('/'))!;
    expect(placement.layout).toBe('overlay');
    expect(placement.anchor.className).toBe('main-view-container');
    expect(placement.append).toBe('last');
  });

  it('is always dark, and not fullscreen', () => {
    expect(spotify.readTheme(doc)).toBe('dark');
    expect(spotify.isFullscreen(doc)).toBe(false);
  });
});

describe('on the fixture page (before its script renders)', () => {
  const doc = load(fixturePage);

  it('has the real page’s bar and layout landmarks', () => {
    for (const selector of [
      'footer[data-testid="now-playing-bar"] [data-testid="now-playing-widget"]',
      '[data-testid="context-item-info-title"] a[data-testid="context-item-link"]',
      '[data-testid="playback-position"]',
      '[data-testid="playback-duration"]',
      '[data-testid="playback-progressbar"] input[type="range"][step="5000"]',
      '[data-testid="control-button-playpause"][aria-label="Play"]',
      '[data-right-sidebar-hidden]',
      '.main-view-container .VideoPlayer__container',
    ]) {
      expect(doc.querySelector(selector), selector).not.toBeNull();
    }
  });

  it('plays nothing yet, and has a paused bar at 0:00', () => {
    expect(spotify.readEpisode(doc, url(`/episode/${EPISODE_ID}`))).toBeNull();
    expect(readBarPosition(doc)).toEqual({ seconds: 0, precise: true });
    expect(readBarPlayState(doc)).toBe('paused');
  });

  it('has no right panel until the script renders it: the overlay goes over the main view', () => {
    expect(spotify.findPlacement(doc, url('/'))).toMatchObject({ layout: 'overlay', append: 'last' });
  });
});

describe('bar readers', () => {
  const bar = (inner: string) =>
    load(`<footer data-testid="now-playing-bar" data-testadtype="ad-type-none">${inner}</footer>`);

  it('falls back to the text when the slider is missing or disagrees with it', () => {
    expect(readBarPosition(bar('<div data-testid="playback-position">1:02:03</div>'))).toEqual({ seconds: 3723, precise: false });
    const stale = bar(
      '<div data-testid="playback-position">4:00</div><div data-testid="playback-progressbar"><input type="range" max="300000" value="12000"></div>',
    );
    expect(readBarPosition(stale)).toEqual({ seconds: 240, precise: false });
    expect(readBarPosition(bar('<div data-testid="playback-position">-:--</div>'))).toBeNull();
  });

  it('reads the length from the text, but not when it shows the time left', () => {
    expect(readBarDuration(bar('<div data-testid="playback-duration">45:02</div>'))).toBe(2702);
    expect(readBarDuration(bar('<div data-testid="playback-duration">-1:48</div>'))).toBeUndefined();
  });

  it('knows only the English play/pause labels', () => {
    expect(readBarPlayState(bar('<button data-testid="control-button-playpause" aria-label="Pause"></button>'))).toBe('playing');
    expect(readBarPlayState(bar('<button data-testid="control-button-playpause" aria-label="Pausar"></button>'))).toBeNull();
  });

  it('sees an ad from the bar’s marker', () => {
    const doc = bar('');
    expect(isAdPlaying(doc)).toBe(false);
    doc.querySelector('footer')!.setAttribute('data-testadtype', 'ad-type-audio');
    expect(isAdPlaying(doc)).toBe(true);
  });
});

describe('seekWithProgressBar', () => {
  it('drags the slider: the exact value reaches a listener on the root, and the step is restored', () => {
    document.body.innerHTML = '';
    const root = document.createElement('div');
    root.id = 'main';
    const input = document.createElement('input');
    Object.assign(input, { type: 'range', min: '0', max: '2702000', step: '5000' });
    const holder = document.createElement('div');
    holder.dataset.testid = 'playback-progressbar';
    holder.append(input);
    root.append(holder);
    document.body.append(root);
    const seen: Array<[string, string, string | null]> = [];
    for (const type of ['input', 'change']) {
      root.addEventListener(type, (event) => seen.push([event.type, (event.target as HTMLInputElement).value, input.getAttribute('step')]));
    }
    expect(seekWithProgressBar(document, 391)).toBe(true);
    expect(seen).toEqual([
      ['input', '391000', 'any'],
      ['change', '391000', 'any'],
    ]);
    expect(input.getAttribute('step')).toBe('5000');
    // Beyond the end, it stops at the end.
    expect(seekWithProgressBar(document, 5000)).toBe(true);
    expect(seen.at(-1)).toEqual(['change', '2702000', 'any']);
    root.remove();
  });

  it('does nothing without a slider', () => {
    expect(seekWithProgressBar(load('<footer></footer>'), 10)).toBe(false);
  });
});

describe('spotify.watchPage', () => {
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };

  it('calls back when what plays or the right panel changes, never as the time ticks', async () => {
    document.body.replaceChildren(document.importNode(load(realPage).querySelector('#main')!, true));
    const controller = new AbortController();
    let calls = 0;
    spotify.watchPage(() => calls++, controller.signal);

    // A second of playback: Spotify redraws the position text and the slider.
    document.querySelector('[data-testid="playback-position"]')!.firstChild!.nodeValue = '2:17';
    document.querySelector('[data-testid="playback-progressbar"] input')!.setAttribute('value', '137499');
    await settle();
    expect(calls).toBe(0);

    // Another item in the bar.
    document.querySelector('[data-testid="context-item-link"]')!.setAttribute('href', `/episode/${EPISODE_ID}`);
    await settle();
    expect(calls).toBe(1);

    // The person hides the right panel.
    document.querySelector('[data-right-sidebar-hidden]')!.setAttribute('data-right-sidebar-hidden', 'true');
    await settle();
    expect(calls).toBe(2);

    controller.abort();
    document.querySelector('[data-testid="context-item-link"]')!.textContent = 'Something else';
    await settle();
    expect(calls).toBe(2);
    document.body.replaceChildren();
  });
});
