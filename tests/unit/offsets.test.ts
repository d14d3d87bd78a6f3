import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadOffset, offsetsItem, readOffset, saveOffset, writeOffset } from '../../utils/storage/offsets';

const EPISODE = 'no-priors-ep3';

describe('readOffset', () => {
  it('reads a correction for an episode on a site', () => {
    expect(readOffset({ [EPISODE]: { spotify: -170.5 } }, EPISODE, 'spotify')).toBe(-170.5);
    expect(readOffset({ [EPISODE]: { spotify: 0 } }, EPISODE, 'spotify')).toBe(0);
  });

  it.each([
    ['nothing stored', undefined],
    ['a string item', 'offsets'],
    ['another episode only', { other: { spotify: 5 } }],
    ['another site only', { [EPISODE]: { youtube: 5 } }],
    ['a string', { [EPISODE]: { spotify: '-120' } }],
    ['NaN', { [EPISODE]: { spotify: Number.NaN } }],
    ['a huge number', { [EPISODE]: { spotify: 1e9 } }],
    ['null', { [EPISODE]: { spotify: null } }],
    ['a list for the episode', { [EPISODE]: [-120] }],
    ['an inherited value', { [EPISODE]: Object.create({ spotify: 7 }) }],
  ])('finds none in %s', (_name, raw) => {
    expect(readOffset(raw, EPISODE, 'spotify')).toBeUndefined();
  });

  it('does not read through the prototype for odd episode ids', () => {
    expect(readOffset({}, '__proto__', 'spotify')).toBeUndefined();
    expect(readOffset({}, 'constructor', 'spotify')).toBeUndefined();
  });
});

describe('writeOffset', () => {
  it('sets one correction and keeps everything else as it was, bad values included', () => {
    const raw = { [EPISODE]: { youtube: 2, spotify: 'garbage' }, other: { spotify: Number.NaN }, unrelated: 'kept' };
    expect(writeOffset(raw, EPISODE, 'spotify', -170)).toEqual({
      [EPISODE]: { youtube: 2, spotify: -170 },
      other: { spotify: Number.NaN },
      unrelated: 'kept',
    });
    expect(raw[EPISODE].spotify).toBe('garbage');
  });

  it('forgets a correction, and the episode when nothing is left for it', () => {
    expect(writeOffset({ [EPISODE]: { spotify: -170, youtube: 2 } }, EPISODE, 'spotify', null)).toEqual({ [EPISODE]: { youtube: 2 } });
    expect(writeOffset({ [EPISODE]: { spotify: -170 } }, EPISODE, 'spotify', null)).toEqual({});
  });

  it('starts over from an item that is not an object', () => {
    expect(writeOffset(['junk'], EPISODE, 'spotify', 3)).toEqual({ [EPISODE]: { spotify: 3 } });
  });

  it('keeps "__proto__" as plain data', () => {
    const written = writeOffset({}, '__proto__', 'spotify', 4);
    expect(Object.hasOwn(written, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(written)).toBe(Object.prototype);
    expect(readOffset(written, '__proto__', 'spotify')).toBe(4);
  });
});

describe('the offsets storage item', () => {
  beforeEach(() => fakeBrowser.reset());

  it('remembers a correction per episode and site', async () => {
    expect(await loadOffset(EPISODE, 'spotify')).toBeUndefined();
    await saveOffset(EPISODE, 'spotify', -170);
    await saveOffset('another', 'spotify', 12);
    expect(await loadOffset(EPISODE, 'spotify')).toBe(-170);
    expect(await loadOffset(EPISODE, 'youtube')).toBeUndefined();
    await saveOffset(EPISODE, 'spotify', null);
    expect(await loadOffset(EPISODE, 'spotify')).toBeUndefined();
    expect(await loadOffset('another', 'spotify')).toBe(12);
  });

  it('ignores a bad stored value without deleting it, and refuses to store one', async () => {
    await offsetsItem.setValue({ [EPISODE]: { spotify: 'soon' }, other: { spotify: 5 } });
    expect(await loadOffset(EPISODE, 'spotify')).toBeUndefined();
    await saveOffset('other', 'spotify', 6);
    expect(await offsetsItem.getValue()).toEqual({ [EPISODE]: { spotify: 'soon' }, other: { spotify: 6 } });
    await saveOffset(EPISODE, 'spotify', Number.POSITIVE_INFINITY);
    expect((await offsetsItem.getValue())[EPISODE]).toEqual({ spotify: 'soon' });
  });
});
