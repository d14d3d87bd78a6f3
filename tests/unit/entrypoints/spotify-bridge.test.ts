import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installMediaBridge } from '../../../entrypoints/spotify-bridge.content';
import { createSeekCommand, isBridgeMediaMessage, type BridgeMediaMessage } from '../../../utils/sites/spotify-bridge-protocol';

// The bridge runs in the page's world; here it is installed once into happy-dom's window, whose
// postMessage is replaced first so the test sees exactly what the bridge posts.
const posted: Array<{ data: unknown; origin: string }> = [];
const originalCreateElement = document.createElement;

beforeAll(() => {
  window.postMessage = ((data: unknown, origin: string) => void posted.push({ data, origin })) as typeof window.postMessage;
  installMediaBridge(window);
});
beforeEach(() => void posted.splice(0));

const reports = () => posted.map((entry) => entry.data).filter(isBridgeMediaMessage);
const last = (): BridgeMediaMessage | undefined => reports().at(-1);

/** A media element in a given state; happy-dom never loads media, so readiness is set by hand. */
function media(tag: 'audio' | 'video', state: { paused?: boolean; currentTime?: number; duration?: number; loop?: boolean } = {}) {
  const element = document.createElement(tag);
  Object.defineProperty(element, 'readyState', { value: 4, configurable: true });
  Object.defineProperty(element, 'duration', { value: state.duration ?? 2702, configurable: true });
  Object.defineProperty(element, 'paused', { value: state.paused ?? false, configurable: true, writable: true });
  element.currentTime = state.currentTime ?? 0;
  element.loop = state.loop ?? false;
  return element;
}
const fire = (element: HTMLMediaElement, type: string) => element.dispatchEvent(new Event(type));
const command = (data: unknown, source: MessageEventSource | null = window) =>
  window.dispatchEvent(new MessageEvent('message', { data, source, origin: location.origin }));

describe('installMediaBridge', () => {
  it('keeps what the page relies on: elements, `this`, exceptions, name and length', () => {
    expect(document.createElement.name).toBe('createElement');
    expect(document.createElement.length).toBe(originalCreateElement.length);
    const div = document.createElement('div');
    expect(div).toBeInstanceOf(HTMLDivElement);
    expect(div.ownerDocument).toBe(document);
    expect(Object.hasOwn(document, 'createElement')).toBe(false);
    // The same calls fail the same way: a bad name, a wrong `this`.
    const thrown = (call: () => unknown) => {
      try {
        call();
      } catch (error) {
        return error instanceof Error ? [error.constructor, error.name] : error;
      }
      return 'nothing';
    };
    expect(thrown(() => document.createElement.call({}, 'div'))).not.toBe('nothing');
    expect(thrown(() => document.createElement('1 bad'))).toEqual(thrown(() => originalCreateElement.call(document, '1 bad')));
    expect(thrown(() => document.createElement.call({}, 'div'))).toEqual(thrown(() => originalCreateElement.call({}, 'div')));
    const media = document.createElement('audio');
    expect(media).toBeInstanceOf(HTMLAudioElement);
    expect(media.isConnected).toBe(false);
  });

  it('is not indistinguishable from the native function, and says so', () => {
    // What a page can observe: the function is not the original, and its source text differs.
    expect(document.createElement).not.toBe(originalCreateElement);
    expect(Function.prototype.toString.call(document.createElement)).not.toBe(Function.prototype.toString.call(originalCreateElement));
    expect(Function.prototype.toString.call(document.createElement)).toBe('function () { [native code] }');
  });

  it('reports an element the page created and never attached, on its discontinuities, in numbers', () => {
    const audio = media('audio', { currentTime: 720.5 });
    expect(audio.isConnected).toBe(false);
    fire(audio, 'playing');
    expect(posted.at(-1)!.origin).toBe(location.origin);
    expect(last()).toEqual({
      source: 'chapterbar:bridge',
      v: 1,
      type: 'media',
      currentTime: 720.5,
      duration: 2702,
      paused: false,
      rate: 1,
    });
    Object.defineProperty(audio, 'paused', { value: true });
    fire(audio, 'pause');
    expect(last()).toMatchObject({ paused: true });
    expect(reports()).toHaveLength(2);
  });

  it('passes timeupdate on only when the time left the prediction', () => {
    const audio = media('audio', { currentTime: 100 });
    fire(audio, 'playing');
    fire(audio, 'timeupdate');
    fire(audio, 'timeupdate');
    expect(reports()).toHaveLength(1);
    audio.currentTime = 400;
    fire(audio, 'timeupdate');
    expect(reports()).toHaveLength(2);
    expect(last()!.currentTime).toBe(400);
  });

  it('ignores a looping clip (Spotify’s Canvas) and a second video that is not playing', () => {
    const episode = media('video', { currentTime: 50 });
    fire(episode, 'playing');
    const canvas = media('video', { loop: true, duration: 8 });
    fire(canvas, 'playing');
    const pictureInPicture = media('video', { paused: true, currentTime: 0 });
    fire(pictureInPicture, 'loadedmetadata');
    fire(pictureInPicture, 'seeked');
    expect(reports().map((report) => report.currentTime)).toEqual([50]);
  });

  it('seeks the element that plays the episode, on a valid command from this window only', () => {
    const episode = media('audio', { currentTime: 10 });
    fire(episode, 'playing');
    const other = media('video', { paused: true, currentTime: 0 });
    command(createSeekCommand(391));
    expect(episode.currentTime).toBe(391);
    expect(other.currentTime).toBe(0);
    command(createSeekCommand(5000));
    expect(episode.currentTime).toBe(2702);
    for (const bad of [
      { ...createSeekCommand(1), time: Number.NaN },
      { ...createSeekCommand(1), time: -3 },
      { ...createSeekCommand(1), type: 'play' },
      { ...createSeekCommand(1), extra: 1 },
      'seek 1',
    ]) {
      command(bad);
    }
    command(createSeekCommand(1), null);
    expect(episode.currentTime).toBe(2702);
  });

  it('adopts an element parsed from HTML when it starts playing in the document', () => {
    const holder = originalCreateElement.call(document, 'div');
    document.body.append(holder);
    const video = originalCreateElement.call(document, 'video') as HTMLVideoElement;
    holder.append(video);
    Object.defineProperty(video, 'readyState', { value: 4 });
    Object.defineProperty(video, 'duration', { value: 2702 });
    Object.defineProperty(video, 'paused', { value: false });
    video.currentTime = 33;
    // `play` does not bubble; the bridge catches it on the way down, in the capture phase.
    video.dispatchEvent(new Event('play'));
    fire(video, 'seeked');
    expect(last()).toMatchObject({ currentTime: 33 });
    holder.remove();
  });
});
