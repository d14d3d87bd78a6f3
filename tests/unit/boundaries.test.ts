import { describe, expect, it } from 'vitest';
import { readLinks } from '../../utils/library/links';
import { DEFAULT_PREFERENCES, findUnreadablePreferences, readPreferences } from '../../utils/storage/preferences';
import { readTabReply } from '../../utils/messaging/tab-state-schema';
import { isTyping } from '../../utils/sidebar/typing';

// Values that cross a boundary (storage, another context's reply, the page's focus) are read
// defensively: what is valid is kept, what is not is ignored, nothing throws.

describe('readPreferences', () => {
  it('keeps each valid field and defaults the rest', () => {
    expect(readPreferences({ collapsed: true, hidden: 'yes' })).toEqual({ ...DEFAULT_PREFERENCES, collapsed: true, hidden: false });
    expect(readPreferences({ position: 'below', theme: 'dark', expandAll: true, autoFollow: false })).toEqual({
      ...DEFAULT_PREFERENCES,
      position: 'below',
      theme: 'dark',
      expandAll: true,
      autoFollow: false,
    });
    expect(readPreferences({ position: 'left', theme: 'purple', autoFollow: 0 })).toEqual(DEFAULT_PREFERENCES);
    expect(readPreferences(null)).toEqual(DEFAULT_PREFERENCES);
    expect(readPreferences('corrupted')).toEqual(DEFAULT_PREFERENCES);
  });

  it('names the fields it had to replace, but not the ones never set', () => {
    expect(findUnreadablePreferences({ position: 'left', theme: 'dark', autoFollow: 0 })).toEqual(['position', 'autoFollow']);
    expect(findUnreadablePreferences({ collapsed: true })).toEqual([]);
    expect(findUnreadablePreferences(undefined)).toEqual([]);
    expect(findUnreadablePreferences('corrupted')).toEqual(Object.keys(DEFAULT_PREFERENCES));
  });
});

describe('readLinks', () => {
  it('keeps the valid links of a damaged value', () => {
    expect(readLinks({ 'youtube:abc': 'ep-1', 'bad key': 'ep-2', 'spotify:x': 42 })).toEqual({ 'youtube:abc': 'ep-1' });
    expect(readLinks([1, 2])).toEqual({});
    expect(readLinks(undefined)).toEqual({});
  });
});

describe('readTabReply', () => {
  const valid = {
    site: 'youtube',
    media: { site: 'youtube', mediaId: 'C6Zpjij5AF4' },
    episode: { id: 'e', show: '', title: 'T', linked: false, chapters: [{ start: 0, end: 10, title: 'a' }] },
    activeIndex: 0,
    currentTime: 3,
    paused: false,
    playbackRate: 1,
    sidebarVisible: true,
    typing: false,
  };

  it('accepts a well-formed state', () => {
    expect(readTabReply(valid)).toEqual({ kind: 'state', state: valid });
  });
  it('reads null as "no media here"', () => {
    expect(readTabReply(null)).toEqual({ kind: 'no-media' });
  });
  it.each([
    ['missing fields', { site: 'youtube' }],
    ['a NaN time', { ...valid, currentTime: Number.NaN }],
    ['a negative chapter start', { ...valid, episode: { ...valid.episode, chapters: [{ start: -1, end: 1, title: 'a' }] } }],
    ['a string', 'hello'],
  ])('treats %s as an unreachable tab', (_, reply) => {
    expect(readTabReply(reply)).toEqual({ kind: 'unreachable' });
  });
});

describe('isTyping', () => {
  it.each([
    ['<input type="text">', true],
    ['<input type="search">', true],
    ['<textarea></textarea>', true],
    ['<div contenteditable="true" tabindex="0"></div>', true],
    ['<input type="checkbox">', false],
    ['<input type="range">', false],
    ['<button>Play</button>', false],
  ])('%s focused → %s', (html, expected) => {
    document.body.innerHTML = html;
    (document.body.firstElementChild as HTMLElement).focus();
    expect(isTyping(document)).toBe(expected);
  });

  it('looks into open shadow roots', () => {
    document.body.innerHTML = '<div></div>';
    const shadow = document.body.firstElementChild!.attachShadow({ mode: 'open' });
    const input = document.createElement('input');
    shadow.append(input);
    input.focus();
    expect(isTyping(document)).toBe(true);
  });
});
