import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInitialData, buildPlayerResponse, scriptJson } from '../../e2e/harness/youtube-data';
import type { FixtureVideo } from '../../e2e/harness/videos';
import { readPageMaterial } from '../../../utils/page-chapters/reading/readers';
import { youtube } from '../../../utils/sites/youtube';
import type { WatchPageMaterial } from '../../../utils/sites/youtube-material';
import type { EpisodeRef, PageChapters, PageMaterial } from '../../../utils/sites/types';

const SHARED = resolve(process.cwd(), '../shared/fixtures/real-world');
const realWatchPage = readFileSync(resolve(SHARED, 'dom/youtube/youtube-transcript-api__youtube.html.static.html'), 'utf8');
const realInitialData = JSON.parse(readFileSync(resolve(SHARED, 'youtube-data/GJLlxj_dtq8__ytInitialData.json'), 'utf8')) as Record<
  string,
  unknown
>;

// The fixture YouTube's catalogue (the e2e pages are built from the same file).
const YOUTUBE_VIDEOS = JSON.parse(
  readFileSync(resolve(process.cwd(), 'tests/fixtures/sites/youtube/videos.json'), 'utf8'),
) as FixtureVideo[];
const youtubeVideo = (id: string) => YOUTUBE_VIDEOS.find((video) => video.id === id)!;

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const watchUrl = (id: string) => new URL(`https://www.youtube.com/watch?v=${id}`);
const ref = (mediaId: string, duration?: number): EpisodeRef => ({ site: 'youtube', mediaId, ...(duration ? { duration } : {}) });
const collect = (doc: Document, id: string, duration?: number, first = true) =>
  youtube.collectPageChapters!(doc, watchUrl(id), ref(id, duration), first);

/**
 * Both halves, as the extension runs them: the content script collects from the page, the material
 * crosses to the background as a message does (JSON), and the background's reader reads it.
 */
function read(doc: Document, id: string, duration?: number, first = true): PageChapters | null {
  const material = collect(doc, id, duration, first);
  if (!material) return null;
  const reply = readPageMaterial(JSON.parse(JSON.stringify(material)));
  if (!reply.ok) throw new Error(reply.message);
  // The chapters of the episode the background makes, as the page gave them.
  const found = reply.page;
  return (
    found && {
      source: found.source,
      chapters: found.episode.chapters.map(({ start, end, title }) => ({ start, ...(end !== undefined && { end }), title })),
    }
  );
}

const watchMaterial = (material: PageMaterial | null) => material?.content as WatchPageMaterial | undefined;

/** A first load: the server's inline scripts for `video`, before YouTube's app renders anything. */
function firstLoad(video: FixtureVideo, extra = ''): Document {
  return parse(`<html><head><title>${video.title} - YouTube</title></head><body>
    <script nonce="x">var ytInitialPlayerResponse = ${scriptJson(buildPlayerResponse(video))};var meta = document.createElement('meta');</script>
    <script nonce="x">var ytInitialData = ${scriptJson(buildInitialData(video))};</script>${extra}</body></html>`);
}

/** The rendered page after a single-page navigation to `videoId`, with `metadata` under the title. */
function rendered(videoId: string, metadata: string, panels = ''): Document {
  return parse(`<html><body><ytd-app><ytd-watch-flexy video-id="${videoId}">
    <div id="panels">${panels}</div>
    <div id="below"><ytd-watch-metadata><div id="description"><div id="description-inner">
      <ytd-text-inline-expander id="description-inline-expander"><yt-attributed-string>${metadata}</yt-attributed-string></ytd-text-inline-expander>
    </div></div></ytd-watch-metadata></div>
  </ytd-watch-flexy></ytd-app></body></html>`);
}

const panel = (targetId: string, videoId: string, items: Array<[number, string, string]>, heading = 'h4') =>
  `<ytd-engagement-panel-section-list-renderer target-id="${targetId}" visibility="ENGAGEMENT_PANEL_VISIBILITY_HIDDEN">${items
    .map(
      ([seconds, time, title]) =>
        `<ytd-macro-markers-list-item-renderer><a id="endpoint" href="/watch?v=${videoId}&amp;t=${seconds}s"><div id="details"><${heading} class="macro-markers">${title}</${heading}><div id="time">${time}</div></div></a></ytd-macro-markers-list-item-renderer>`,
    )
    .join('')}</ytd-engagement-panel-section-list-renderer>`;

describe('YouTube page chapters in a real /next response with description chapters (ud9d5cMDP_0, June 2026)', () => {
  // NewPipeExtractor's recorded WEB /next response (tests/fixtures/sites/youtube/real/SOURCES.md),
  // reassembled as the watch page's ytInitialData: its player bar markers and its chapters panel.
  const excerpt = JSON.parse(
    readFileSync(resolve(process.cwd(), 'tests/fixtures/sites/youtube/real/ud9d5cMDP_0__next.chapters-excerpt.json'), 'utf8'),
  ) as Record<string, unknown>;
  const initialData = {
    currentVideoEndpoint: { watchEndpoint: { videoId: 'ud9d5cMDP_0' } },
    playerOverlays: {
      playerOverlayRenderer: { decoratedPlayerBarRenderer: excerpt['playerOverlays.playerOverlayRenderer.decoratedPlayerBarRenderer'] },
    },
    engagementPanels: [
      {
        engagementPanelSectionListRenderer:
          excerpt['engagementPanels[panelIdentifier=engagement-panel-macro-markers-description-chapters]'],
      },
    ],
  };
  const page = parse(`<html><body><script nonce="x">var ytInitialData = ${scriptJson(initialData)};</script></body></html>`);

  it('reads its seven creator chapters, first at 0:00, as YouTube’s chapters', () => {
    const found = read(page, 'ud9d5cMDP_0', 1010);
    expect(found?.source).toBe('chapters');
    expect(found?.chapters).toHaveLength(7);
    expect(found?.chapters[0]).toMatchObject({ start: 0, title: 'Ein erstaunlich kontroverses Thema' });
    expect(found?.chapters[1]?.start).toBe(164);
  });
});

describe('YouTube page chapters on the real saved watch page (GJLlxj_dtq8)', () => {
  it('reads the auto-generated chapters from the inline ytInitialData, marked as auto-generated', () => {
    const page = read(parse(realWatchPage), 'GJLlxj_dtq8');
    expect(page?.source).toBe('auto-chapters');
    expect(page?.chapters.map((chapter) => chapter.title)).toEqual([
      'Build Quality',
      'Screen',
      'Pen Support',
      'Webcam',
      'Keyboard',
      'Trackpad',
      'Performance',
      'Battery Life',
      'Gaming Performance',
      'Ports',
    ]);
    expect(page?.chapters[0]).toEqual({ start: 39.16, title: 'Build Quality' });
    expect(page?.chapters[1]?.start).toBeCloseTo(66.01, 2);
  });

  it('takes nothing from the page for another video (the inline data of the first load after a navigation)', () => {
    expect(read(parse(realWatchPage), 'dQw4w9WgXcQ')).toBeNull();
  });

  it('never takes the key moments or the heat map for chapters', () => {
    const data = structuredClone(realInitialData) as { engagementPanels: Array<Record<string, { panelIdentifier?: string }>> };
    data.engagementPanels = data.engagementPanels.filter(
      (entry) => entry.engagementPanelSectionListRenderer?.panelIdentifier !== 'engagement-panel-macro-markers-auto-chapters',
    );
    // The key moments (MARKER_TYPE_TIMESTAMPS) and the heat map are still in frameworkUpdates.
    expect(JSON.stringify(data)).toContain('MARKER_TYPE_TIMESTAMPS');
    expect(JSON.stringify(data)).toContain('MARKER_TYPE_HEATMAP');
    const doc = parse(`<script>var ytInitialData = ${scriptJson(data)};</script>`);
    expect(read(doc, 'GJLlxj_dtq8')).toBeNull();
  });

  it('prefers the creator’s chapters on the player bar over the auto-generated ones', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a real page's JSON, edited by path
    const data = structuredClone(realInitialData) as Record<string, any>;
    const bar =
      data.playerOverlays.playerOverlayRenderer.decoratedPlayerBarRenderer.decoratedPlayerBarRenderer.playerBar
        .multiMarkersPlayerBarRenderer;
    bar.visibleOnLoad = { key: 'DESCRIPTION_CHAPTERS' };
    bar.markersMap = [
      { key: 'HEATSEEKER', value: { heatmap: {} } },
      {
        key: 'DESCRIPTION_CHAPTERS',
        value: {
          chapters: [0, 60000, 150000].map((ms, i) => ({
            chapterRenderer: { title: { simpleText: ` Part  ${i + 1} ` }, timeRangeStartMillis: ms },
          })),
        },
      },
    ];
    const page = read(parse(`<script>var ytInitialData = ${scriptJson(data)};</script>`), 'GJLlxj_dtq8');
    expect(page).toEqual({
      source: 'chapters',
      chapters: [
        { start: 0, title: 'Part 1' },
        { start: 60, title: 'Part 2' },
        { start: 150, title: 'Part 3' },
      ],
    });
  });
});

describe('YouTube page chapters on a first load (inline scripts)', () => {
  it.each([
    ['YtChapters1', 'chapters', ['Intro', 'Tools you need', 'Removing the tyre', 'Finding the hole', 'Patching and refitting']],
    ['DescStamps1', 'description', ['Feeding the starter', 'Mixing and folding', 'Shaping the loaf', 'Baking', 'Cooling and slicing']],
    ['AutoChapter', 'auto-chapters', ['Leaving home', 'Through the park', 'Market street', 'Home again']],
  ] as const)('%s: %s', (id, source, titles) => {
    const page = read(firstLoad(youtubeVideo(id)), id);
    expect(page?.source).toBe(source);
    expect(page?.chapters.map((chapter) => chapter.title)).toEqual(titles);
  });

  it('finds no chapters where the page has only key moments', () => {
    const video = youtubeVideo('KeyMoments1');
    expect(video.keyMoments?.length).toBeGreaterThan(2);
    expect(read(firstLoad(video), video.id)).toBeNull();
  });

  it('reads the description’s timestamps with their starts in seconds', () => {
    const page = read(firstLoad(youtubeVideo('DescStamps1')), 'DescStamps1');
    expect(page?.chapters.map((chapter) => chapter.start)).toEqual([10, 45, 110, 185, 250]);
  });

  it('drops chapters past the end of the video', () => {
    const video = { ...youtubeVideo('YtChapters1'), lengthSeconds: 200 };
    const page = read(firstLoad(video), video.id);
    expect(page?.chapters.map((chapter) => chapter.start)).toEqual([0, 40, 90, 165]);
  });

  it('gives every fixture video with chapters or timestamps a source, and the others none', () => {
    const sources = Object.fromEntries(YOUTUBE_VIDEOS.map((video) => [video.id, read(firstLoad(video), video.id)?.source ?? null]));
    expect(sources).toMatchObject({
      dQw4w9WgXcQ: null,
      abcdefghijk: null,
      KeyMoments1: null,
      NoPriorsRe1: 'description',
      YtChapters1: 'chapters',
    });
  });
});

describe('YouTube page chapters after a single-page navigation (rendered DOM)', () => {
  const stamps = (videoId: string) =>
    [
      [10, '0:10', 'Feeding the starter'],
      [45, '0:45', 'Mixing'],
      [110, '1:50', 'Shaping'],
    ]
      .map(([s, time, title]) => `<a href="/watch?v=${videoId}&amp;t=${s}s">${time}</a> ${title}<br>`)
      .join('');

  it('reads the rendered description, line by line, when it is this video’s', () => {
    const page = read(rendered('DescStamps1', `Intro text<br>${stamps('DescStamps1')}Outro`), 'DescStamps1');
    expect(page).toEqual({
      source: 'description',
      chapters: [
        { start: 10, title: 'Feeding the starter' },
        { start: 45, title: 'Mixing' },
        { start: 110, title: 'Shaping' },
      ],
    });
  });

  it('ignores a description whose timestamp links point at another video (it lags the navigation)', () => {
    expect(read(rendered('DescStamps1', stamps('C6Zpjij5AF4')), 'DescStamps1')).toBeNull();
  });

  it('ignores the page while ytd-watch-flexy still shows another video', () => {
    expect(read(rendered('C6Zpjij5AF4', stamps('DescStamps1')), 'DescStamps1')).toBeNull();
  });

  it('reads the rendered chapters panel, and the auto-chapters panel as auto-generated', () => {
    const chapters = panel('engagement-panel-macro-markers-description-chapters', 'YtChapters1', [
      [0, '0:00', 'Intro'],
      [40, '0:40', 'Tools'],
      [90, '1:30', 'Tyre'],
    ]);
    expect(read(rendered('YtChapters1', 'no timestamps', chapters), 'YtChapters1')).toEqual({
      source: 'chapters',
      chapters: [
        { start: 0, title: 'Intro' },
        { start: 40, title: 'Tools' },
        { start: 90, title: 'Tyre' },
      ],
    });
    const auto = panel('engagement-panel-macro-markers-auto-chapters', 'AutoChapter', [
      [12, '0:12', 'Leaving home'],
      [65, '1:05', 'Park'],
    ]);
    expect(read(rendered('AutoChapter', 'no timestamps', auto), 'AutoChapter')?.source).toBe('auto-chapters');
  });

  it('reads item titles in <h3>, as YouTube renders them since June 2026 (SponsorBlock@93057529 followed the change)', () => {
    // The real 0:00 link has no `t` (NewPipeExtractor's recorded /next for ud9d5cMDP_0, tests/fixtures/sites/youtube/real/): the time text gives it.
    const items = panel(
      'engagement-panel-macro-markers-description-chapters',
      'ud9d5cMDP_0',
      [
        [0, '0:00', 'Intro'],
        [164, '2:44', 'Vitamin D'],
      ],
      'h3',
    ).replace('&amp;t=0s', '');
    expect(read(rendered('ud9d5cMDP_0', 'no timestamps', items), 'ud9d5cMDP_0')?.chapters).toEqual([
      { start: 0, title: 'Intro' },
      { start: 164, title: 'Vitamin D' },
    ]);
  });

  it('ignores a rendered panel left over from another video', () => {
    const stale = panel('engagement-panel-macro-markers-description-chapters', 'C6Zpjij5AF4', [
      [0, '0:00', 'Intro'],
      [40, '0:40', 'Tools'],
    ]);
    expect(read(rendered('YtChapters1', '', stale), 'YtChapters1')).toBeNull();
  });

  it('renders nothing as markup: titles are text', () => {
    const chapters = panel('engagement-panel-macro-markers-description-chapters', 'YtChapters1', [
      [0, '0:00', '&lt;img src=x onerror=alert(1)&gt;'],
      [40, '0:40', 'Two'],
    ]);
    expect(read(rendered('YtChapters1', '', chapters), 'YtChapters1')?.chapters[0]?.title).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('what the content script collects from a watch page', () => {
  it('is plain data, which a message carries unchanged', () => {
    const material = collect(firstLoad(youtubeVideo('YtChapters1')), 'YtChapters1', 300);
    expect(material).toMatchObject({ site: 'youtube', mediaId: 'YtChapters1', duration: 300 });
    expect(JSON.parse(JSON.stringify(material))).toEqual(material);
  });

  it('takes windows of the first load’s scripts on the first look only: they never change, and can be megabytes', () => {
    const doc = firstLoad(youtubeVideo('YtChapters1'));
    const windows = (list: string[] | undefined) => list?.map((window) => window.slice(0, window.indexOf('{', 1)));
    expect(windows(watchMaterial(collect(doc, 'YtChapters1'))?.initialData)).toEqual([
      '"currentVideoEndpoint":',
      '"playerBar":',
      '{"panelIdentifier":"engagement-panel-macro-markers-description-chapters","targetId":"engagement-panel-macro-markers-description-chapters","header":',
    ]);
    expect(windows(watchMaterial(collect(doc, 'YtChapters1'))?.playerResponse)).toEqual(['"videoDetails":']);
    // Nothing else on the page yet: no message to send.
    expect(collect(doc, 'YtChapters1', undefined, false)).toBeNull();
  });

  it('still reads the rendered page on later looks', () => {
    const chapters = panel('engagement-panel-macro-markers-description-chapters', 'YtChapters1', [
      [0, '0:00', 'Intro'],
      [40, '0:40', 'Tools'],
    ]);
    const doc = rendered('YtChapters1', '', chapters);
    expect(watchMaterial(collect(doc, 'YtChapters1', undefined, false))?.initialData).toBeUndefined();
    expect(read(doc, 'YtChapters1', undefined, false)?.chapters.map((chapter) => chapter.title)).toEqual(['Intro', 'Tools']);
  });

  it('collects nothing on embeds, or for another video than the address names', () => {
    const doc = firstLoad(youtubeVideo('YtChapters1'));
    expect(youtube.collectPageChapters!(doc, new URL('https://www.youtube.com/embed/YtChapters1'), ref('YtChapters1'), true)).toBeNull();
    expect(youtube.collectPageChapters!(doc, watchUrl('YtChapters1'), ref('DescStamps1'), true)).toBeNull();
  });

  it('cuts what the page renders to the bounds the background accepts', () => {
    const long = `${'word '.repeat(1000)}`;
    const doc = rendered(
      'YtChapters1',
      '',
      panel('engagement-panel-macro-markers-description-chapters', 'YtChapters1', [
        [0, '0:00', long],
        [40, '0:40', 'Two'],
      ]),
    );
    expect(watchMaterial(collect(doc, 'YtChapters1'))?.panels.chapters?.[0]?.title).toHaveLength(2000);
    expect(read(doc, 'YtChapters1')?.chapters[0]?.title).toHaveLength(300);
  });
});

describe('YouTube page chapters from a hostile page', () => {
  it('survives broken JSON, wrong types and absurd values', () => {
    const bad = (data: string) => parse(`<script>var ytInitialData = ${data};</script>`);
    expect(
      read(bad('{"currentVideoEndpoint":{"watchEndpoint":{"videoId":"YtChapters1"}}, "engagementPanels": [{'), 'YtChapters1'),
    ).toBeNull();
    expect(
      read(bad('{"currentVideoEndpoint":{"watchEndpoint":{"videoId":"YtChapters1"}},"engagementPanels":"no"}'), 'YtChapters1'),
    ).toBeNull();
    const weird = {
      currentVideoEndpoint: { watchEndpoint: { videoId: 'YtChapters1' } },
      engagementPanels: [
        {
          engagementPanelSectionListRenderer: {
            panelIdentifier: 'engagement-panel-macro-markers-description-chapters',
            content: {
              macroMarkersListRenderer: {
                contents: [
                  { macroMarkersListItemRenderer: { title: { simpleText: 'Fine' }, onTap: { watchEndpoint: { startTimeSeconds: 0 } } } },
                  {
                    macroMarkersListItemRenderer: { title: { simpleText: 'NaN' }, onTap: { watchEndpoint: { startTimeSeconds: 'soon' } } },
                  },
                  { macroMarkersListItemRenderer: { title: 42, onTap: { watchEndpoint: { startTimeSeconds: 30 } } } },
                  {
                    macroMarkersListItemRenderer: { title: { simpleText: 'Negative' }, onTap: { watchEndpoint: { startTimeSeconds: -5 } } },
                  },
                  {
                    macroMarkersListItemRenderer: {
                      title: { simpleText: 'x'.repeat(10_000) },
                      onTap: { watchEndpoint: { startTimeSeconds: 60 } },
                    },
                  },
                  {
                    macroMarkersListItemRenderer: {
                      title: { simpleText: 'Backwards' },
                      onTap: { watchEndpoint: { startTimeSeconds: 50 } },
                    },
                  },
                  {
                    macroMarkersListItemRenderer: {
                      title: { simpleText: 'Infinity' },
                      onTap: { watchEndpoint: { startTimeSeconds: Infinity } },
                    },
                  },
                ],
              },
            },
          },
        },
      ],
    };
    const page = read(bad(JSON.stringify(weird)), 'YtChapters1');
    expect(page?.chapters.map((chapter) => [chapter.start, chapter.title.length])).toEqual([
      [0, 4],
      [60, 300],
    ]);
  });

  // The test's timeout is only a hang guard: speed is the bench's to measure, not a stopwatch's here.
  it('reads a script of megabytes through its windows, and leaves one too long to search unread', { timeout: 30_000 }, () => {
    const data = (padding: number) => ({ padding: 'x'.repeat(padding), ...buildInitialData(youtubeVideo('YtChapters1')) });
    expect(read(parse(`<script>var ytInitialData = ${JSON.stringify(data(4_000_000))};</script>`), 'YtChapters1')?.source).toBe('chapters');
    const tooLong = parse(`<script>var ytInitialData = ${JSON.stringify(data(5_100_000))};</script>`);
    expect(collect(tooLong, 'YtChapters1')?.omitted).toHaveLength(1);
    expect(read(tooLong, 'YtChapters1')).toBeNull();
  });

  it('keeps at most 500 chapters, and refuses a "chapter list" of thousands', () => {
    const items = Array.from({ length: 3000 }, (_, i): [number, string, string] => [
      i,
      `${Math.floor(i / 60)}:${String(i % 60).padStart(2, '0')}`,
      `Item ${i}`,
    ]);
    const doc = rendered('YtChapters1', '', panel('engagement-panel-macro-markers-description-chapters', 'YtChapters1', items));
    expect(watchMaterial(collect(doc, 'YtChapters1'))?.panels.chapters).toHaveLength(1000);
    expect(read(doc, 'YtChapters1', 10_000)).toBeNull();

    const many = Array.from({ length: 3000 }, (_, i) => `${Math.floor(i / 60)}:${String(i % 60).padStart(2, '0')} Line ${i}`).join('\n');
    const video = { ...youtubeVideo('DescStamps1'), description: many, lengthSeconds: 10_000 };
    expect(read(firstLoad(video), video.id)).toBeNull();
  });
});
