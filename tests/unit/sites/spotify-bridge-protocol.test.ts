import { describe, expect, it } from 'vitest';
import {
  createMediaMessage,
  createSeekCommand,
  isBridgeMediaMessage,
  isSeekCommand,
  MAX_MEDIA_SECONDS,
} from '../../../utils/sites/spotify-bridge-protocol';

const media = createMediaMessage({ currentTime: 720.25, duration: 2702, paused: false, rate: 1.5 });
const seek = createSeekCommand(391);

describe('isBridgeMediaMessage', () => {
  it('accepts what the bridge sends', () => {
    expect(media).toEqual({
      source: 'chapterbar:bridge',
      v: 1,
      type: 'media',
      currentTime: 720.25,
      duration: 2702,
      paused: false,
      rate: 1.5,
    });
    expect(isBridgeMediaMessage(media)).toBe(true);
    expect(isBridgeMediaMessage({ ...media, duration: null, currentTime: 0, paused: true })).toBe(true);
    expect(isBridgeMediaMessage({ ...media, currentTime: MAX_MEDIA_SECONDS })).toBe(true);
  });

  it.each([
    ['NaN time', { ...media, currentTime: Number.NaN }],
    ['infinite time', { ...media, currentTime: Number.POSITIVE_INFINITY }],
    ['huge time', { ...media, currentTime: MAX_MEDIA_SECONDS + 1 }],
    ['negative time', { ...media, currentTime: -0.5 }],
    ['time as text', { ...media, currentTime: '720' }],
    ['zero duration', { ...media, duration: 0 }],
    ['NaN duration', { ...media, duration: Number.NaN }],
    ['missing duration', (({ duration: _, ...rest }) => rest)(media)],
    ['paused as text', { ...media, paused: 'false' }],
    ['zero rate', { ...media, rate: 0 }],
    ['absurd rate', { ...media, rate: 100 }],
    ['other version', { ...media, v: 2 }],
    ['other source', { ...media, source: 'someone-else' }],
    ['the content side’s source', { ...media, source: 'chapterbar:content' }],
    ['other type', { ...media, type: 'seek' }],
    ['an extra field', { ...media, href: 'https://example.com' }],
    ['an array', [media]],
    ['a JSON string', JSON.stringify(media)],
    ['null', null],
    ['a number', 720],
  ])('rejects %s', (_name, data) => {
    expect(isBridgeMediaMessage(data)).toBe(false);
  });

  it('rejects a field inherited instead of owned', () => {
    const inherited = Object.create({ rate: 1 }) as Record<string, unknown>;
    Object.assign(inherited, { source: 'chapterbar:bridge', v: 1, type: 'media', currentTime: 1, duration: null, paused: true, extra: 1 });
    expect(isBridgeMediaMessage(inherited)).toBe(false);
  });
});

describe('isSeekCommand', () => {
  it('accepts a seek to a finite, non-negative time', () => {
    expect(seek).toEqual({ source: 'chapterbar:content', v: 1, type: 'seek', time: 391 });
    expect(isSeekCommand(seek)).toBe(true);
    expect(isSeekCommand(createSeekCommand(0))).toBe(true);
  });

  it.each([
    ['NaN', { ...seek, time: Number.NaN }],
    ['negative', { ...seek, time: -1 }],
    ['huge', { ...seek, time: 1e12 }],
    ['text', { ...seek, time: '391' }],
    ['another command', { ...seek, type: 'play' }],
    ['a command with a payload', { source: 'chapterbar:content', v: 1, type: 'eval', code: 'alert(1)' }],
    ['the bridge’s source', { ...seek, source: 'chapterbar:bridge' }],
    ['an extra field', { ...seek, then: 'navigate' }],
    ['no time', { source: 'chapterbar:content', v: 1, type: 'seek' }],
    ['a media message', media],
  ])('rejects %s', (_name, data) => {
    expect(isSeekCommand(data)).toBe(false);
  });
});
