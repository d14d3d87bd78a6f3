import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { youtube } from '../../../utils/sites/youtube';
import { youtubeAddresses } from '../../../utils/sites/youtube-addresses';

const REAL = resolve(process.cwd(), '../shared/fixtures/real-world/dom/youtube');
// Its stylesheets and sign-in iframe are dropped: the test environment would try to fetch them.
const realWatchPage = readFileSync(resolve(REAL, 'youtube-transcript-api__youtube.html.static.html'), 'utf8')
  .replace(/<link\b[^>]*>/g, '')
  .replace(/<iframe\b[\s\S]*?<\/iframe>/g, '');
const realPlayer = readFileSync(resolve(REAL, 'vikasksrivastava-blog__ytd-miniplayer_movie_player_outerHTML_2020-04.html'), 'utf8');

function loadHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** A rendered desktop watch page, trimmed to what the adapter reads (see tests/fixtures/sites). */
function watchPage(videoId: string, title: string, extra = '') {
  return loadHtml(`<html><head><title>${title} - YouTube</title></head><body><ytd-app>
    <ytd-watch-flexy video-id="${videoId}" is-two-columns_>
      <div id="columns"><div id="primary"><div id="player">
        <div id="movie_player" class="html5-video-player ad-created">
          <div class="html5-video-container"><video class="video-stream html5-main-video"></video></div>
        </div></div>
        <div id="below"><ytd-watch-metadata><div id="title"><h1><yt-formatted-string>${title}</yt-formatted-string></h1></div></ytd-watch-metadata></div>
      </div>
      <div id="secondary"><div id="secondary-inner"><ytd-video-preview><div id="inline-player"><video></video></div></ytd-video-preview></div></div></div>
    </ytd-watch-flexy>${extra}</ytd-app></body></html>`);
}

describe('youtube adapter identity', () => {
  it.each(youtubeAddresses.exampleUrls)('%s is matched by the manifest and read as a video', (url) => {
    expect(youtube.matches.some((pattern) => new MatchPattern(pattern).includes(url))).toBe(true);
    expect(youtube.readEpisode(loadHtml('<html></html>'), new URL(url))?.mediaId).toBe('C6Zpjij5AF4');
  });

  it.each([
    'https://www.youtube.com/',
    'https://www.youtube.com/results?search_query=no+priors',
    'https://www.youtube.com/watch?v=short',
    'https://www.youtube.com/@NoPriorsPodcast',
    'https://music.youtube.com/watch?v=C6Zpjij5AF4',
  ])('%s is not a video page', (url) => {
    expect(youtube.readEpisode(loadHtml('<html></html>'), new URL(url))).toBeNull();
  });
});

describe('youtube.readEpisode', () => {
  it('reads the real server-rendered watch page (before the app renders) by its tab title', () => {
    const ref = youtube.readEpisode(loadHtml(realWatchPage), new URL('https://www.youtube.com/watch?v=GJLlxj_dtq8'));
    expect(ref).toEqual({ site: 'youtube', mediaId: 'GJLlxj_dtq8', title: 'Surface Go Review - It’s Awesome', duration: undefined });
  });

  it('reads the rendered heading when it belongs to this video', () => {
    const doc = watchPage('C6Zpjij5AF4', 'No Priors Ep. 3 | With Stability AI’s Emad Mostaque');
    const ref = youtube.readEpisode(doc, new URL('https://www.youtube.com/watch?v=C6Zpjij5AF4&t=30s'));
    expect(ref?.title).toBe('No Priors Ep. 3 | With Stability AI’s Emad Mostaque');
  });

  it('ignores a heading left over from the previous video during navigation', () => {
    const doc = watchPage('C6Zpjij5AF4', 'No Priors Ep. 3 | With Stability AI’s Emad Mostaque');
    const ref = youtube.readEpisode(doc, new URL('https://www.youtube.com/watch?v=dQw4w9WgXcQ'));
    expect(ref).toMatchObject({ mediaId: 'dQw4w9WgXcQ', title: undefined });
  });
});

describe('youtube.findPlayer', () => {
  let doc: Document;
  beforeEach(() => {
    doc = watchPage('C6Zpjij5AF4', 'T');
  });

  it('finds the main video in the real rendered player and ignores hover previews', () => {
    const real = loadHtml(`<html><body>${realPlayer}</body></html>`);
    const player = youtube.findPlayer(real);
    expect(player).not.toBeNull();
    // The real dump carries `ad-created`, which YouTube sets without an ad playing.
    expect(player!.interrupted()).toBe(false);
  });

  it('reads #movie_player even when another player of the same class comes first in the page', () => {
    // The real saved watch page's player settings name the Shorts player's element, the same
    // html5-video-player; that one sits ahead of the watch page's in the document is an assumption
    // (a Shorts page visited before, within one single-page session), not a captured page.
    const shortsId = /"WEB_PLAYER_CONTEXT_CONFIG_ID_KEVLAR_SHORTS":\{"rootElementId":"([\w-]+)"/.exec(realWatchPage)![1]!;
    expect(shortsId).toBe('shorts-player');
    const page = watchPage('C6Zpjij5AF4', 'T');
    const other = page.createElement('div');
    other.id = shortsId;
    other.className = 'html5-video-player';
    const otherVideo = page.createElement('video');
    otherVideo.className = 'video-stream html5-main-video';
    other.append(otherVideo);
    page.querySelector('ytd-app')!.prepend(other);
    Object.defineProperty(otherVideo, 'currentTime', { value: 99 });
    Object.defineProperty(page.querySelector('#movie_player video')!, 'currentTime', { value: 12 });
    expect(youtube.findPlayer(page)!.currentTime()).toBe(12);
  });

  it('is null until the player exists', () => {
    expect(youtube.findPlayer(loadHtml('<html><body><ytd-app></ytd-app></body></html>'))).toBeNull();
  });

  it("ticks at the episode video's timeupdate only (not a hover preview's), until its signal aborts", () => {
    const player = youtube.findPlayer(doc)!;
    const ticks: string[] = [];
    const lifetime = new AbortController();
    player.onTick!(() => ticks.push('tick'), lifetime.signal);
    const main = doc.querySelector<HTMLVideoElement>('#movie_player video')!;
    const preview = doc.querySelector<HTMLVideoElement>('ytd-video-preview video')!;
    preview.dispatchEvent(new Event('timeupdate'));
    expect(ticks).toEqual([]);
    main.dispatchEvent(new Event('timeupdate'));
    // A discontinuity is the clock's business, not a redraw moment.
    main.dispatchEvent(new Event('seeked'));
    expect(ticks).toEqual(['tick']);
    lifetime.abort();
    main.dispatchEvent(new Event('timeupdate'));
    expect(ticks).toEqual(['tick']);
  });

  it('reports an ad while the player shows one', () => {
    const player = youtube.findPlayer(doc)!;
    expect(player.interrupted()).toBe(false);
    doc.querySelector('#movie_player')!.classList.add('ad-showing');
    expect(player.interrupted()).toBe(true);
  });
});

describe('youtube.findPlacement', () => {
  it('puts the sidebar at the top of the right column on a two-column watch page', () => {
    const doc = watchPage('C6Zpjij5AF4', 'T');
    const placement = youtube.findPlacement(doc, new URL('https://www.youtube.com/watch?v=C6Zpjij5AF4'));
    expect(placement).toMatchObject({ layout: 'column', append: 'first' });
    expect(placement!.anchor.id).toBe('secondary-inner');
  });

  it('goes under the player when YouTube switches to one column', () => {
    const doc = watchPage('C6Zpjij5AF4', 'T');
    doc.querySelector('ytd-watch-flexy')!.removeAttribute('is-two-columns_');
    const placement = youtube.findPlacement(doc, new URL('https://www.youtube.com/watch?v=C6Zpjij5AF4'));
    expect(placement).toMatchObject({ layout: 'column', append: 'after' });
    expect(placement!.anchor.localName).toBe('ytd-watch-metadata');
  });

  it('goes under the title in two columns too when the person chose "below the player"', () => {
    const doc = watchPage('C6Zpjij5AF4', 'T');
    const placement = youtube.findPlacement(doc, new URL('https://www.youtube.com/watch?v=C6Zpjij5AF4'), { position: 'below' });
    expect(placement).toMatchObject({ layout: 'column', append: 'after' });
    expect(placement!.anchor.localName).toBe('ytd-watch-metadata');
    expect(youtube.findPlacement(doc, new URL('https://www.youtube.com/watch?v=C6Zpjij5AF4'), { position: 'beside' })!.anchor.id).toBe(
      'secondary-inner',
    );
  });

  it('becomes an overlay on the player in fullscreen and in embeds', () => {
    const doc = watchPage('C6Zpjij5AF4', 'T');
    doc.querySelector('ytd-watch-flexy')!.setAttribute('fullscreen', '');
    const placement = youtube.findPlacement(doc, new URL('https://www.youtube.com/watch?v=C6Zpjij5AF4'));
    expect(placement).toMatchObject({ layout: 'overlay' });
    expect(placement!.anchor.id).toBe('movie_player');
    const embed = youtube.findPlacement(doc, new URL('https://www.youtube-nocookie.com/embed/C6Zpjij5AF4'));
    expect(embed?.layout).toBe('overlay');
  });
});

describe('youtubeAddresses.readMediaUrl', () => {
  it.each([
    'https://www.youtube.com/watch?v=C6Zpjij5AF4',
    'https://www.youtube.com/watch?feature=share&v=C6Zpjij5AF4&t=120s',
    'http://youtube.com/watch?v=C6Zpjij5AF4',
    'https://m.youtube.com/watch?v=C6Zpjij5AF4',
    'https://youtu.be/C6Zpjij5AF4?si=abc',
    'https://www.youtube.com/live/C6Zpjij5AF4?feature=shared',
    'https://www.youtube.com/embed/C6Zpjij5AF4?start=30',
    'https://www.youtube-nocookie.com/embed/C6Zpjij5AF4',
  ])('reads %s', (address) => {
    expect(youtubeAddresses.readMediaUrl(new URL(address))).toEqual({ site: 'youtube', mediaId: 'C6Zpjij5AF4' });
  });

  it.each([
    'https://www.youtube.com/',
    'https://www.youtube.com/watch?v=short',
    'https://www.youtube.com/@NoPriorsPodcast',
    'https://youtu.be/',
    'https://music.youtube.com/watch?v=C6Zpjij5AF4',
    'https://example.com/watch?v=C6Zpjij5AF4',
    'https://open.spotify.com/episode/4Z7GAJ50bgctf6uclHlWKo',
    'javascript:alert(1)//youtu.be/C6Zpjij5AF4',
  ])('refuses %s', (address) => {
    expect(youtubeAddresses.readMediaUrl(new URL(address))).toBeNull();
  });

  it('reads back every address mediaUrl writes', () => {
    expect(youtubeAddresses.readMediaUrl(new URL(youtube.mediaUrl!('C6Zpjij5AF4')))).toEqual({ site: 'youtube', mediaId: 'C6Zpjij5AF4' });
  });
});

describe('youtube.readTheme', () => {
  it('follows html[dark]', () => {
    const doc = watchPage('C6Zpjij5AF4', 'T');
    expect(youtube.readTheme(doc)).toBe('light');
    doc.documentElement.setAttribute('dark', '');
    expect(youtube.readTheme(doc)).toBe('dark');
  });
});
