import { describe, expect, it, vi } from 'vitest';
import { episodeSchema } from '../../utils/chapters/schema';
import { createPageEpisode, readBlockText, readDescriptionChapters, tidyPageChapters, waitForPageChapters } from '../../utils/page-chapters';
import { spotify } from '../../utils/sites/spotify';
import type { PageChapters } from '../../utils/sites/types';
import { youtube } from '../../utils/sites/youtube';

const html = (markup: string) => {
  const element = document.createElement('div');
  element.innerHTML = markup;
  return element;
};

describe('tidyPageChapters', () => {
  it('keeps increasing, non-negative starts with text titles, collapsed', () => {
    expect(
      tidyPageChapters([
        { start: 0, title: '  Intro \n here ' },
        { start: 10, title: '' },
        { start: '20', title: 'string start' },
        { start: 30, title: 'Third' },
        { start: 30, title: 'Same start' },
        { start: 400, title: 'Past the end' },
      ], 300),
    ).toEqual([{ start: 0, title: 'Intro here' }, { start: 30, title: 'Third' }]);
  });

  it('is null for fewer than two chapters: one timestamp is a mention, not a list', () => {
    expect(tidyPageChapters([{ start: 5, title: 'Only one' }])).toBeNull();
  });
});

describe('readDescriptionChapters', () => {
  it('reads a description’s timestamp lines and ignores the rest', () => {
    const text = 'About this show.\n\n0:00 Welcome\n(02:10) - Wafer-scale engines\nThe talk at 12:30 in the venue\n1:02:03 Late one\nFollow us!';
    expect(readDescriptionChapters(text)).toEqual([
      { start: 0, title: 'Welcome' },
      { start: 130, title: 'Wafer-scale engines' },
      { start: 3723, title: 'Late one' },
    ]);
  });

  it('keeps an end written as a range when it fits', () => {
    expect(readDescriptionChapters('0:00 - 1:00 Intro\n2:00 Topic')).toEqual([{ start: 0, end: 60, title: 'Intro' }, { start: 120, title: 'Topic' }]);
  });

  it('drops timestamps past the media’s end', () => {
    expect(readDescriptionChapters('0:00 A\n1:00 B\n9:00 C', 300)?.map((chapter) => chapter.title)).toEqual(['A', 'B']);
  });
});

describe('readBlockText', () => {
  it('ends a line at <br> and at block elements, as the page shows them', () => {
    const element = html('<p>Topics:<br>0:00 Welcome<br>0:45 Chips</p><p>1:50 Wafers</p><div><span>2:30 </span><a href="#">Next</a></div><script>0:10 hidden</script>');
    expect(readBlockText(element).split('\n').filter(Boolean)).toEqual(['Topics:', '0:00 Welcome', '0:45 Chips', '1:50 Wafers', '2:30 Next']);
  });

  it('is bounded in length and survives deep nesting', () => {
    let markup = 'x'.repeat(100);
    for (let i = 0; i < 5000; i++) markup = `<span>${markup}</span>`;
    expect(readBlockText(html(markup), 50)).toHaveLength(50);
  });
});

describe('the episode made of a page’s chapters', () => {
  it('is a valid library episode, on the media’s own timeline, named after the media', () => {
    const page: PageChapters = { source: 'description', chapters: [{ start: 0, title: 'A' }, { start: 60, end: 90, title: 'B' }] };
    const episode = createPageEpisode({ site: 'youtube', mediaId: 'abcdefghijk', title: 'A video', duration: 300 }, page, 'This video');
    expect(episodeSchema.safeParse(episode).success).toBe(true);
    expect(episode).toMatchObject({ id: 'youtube-abcdefghijk', title: 'A video', ids: { youtube: ['abcdefghijk'] }, offsets: {}, duration: 300 });
    expect(createPageEpisode({ site: 'spotify' }, page, 'This episode').title).toBe('This episode');
  });
});

describe('waitForPageChapters', () => {
  const found: PageChapters = { source: 'description', chapters: [{ start: 0, title: 'A' }, { start: 5, title: 'B' }] };

  it('reads again while the page changes, at most every interval, and resolves once found', async () => {
    vi.useFakeTimers();
    const root = document.createElement('div');
    let ready = false;
    const read = vi.fn(() => (ready ? found : null));
    const result = waitForPageChapters(read, new AbortController().signal, root, 30_000, 500);
    for (let i = 0; i < 10; i++) root.append(document.createElement('span'));
    await vi.advanceTimersByTimeAsync(600);
    expect(read).toHaveBeenCalledTimes(1);
    ready = true;
    root.append('text');
    await vi.advanceTimersByTimeAsync(600);
    await expect(result).resolves.toBe(found);
    vi.useRealTimers();
  });

  it('gives up after the timeout, and at once when aborted', async () => {
    vi.useFakeTimers();
    const root = document.createElement('div');
    const late = waitForPageChapters(() => null, new AbortController().signal, root, 1000);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(late).resolves.toBeNull();
    const controller = new AbortController();
    const aborted = waitForPageChapters(() => null, controller.signal, root);
    controller.abort();
    await expect(aborted).resolves.toBeNull();
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
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

describe('Spotify page chapters', () => {
  const EPISODE = '7hTgQw2ErYuI9oPlKjHgF1';
  const page = (notes: string) => new DOMParser().parseFromString(`<main><div data-testid="episode-description">${notes}</div></main>`, 'text/html');
  const NOTES = '<p>Show notes.</p><p>(00:00) Welcome<br>(00:45) Why chips for AI<br>(02:10) Wafer-scale engines</p><p>Follow the show.</p>';
  const read = (doc: Document, path: string, mediaId = EPISODE) =>
    spotify.readPageChapters!(doc, new URL(`https://open.spotify.com${path}`), { site: 'spotify', mediaId, duration: 300 });

  it('reads the timestamps in the show notes of the episode that plays', () => {
    expect(read(page(NOTES), `/episode/${EPISODE}`)).toEqual({
      source: 'description',
      chapters: [{ start: 0, title: 'Welcome' }, { start: 45, title: 'Why chips for AI' }, { start: 130, title: 'Wafer-scale engines' }],
    });
    expect(read(page(NOTES), `/intl-de/episode/${EPISODE}`)?.chapters).toHaveLength(3);
  });

  it('takes nothing from another episode’s page, or from any other page', () => {
    expect(read(page(NOTES), `/episode/${EPISODE}`, '2Xq9cTnR4hLmV7bWp3KsYd')).toBeNull();
    expect(read(page(NOTES), '/show/6vAqAV4ZEtBnqwqtsPGZlw')).toBeNull();
    expect(read(page('<p>No timestamps here.</p>'), `/episode/${EPISODE}`)).toBeNull();
  });
});
