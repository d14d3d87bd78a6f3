import { defineContentScript } from 'wxt/utils/define-content-script';
import { createMediaMessage, isSeekCommand } from '../utils/sites/spotify-bridge-protocol';

/*
 * The main-world bridge for Spotify's web player. Spotify creates its <audio> with
 * document.createElement and never attaches it to the document, so neither querySelector nor the
 * isolated content script's capture listeners can see it. This script runs in the page's own world
 * before the page's scripts, notices every media element the page creates, and tells the isolated
 * world the episode's time in numbers only (see utils/sites/spotify-bridge-protocol.ts). The only
 * thing it does on request is seek the episode's element.
 *
 * createElement and play() are wrapped in Proxies, which keep what the page's own code relies on:
 * `this`, arguments, return values, exceptions, `name` and `length`. They are not invisible: the
 * functions are no longer the originals (a reference kept from another frame compares unequal),
 * and `Function.prototype.toString` shows them as `function () { [native code] }` without the
 * name. A page that looks can tell the bridge is there; that tells it only that a media-time
 * bridge runs, and gives it nothing to call (the bridge answers only seek commands, in numbers).
 */
export default defineContentScript({
  // Literal, not the adapter's `matches`: importing the adapter would bundle it into the page world.
  // A unit test checks that the two agree.
  matches: ['https://open.spotify.com/*'],
  world: 'MAIN',
  runAt: 'document_start',
  // Firefox's MV2 content scripts cannot run in the page's world (`world` arrived with MV3 in
  // Firefox 128). There Chapterbar follows the player bar's text clock instead.
  exclude: ['firefox'],
  main() {
    installMediaBridge(window);
  },
});

/** Events after which the element's time stops following the wall clock (or starts again). */
const DISCONTINUITIES = [
  'play',
  'playing',
  'pause',
  'waiting',
  'seeked',
  'ratechange',
  'durationchange',
  'loadedmetadata',
  'emptied',
  'ended',
];

/** How far the element may drift from the time predicted at the last message before it is re-sent. */
const DRIFT_SECONDS = 0.5;

const HAVE_FUTURE_DATA = 3;

interface Sent {
  time: number;
  advancing: boolean;
  rate: number;
  at: number;
}

function ownerOf<T extends object>(object: T, key: PropertyKey): T | null {
  for (let candidate: object | null = object; candidate; candidate = Object.getPrototypeOf(candidate)) {
    if (Object.hasOwn(candidate, key)) return candidate as T;
  }
  return null;
}

export function installMediaBridge(win: Window & typeof globalThis): void {
  // Captured before the page's scripts run, so a page that later replaces them cannot interfere.
  const post = win.postMessage.bind(win);
  const origin = win.location.origin;
  const now = win.performance.now.bind(win.performance);
  const MediaElement = win.HTMLMediaElement;
  const adopted = new WeakSet<HTMLMediaElement>();
  /** The element that plays the episode: the one that most recently started playing. */
  let episodeMedia: HTMLMediaElement | null = null;
  let sent: Sent | null = null;

  const isAdvancing = (media: HTMLMediaElement) =>
    !media.paused && !media.ended && media.playbackRate > 0 && media.readyState >= HAVE_FUTURE_DATA;

  function publish(media: HTMLMediaElement) {
    const advancing = isAdvancing(media);
    const rate = media.playbackRate > 0 ? media.playbackRate : 1;
    const duration = Number.isFinite(media.duration) && media.duration > 0 ? media.duration : null;
    sent = { time: media.currentTime, advancing, rate, at: now() };
    post(createMediaMessage({ currentTime: media.currentTime, duration, paused: !advancing, rate }), origin);
  }

  /** timeupdate fires four times a second; it is only passed on when the time left the prediction. */
  function drifted(media: HTMLMediaElement): boolean {
    if (!sent) return true;
    const predicted = sent.advancing ? sent.time + ((now() - sent.at) / 1000) * sent.rate : sent.time;
    return Math.abs(media.currentTime - predicted) > DRIFT_SECONDS || isAdvancing(media) !== sent.advancing;
  }

  function onMediaEvent(event: Event) {
    const media = event.currentTarget as HTMLMediaElement;
    // Spotify's Canvas (the short clip looping beside music) is never an episode.
    if (media.loop) return;
    // Picture-in-picture adds a second <video>: only the one that plays speaks for the episode.
    // A paused one takes over only from nothing (a session restored paused, a released element).
    if (media !== episodeMedia) {
      if (media.paused && episodeMedia && episodeMedia.readyState > 0) return;
      episodeMedia = media;
    } else if (event.type === 'timeupdate' && !drifted(media)) {
      return;
    }
    publish(media);
  }

  function adopt(media: HTMLMediaElement) {
    if (adopted.has(media)) return;
    adopted.add(media);
    for (const type of [...DISCONTINUITIES, 'timeupdate']) media.addEventListener(type, onMediaEvent);
  }

  // Where `document` actually inherits createElement from (Document.prototype in browsers).
  const documentPrototype = ownerOf(win.document, 'createElement') ?? win.Document.prototype;
  documentPrototype.createElement = new Proxy(documentPrototype.createElement, {
    apply(target, thisArg, args) {
      const element: unknown = Reflect.apply(target, thisArg, args);
      if (element instanceof MediaElement) adopt(element);
      return element;
    },
  });
  // `new Audio()` and elements parsed from HTML never pass through createElement; the page starts
  // them with play(), or they autoplay inside the document, where a capture listener sees them.
  const mediaPrototype = MediaElement.prototype;
  mediaPrototype.play = new Proxy(mediaPrototype.play, {
    apply(target, thisArg, args) {
      if (thisArg instanceof MediaElement) adopt(thisArg);
      return Reflect.apply(target, thisArg, args);
    },
  });
  win.document.addEventListener(
    'play',
    (event) => {
      if (event.target instanceof MediaElement) adopt(event.target);
    },
    true,
  );

  win.addEventListener('message', (event) => {
    if (event.source !== win || !isSeekCommand(event.data) || !episodeMedia) return;
    const duration = episodeMedia.duration;
    episodeMedia.currentTime = Number.isFinite(duration) ? Math.min(event.data.time, duration) : event.data.time;
  });
}
