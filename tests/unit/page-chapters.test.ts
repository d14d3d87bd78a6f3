import { afterEach, describe, expect, it, vi } from 'vitest';
import { readBlockText, waitForPageChapters } from '../../utils/page-chapters/collect';
import { spotify } from '../../utils/sites/spotify';
import type { PageChapters } from '../../utils/sites/types';
import { youtube } from '../../utils/sites/youtube';

const html = (markup: string) => {
  const element = document.createElement('div');
  element.innerHTML = markup;
  return element;
};

describe('readBlockText', () => {
  it('ends a line at <br> and at block elements, as the page shows them', () => {
    const element = html(
      '<p>Topics:<br>0:00 Welcome<br>0:45 Chips</p><p>1:50 Wafers</p><div><span>2:30 </span><a href="#">Next</a></div><script>0:10 hidden</script>',
    );
    expect(readBlockText(element).split('\n').filter(Boolean)).toEqual([
      'Topics:',
      '0:00 Welcome',
      '0:45 Chips',
      '1:50 Wafers',
      '2:30 Next',
    ]);
  });

  it('is bounded in length and survives deep nesting', () => {
    let markup = 'x'.repeat(100);
    for (let i = 0; i < 5000; i++) markup = `<span>${markup}</span>`;
    expect(readBlockText(html(markup), 50)).toHaveLength(50);
  });
});

describe('waitForPageChapters', () => {
  const found: PageChapters = {
    source: 'description',
    chapters: [
      { start: 0, title: 'A' },
      { start: 5, title: 'B' },
    ],
  };
  const later = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads at once, again while the page changes, at most every interval, and resolves once found', async () => {
    vi.useFakeTimers();
    const root = document.createElement('div');
    let ready = false;
    const read = vi.fn(async () => (ready ? found : null));
    const result = waitForPageChapters(read, new AbortController().signal, root, 30_000, 500);
    expect(read).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 10; i++) root.append(document.createElement('span'));
    await vi.advanceTimersByTimeAsync(600);
    expect(read).toHaveBeenCalledTimes(2);
    ready = true;
    root.append('text');
    await vi.advanceTimersByTimeAsync(600);
    await expect(result).resolves.toBe(found);
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('never has two reads under way, and reads again after one that the page changed during', async () => {
    vi.useFakeTimers();
    const root = document.createElement('div');
    let underWay = 0;
    let most = 0;
    const read = vi.fn(async () => {
      most = Math.max(most, ++underWay);
      await later(null, 2000);
      underWay--;
      return read.mock.calls.length >= 2 ? found : null;
    });
    const result = waitForPageChapters(read, new AbortController().signal, root, 30_000, 500);
    for (let i = 0; i < 5; i++) {
      root.append(document.createElement('span'));
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(read).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3000);
    await expect(result).resolves.toBe(found);
    expect(read).toHaveBeenCalledTimes(2);
    expect(most).toBe(1);
  });

  it('reads a settled page only now and then, and still finds chapters that come later', async () => {
    vi.useFakeTimers();
    const root = document.createElement('div');
    let answer: PageChapters | null | false = null;
    const read = vi.fn(async () => answer);
    const result = waitForPageChapters(read, new AbortController().signal, root, 30_000, 500, 5_000);
    root.append('text');
    await vi.advanceTimersByTimeAsync(600);
    expect(read).toHaveBeenCalledTimes(2);
    answer = false;
    root.append('more');
    await vi.advanceTimersByTimeAsync(600);
    expect(read).toHaveBeenCalledTimes(3);
    // The page keeps changing, as one playing media does: one read in five seconds, not ten.
    for (let i = 0; i < 10; i++) {
      root.append('tick');
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(read).toHaveBeenCalledTimes(4);
    // The description was the previous video's after all: the new one's chapters are still found.
    answer = found;
    for (let i = 0; i < 10; i++) {
      root.append('tick');
      await vi.advanceTimersByTimeAsync(500);
    }
    await expect(result).resolves.toBe(found);
  });

  it('counts a failed read as finding nothing', async () => {
    vi.useFakeTimers();
    const root = document.createElement('div');
    const read = vi.fn().mockRejectedValueOnce(new Error('no background')).mockResolvedValue(found);
    const result = waitForPageChapters(read, new AbortController().signal, root, 30_000, 500);
    root.append('text');
    await vi.advanceTimersByTimeAsync(600);
    await expect(result).resolves.toBe(found);
  });

  it('gives up after the timeout, with a last read, and at once when aborted', async () => {
    vi.useFakeTimers();
    const root = document.createElement('div');
    const read = vi.fn(async () => null);
    const late = waitForPageChapters(read, new AbortController().signal, root, 1000);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(late).resolves.toBeNull();
    expect(read).toHaveBeenCalledTimes(2);
    const controller = new AbortController();
    const aborted = waitForPageChapters(() => new Promise<never>(() => {}), controller.signal, root);
    controller.abort();
    await expect(aborted).resolves.toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('lets the read under way at the deadline decide', async () => {
    vi.useFakeTimers();
    const root = document.createElement('div');
    const read = vi.fn(() => later(found, 800));
    const result = waitForPageChapters(read, new AbortController().signal, root, 500);
    await vi.advanceTimersByTimeAsync(900);
    await expect(result).resolves.toBe(found);
    expect(read).toHaveBeenCalledTimes(1);
  });
});

describe('links to a moment', () => {
  it('YouTube: &t= in whole seconds, never negative', () => {
    expect(youtube.mediaUrlAt!('C6Zpjij5AF4', 135.7)).toBe('https://www.youtube.com/watch?v=C6Zpjij5AF4&t=135s');
    expect(youtube.mediaUrlAt!('C6Zpjij5AF4', -3)).toBe('https://www.youtube.com/watch?v=C6Zpjij5AF4&t=0s');
  });

  it('Spotify: ?t= in whole seconds', () => {
    expect(spotify.mediaUrlAt!('2Xq9cTnR4hLmV7bWp3KsYd', 2702.2)).toBe('https://open.spotify.com/episode/2Xq9cTnR4hLmV7bWp3KsYd?t=2702');
  });
});
