import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { scriptJson } from '../../e2e/harness/youtube-data';
import { cutWindows, type DataWindow } from '../../../utils/page-chapters/inline-scripts';
import { readWindows } from '../../../utils/page-chapters/reading/page-windows';
import { readPageMaterial } from '../../../utils/page-chapters/reading/readers';
import { readYoutubePageChapters } from '../../../utils/page-chapters/reading/youtube';
import { WATCH_PAGE_LIMITS } from '../../../utils/sites/youtube';
import type { WatchPageMaterial } from '../../../utils/sites/youtube-material';
import type { PageChaptersReply } from '../../../utils/sites/types';

// The windows the content script cuts from a first load's inline scripts (WATCH_PAGE_LIMITS.windows),
// over real pages (their sizes are what the windows are sized from) and hostile ones.

const DATA: readonly DataWindow[] = WATCH_PAGE_LIMITS.windows.ytInitialData;
const PLAYER: readonly DataWindow[] = WATCH_PAGE_LIMITS.windows.ytInitialPlayerResponse;
const [ENDPOINT, PLAYER_BAR, PANEL] = DATA.map(([key]) => key);
const chars = (key: string | undefined) => DATA.find(([start]) => start === key)![1];
const UNREADABLE = /^Part of this page's own data is too large or too deeply nested for Chapterbar to read/;

const realHtml = readFileSync(
  resolve(process.cwd(), '../shared/fixtures/real-world/dom/youtube/youtube-transcript-api__youtube.html.static.html'),
  'utf8',
);
const inlineScript = (name: string) => new RegExp(`<script[^>]*>(var ${name} = [\\s\\S]*?)</script>`).exec(realHtml)![1]!;
const excerpt = JSON.parse(
  readFileSync(resolve(process.cwd(), 'tests/fixtures/sites/youtube/real/ud9d5cMDP_0__next.chapters-excerpt.json'), 'utf8'),
) as Record<string, Record<string, unknown>>;
const realBar = excerpt['playerOverlays.playerOverlayRenderer.decoratedPlayerBarRenderer']!.decoratedPlayerBarRenderer as {
  playerBar: { multiMarkersPlayerBarRenderer: { markersMap: Array<{ key: string; value: { chapters: unknown[] } }> } };
};
const realPanel = excerpt['engagementPanels[panelIdentifier=engagement-panel-macro-markers-description-chapters]'] as {
  content: { macroMarkersListRenderer: { contents: unknown[] } };
};

/** A watch page's ytInitialData of `parts`, as the server writes it into the page (scriptJson escapes `<`). */
const script = (value: unknown) => `var ytInitialData = ${scriptJson(value)};`;
const initialData = (videoId: string, playerBar: unknown, panels: unknown[] = []) => ({
  responseContext: {},
  currentVideoEndpoint: { watchEndpoint: { videoId } },
  playerOverlays: { playerOverlayRenderer: { decoratedPlayerBarRenderer: { decoratedPlayerBarRenderer: { playerBar } } } },
  engagementPanels: panels.map((renderer) => ({ engagementPanelSectionListRenderer: renderer })),
});
const material = (data: string[], player?: string[]): WatchPageMaterial => ({
  initialData: data,
  ...(player && { playerResponse: player }),
  shownVideoId: null,
  panels: {},
  descriptions: [],
});
/** As the background reads it, after the message's schema. */
const readMaterial = (videoId: string, content: WatchPageMaterial): PageChaptersReply =>
  readPageMaterial(JSON.parse(JSON.stringify({ site: 'youtube', mediaId: videoId, content })));

/** The real player bar of ud9d5cMDP_0 with `count` chapters: its seven real ones, repeated with later starts. */
function realBarOf(count: number) {
  const bar = structuredClone(realBar.playerBar);
  const set = bar.multiMarkersPlayerBarRenderer.markersMap.find((entry) => entry.key === 'DESCRIPTION_CHAPTERS')!;
  const real = set.value.chapters as Array<{ chapterRenderer: { timeRangeStartMillis: number; title: { simpleText: string } } }>;
  set.value.chapters = Array.from({ length: count }, (_, i) => {
    const chapter = structuredClone(real[i % real.length]!);
    chapter.chapterRenderer.timeRangeStartMillis = i * 60_000;
    chapter.chapterRenderer.title.simpleText = `${chapter.chapterRenderer.title.simpleText} (${i})`;
    return chapter;
  });
  // A heat map of 100 marks, as older player bars carried beside the chapters.
  bar.multiMarkersPlayerBarRenderer.markersMap.push({
    key: 'HEATSEEKER',
    value: {
      heatmap: {
        heatmapRenderer: {
          maxHeightDp: 40,
          heatMarkers: Array.from({ length: 100 }, (_, i) => ({
            heatMarkerRenderer: { timeRangeStartMillis: i * 60_600, markerDurationMillis: 60_600, heatMarkerIntensityScoreNormalized: 0.5 },
          })),
        },
      },
    } as never,
  });
  return bar;
}

describe('windows of real watch pages', () => {
  it('hold whole objects on the real saved page (GJLlxj_dtq8), and find its auto-generated chapters', () => {
    const data = cutWindows(inlineScript('ytInitialData'), DATA);
    const player = cutWindows(inlineScript('ytInitialPlayerResponse'), PLAYER);
    expect(data.map((window) => DATA.find(([key]) => window.startsWith(key))![0])).toEqual([ENDPOINT, PLAYER_BAR, PANEL]);
    expect(readWindows(data, DATA).unreadable).toBe(false);
    const details = readWindows(player, PLAYER);
    expect(details.byKey.get(PLAYER[0]![0])?.[0]).toMatchObject({ videoId: 'GJLlxj_dtq8', lengthSeconds: '316' });
    const reply = readMaterial('GJLlxj_dtq8', material(data, player));
    expect(reply).toMatchObject({ ok: true, page: { source: 'auto-chapters' } });
    expect(reply).not.toHaveProperty('note');
    // Each window is as long as its bound whatever its object (the text goes on): 0.23 MB of the page's 0.41 MB.
    const sent = [...data, ...player].join('').length;
    expect(sent).toBeLessThanOrEqual([...DATA, ...PLAYER].reduce((sum, [, size, count]) => sum + size * count, 0));
    expect(sent).toBeLessThan(inlineScript('ytInitialData').length + inlineScript('ytInitialPlayerResponse').length);
  });

  it('fit a real player bar of 100 chapters with thumbnails and a heat map (~1.1 KB a chapter)', () => {
    const bar = realBarOf(100);
    const size = scriptJson(bar).length;
    expect(size).toBeGreaterThan(100_000);
    expect(size).toBeLessThan(chars(PLAYER_BAR));
    const page = readYoutubePageChapters(material(cutWindows(script(initialData('ud9d5cMDP_0', bar)), DATA)), 'ud9d5cMDP_0', 7000);
    expect(page?.source).toBe('chapters');
    expect(page?.chapters).toHaveLength(100);
  });

  it('fit a real chapter panel of 15 items (~4.9 KB an item)', () => {
    const panel = structuredClone(realPanel);
    const items = panel.content.macroMarkersListRenderer.contents;
    panel.content.macroMarkersListRenderer.contents = Array.from({ length: 15 }, (_, i) => structuredClone(items[i % items.length]));
    const size = scriptJson(panel).length;
    expect(size).toBeGreaterThan(70_000);
    expect(size).toBeLessThan(chars(PANEL));
    const windows = cutWindows(script(initialData('ud9d5cMDP_0', {}, [panel])), DATA);
    expect(readWindows(windows, DATA).byKey.get(PANEL!)).toHaveLength(1);
  });

  it('tell the person when a list longer than the window kept the creator’s chapters out', () => {
    const windows = cutWindows(script(initialData('ud9d5cMDP_0', realBarOf(200))), DATA);
    const told = vi.fn();
    expect(readYoutubePageChapters(material(windows), 'ud9d5cMDP_0', 20_000, told)).toBeNull();
    expect(told).toHaveBeenCalledWith(expect.stringMatching(UNREADABLE));
    const reply = readMaterial('ud9d5cMDP_0', material(windows));
    expect(reply).toEqual({ ok: true, page: null, settled: false, note: expect.stringMatching(UNREADABLE) as string });
  });

  it('say nothing when the creator’s chapters were read, however long another part', () => {
    const panel = structuredClone(realPanel);
    const items = panel.content.macroMarkersListRenderer.contents;
    panel.content.macroMarkersListRenderer.contents = Array.from({ length: 40 }, (_, i) => structuredClone(items[i % items.length]));
    const windows = cutWindows(script(initialData('ud9d5cMDP_0', realBar.playerBar, [panel])), DATA);
    expect(readWindows(windows, DATA).unreadable).toBe(true);
    const told = vi.fn();
    expect(readYoutubePageChapters(material(windows), 'ud9d5cMDP_0', 1010, told)?.chapters).toHaveLength(7);
    expect(told).not.toHaveBeenCalled();
  });
});

describe('windows of a hostile page', () => {
  const ID = 'YtChapters1';
  const chapters = (n: number) => ({
    multiMarkersPlayerBarRenderer: {
      markersMap: [
        {
          key: 'DESCRIPTION_CHAPTERS',
          value: {
            chapters: Array.from({ length: n }, (_, i) => ({
              chapterRenderer: { title: { simpleText: `Part ${i + 1}` }, timeRangeStartMillis: i * 60_000 },
            })),
          },
        },
      ],
    },
  });

  it('never match a key inside a string: its quotes are escaped there', () => {
    const data = {
      title: '"currentVideoEndpoint":{"watchEndpoint":{"videoId":"dQw4w9WgXcQ"}} "playerBar":{}',
      ...initialData(ID, chapters(3)),
    };
    const windows = cutWindows(script(data), DATA);
    expect(windows.filter((window) => window.startsWith(ENDPOINT!))).toHaveLength(1);
    expect(readYoutubePageChapters(material(windows), ID)?.chapters).toHaveLength(3);
  });

  it('read nothing of a window cut before its object ends, and say so', () => {
    const text = script(initialData(ID, chapters(3))).replace('"playerBar":{', `"playerBar":{"pad":"${'x'.repeat(200_000)}",`);
    const windows = cutWindows(text, DATA);
    const told = vi.fn();
    expect(readYoutubePageChapters(material(windows), ID, undefined, told)).toBeNull();
    expect(told).toHaveBeenCalledWith(expect.stringMatching(UNREADABLE));
    // Unbalanced the other way: more closing than opening brackets end the object early, as JSON it is not.
    const broken = cutWindows(script(initialData(ID, chapters(3))).replace('"playerBar":{', '"playerBar":{]]]'), DATA);
    expect(readWindows(broken, DATA).unreadable).toBe(true);
  });

  it('stay as few and as small as the bounds say with thousands of look-alike keys', () => {
    const lookAlikes = Array.from({ length: 5000 }, (_, i) => `"playerBar":{"n":${i}},"currentVideoEndpoint":{"n":${i}}`).join(',');
    const text = `var ytInitialData = {${lookAlikes},${scriptJson(initialData(ID, chapters(3))).slice(1)};`;
    const windows = cutWindows(text, DATA);
    expect(windows).toHaveLength(4);
    const most = DATA.reduce((sum, [, size, count]) => sum + size * count, 0);
    expect(windows.join('').length).toBeLessThanOrEqual(most);
    // The first endpoint is a look-alike's: whose data it is cannot be told, so none of it is taken, and the person is told.
    expect(readMaterial(ID, material(windows))).toMatchObject({ ok: true, page: null, note: expect.stringMatching(UNREADABLE) });
  });

  it('refuse data nested deeper than a page’s before parsing it, and say so', () => {
    const deep = `${'{"a":['.repeat(5000)}1${']}'.repeat(5000)}`;
    const text = script(initialData(ID, {})).replace('"playerBar":{}', `"playerBar":${deep}`);
    const windows = cutWindows(text, DATA);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const found = readWindows(windows, DATA);
      expect(found.unreadable).toBe(true);
      expect(found.byKey.get(PLAYER_BAR!)).toBeUndefined();
      // Only the endpoint's small object was parsed.
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });

  it('read nothing of a window that starts with no key the content script looks for', () => {
    expect(readWindows(['"other":{"a":1}', '{"a":1}'], DATA)).toEqual({ byKey: new Map(), unreadable: false });
  });
});
