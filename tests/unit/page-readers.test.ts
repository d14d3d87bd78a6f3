import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { episodeSchema } from '../../utils/chapters/schema';
import { cutWindows } from '../../utils/page-chapters/inline-scripts';
import { createPageEpisode, readPageMaterial } from '../../utils/page-chapters/reading/readers';
import { WATCH_PAGE_LIMITS } from '../../utils/sites/youtube';
import type { PageChapters, PageChaptersReply } from '../../utils/sites/types';

// The background's end of the readPageChapters message: material from a content script, which
// the page may have fooled or which may come from another version, is checked before it is read.

const watchPage = {
  shownVideoId: 'YtChapters1',
  panels: {
    chapters: [
      { link: '/watch?v=YtChapters1&t=0s', time: '0:00', title: 'Intro' },
      { link: '/watch?v=YtChapters1&t=40s', time: '0:40', title: 'Tools' },
    ],
  },
  descriptions: [],
};
const material = (content: unknown, extra: object = {}) => ({ site: 'youtube', mediaId: 'YtChapters1', content, ...extra });

describe('readPageMaterial', () => {
  it('reads well-formed material into the episode the sidebar shows of the page’s chapters', () => {
    expect(readPageMaterial(material(watchPage, { title: 'A video', duration: 300 }))).toEqual({
      ok: true,
      page: {
        source: 'chapters',
        episode: {
          id: 'youtube-YtChapters1',
          show: '',
          title: 'A video',
          altTitles: [],
          ids: { youtube: ['YtChapters1'] },
          offsets: {},
          duration: 300,
          chapters: [
            { start: 0, title: 'Intro', description: '', bullets: [] },
            { start: 40, title: 'Tools', description: '', bullets: [] },
          ],
        },
      },
      settled: false,
    });
  });

  it('names the episode after the page’s title and show, or after what the site plays when the page names none', () => {
    const episodeOf = (reply: PageChaptersReply) => (reply.ok ? reply.page?.episode : undefined);
    const spotify = { site: 'spotify', mediaId: '7hTgQw2ErYuI9oPlKjHgF1', content: { notes: '0:00 Welcome\n0:45 Chips' } };
    expect(episodeOf(readPageMaterial({ ...spotify, title: '  An episode ', show: 'A show' }))).toMatchObject({
      id: 'spotify-7hTgQw2ErYuI9oPlKjHgF1',
      title: 'An episode',
      show: 'A show',
      ids: { spotify: ['7hTgQw2ErYuI9oPlKjHgF1'] },
    });
    expect(episodeOf(readPageMaterial(spotify))).toMatchObject({ title: 'This episode', show: '' });
    expect(episodeOf(readPageMaterial({ ...spotify, title: '   ' }))?.title).toBe('This episode');
    expect(episodeOf(readPageMaterial(material(watchPage)))).toMatchObject({ id: 'youtube-YtChapters1', title: 'This video', show: '' });
    expect(episodeOf(readPageMaterial(material(watchPage)))).not.toHaveProperty('duration');
  });

  it('answers "no chapters" for material that holds none of this media’s', () => {
    expect(readPageMaterial(material(watchPage, { mediaId: 'C6Zpjij5AF4' }))).toEqual({ ok: true, page: null, settled: false });
    expect(readPageMaterial({ site: 'spotify', mediaId: '7hTgQw2ErYuI9oPlKjHgF1', content: { notes: 'No timestamps.' } })).toEqual({
      ok: true,
      page: null,
      settled: true,
    });
  });

  it('cuts an overlong title or show rather than refusing the page’s chapters', () => {
    const reply = readPageMaterial(material(watchPage, { title: 't'.repeat(2_000), show: 's'.repeat(900) }));
    expect(reply.ok && reply.page?.episode.title).toBe('t'.repeat(500));
    expect(reply.ok && reply.page?.episode.show).toBe('s'.repeat(500));
  });

  it('says the page is settled once it shows this media’s description, so the sidebar reads it less often', () => {
    const settled = (content: unknown, mediaId = 'YtChapters1') => {
      const reply = readPageMaterial({ site: 'youtube', mediaId, content });
      return reply.ok ? reply.settled : undefined;
    };
    const described = { ...watchPage, panels: {}, descriptions: [{ text: 'A video about tools.', links: [] }] };
    expect(settled(described)).toBe(true);
    // Not yet: no description rendered, an empty one, or the previous video's still on screen.
    expect(settled({ ...described, descriptions: [] })).toBe(false);
    expect(settled({ ...described, descriptions: [{ text: '  ', links: [] }] })).toBe(false);
    expect(settled(described, 'C6Zpjij5AF4')).toBe(false);
    // Spotify's show notes are whole once there.
    const notes = (text: string) => readPageMaterial({ site: 'spotify', mediaId: '7hTgQw2ErYuI9oPlKjHgF1', content: { notes: text } });
    expect(notes('')).toEqual({ ok: true, page: null, settled: false });
  });

  it.each([
    ['nothing', undefined, /^Unreadable page material \(material: /],
    ['a string', 'youtube', /^Unreadable page material/],
    ['an array', [material(watchPage)], /^Unreadable page material/],
    ['no media id', { site: 'youtube', content: watchPage }, /\(mediaId: /],
    ['an empty media id', material(watchPage, { mediaId: '' }), /\(mediaId: /],
    ['a negative duration', material(watchPage, { duration: -1 }), /\(duration: /],
    ['an infinite duration', material(watchPage, { duration: Infinity }), /\(duration: /],
    ['a media title that is not text', material(watchPage, { title: 42 }), /\(title: /],
    ['a media title past any real one', material(watchPage, { title: 'x'.repeat(10_001) }), /\(title: /],
    ['a show past any real one', material(watchPage, { show: 'x'.repeat(10_001) }), /\(show: /],
    ['a site without a reader', material(watchPage, { site: 'vimeo' }), /^No page reader for the site "vimeo"$/],
    ['content of another site', material({ notes: '0:00 A\n1:00 B' }), /^Unreadable youtube page material \(content\.shownVideoId: /],
    ['no content', material(undefined), /^Unreadable youtube page material \(content: /],
    ['a panel that is not a list', material({ ...watchPage, panels: { chapters: 'Intro' } }), /\(content\.panels\.chapters: /],
    [
      'a title that is not text',
      material({ ...watchPage, panels: { chapters: [{ link: null, time: '0:00', title: 42 }] } }),
      /\(content\.panels\.chapters\.0\.title: /,
    ],
    [
      'a title past the collected bound',
      material({ ...watchPage, panels: { chapters: [{ link: null, time: '0:00', title: 'x'.repeat(2001) }] } }),
      /\(content\.panels\.chapters\.0\.title: /,
    ],
    [
      'too many panel items',
      material({ ...watchPage, panels: { chapters: Array.from({ length: 1001 }, () => ({ link: null, time: '0:00', title: 'x' })) } }),
      /\(content\.panels\.chapters: /,
    ],
    [
      'a whole script instead of its windows',
      material({ ...watchPage, initialData: `var ytInitialData = {"p":"${'x'.repeat(6_000_000)}"}` }),
      /\(content\.initialData: /,
    ],
    [
      'a window past the bound',
      material({ ...watchPage, initialData: [`"playerBar":{"p":"${'x'.repeat(6_000_000)}"}`] }),
      /\(content\.initialData\.0: /,
    ],
    [
      'show notes past the bound',
      { site: 'spotify', mediaId: '7hTgQw2ErYuI9oPlKjHgF1', content: { notes: 'x'.repeat(50_001) } },
      /^Unreadable spotify page material \(content\.notes: /,
    ],
  ] as const)('refuses %s with a reason, without throwing', (_, value, reason) => {
    let reply: PageChaptersReply | undefined;
    expect(() => (reply = readPageMaterial(value))).not.toThrow();
    expect(reply).toEqual({ ok: false, message: expect.stringMatching(reason) });
  });

  it('reads the real saved watch page’s inline data, as a first look sends it', () => {
    const html = readFileSync(
      resolve(process.cwd(), '../shared/fixtures/real-world/dom/youtube/youtube-transcript-api__youtube.html.static.html'),
      'utf8',
    );
    const script = /<script[^>]*>(var ytInitialData = [\s\S]*?)<\/script>/.exec(html)![1]!;
    const initialData = cutWindows(script, WATCH_PAGE_LIMITS.windows.ytInitialData);
    const reply = readPageMaterial(material({ initialData, shownVideoId: null, panels: {}, descriptions: [] }, { mediaId: 'GJLlxj_dtq8' }));
    expect(reply.ok && reply.page?.source).toBe('auto-chapters');
    expect(reply.ok && reply.page?.episode.chapters).toHaveLength(10);
  });
});

describe('createPageEpisode', () => {
  const page: PageChapters = {
    source: 'description',
    chapters: [
      { start: 0, title: 'A' },
      { start: 60, end: 90, title: 'B' },
    ],
  };

  it('is a valid library episode, on the media’s own timeline, named after the media', () => {
    const episode = createPageEpisode({ site: 'youtube', mediaId: 'abcdefghijk', title: 'A video', duration: 300 }, page, 'This video');
    expect(episodeSchema.safeParse(episode).success).toBe(true);
    expect(episode).toMatchObject({
      id: 'youtube-abcdefghijk',
      title: 'A video',
      ids: { youtube: ['abcdefghijk'] },
      offsets: {},
      duration: 300,
    });
    expect(episode.chapters[1]).toEqual({ start: 60, end: 90, title: 'B', description: '', bullets: [] });
    expect(createPageEpisode({ site: 'spotify' }, page, 'This episode')).toMatchObject({
      id: 'spotify-page',
      title: 'This episode',
      ids: {},
    });
  });
});
