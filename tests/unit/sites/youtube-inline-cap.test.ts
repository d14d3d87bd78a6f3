import { describe, expect, it } from 'vitest';
import { readPageMaterial } from '../../../utils/page-chapters/reading/readers';
import { describeOmitted } from '../../../utils/sidebar/page-chapter-request';
import { WATCH_PAGE_LIMITS, youtube } from '../../../utils/sites/youtube';

// The page's inline data never crosses to the background whole: windows after the keys the reader
// needs, bounded in size and number where they are cut and again where they are read. A script too
// long to search is left out, and a fooled content script's megabytes are refused; the person is told.

const ID = 'YtChapters1';
const url = new URL(`https://www.youtube.com/watch?v=${ID}`);
const page = (initialData: string) =>
  new DOMParser().parseFromString(`<html><body><script>var ytInitialData = ${initialData};</script></body></html>`, 'text/html');
const LIMIT = WATCH_PAGE_LIMITS.maxScriptChars.ytInitialData;
const TOO_LARGE = /^This page's own data is too large for Chapterbar to read \(\d+\.\d MB; it reads at most 5\.0 MB\)/;
const ENDPOINT = `{"currentVideoEndpoint":{"watchEndpoint":{"videoId":"${ID}"}}}`;

describe('the inline data windows', () => {
  it('sends the windows after the keys, with no note', () => {
    const material = youtube.collectPageChapters!(page(ENDPOINT), url, { site: 'youtube', mediaId: ID }, true);
    expect(material?.content).toMatchObject({ initialData: [`"currentVideoEndpoint":{"watchEndpoint":{"videoId":"${ID}"}}};`] });
    expect(material?.omitted).toBeUndefined();
  });

  it('sends a megabyte script as its windows only', () => {
    const doc = page(`{"pad":"${'x'.repeat(3_000_000)}","currentVideoEndpoint":{"watchEndpoint":{"videoId":"${ID}"}}}`);
    const material = youtube.collectPageChapters!(doc, url, { site: 'youtube', mediaId: ID }, true);
    expect(JSON.stringify(material).length).toBeLessThan(1000);
  });

  it('leaves a script too long to search out, and says so in words for the person', () => {
    const doc = page(`{"pad":"${'x'.repeat(LIMIT)}"}`);
    const material = youtube.collectPageChapters!(doc, url, { site: 'youtube', mediaId: ID }, true);
    expect(material?.content).not.toHaveProperty('initialData');
    expect(material?.omitted).toEqual([{ chars: doc.scripts[0]!.text.length, limit: LIMIT }]);
    expect(describeOmitted(material!.omitted!)).toMatch(TOO_LARGE);
  });

  it.each([
    ['one window past the widest', ['"playerBar":{' + 'x'.repeat(128_001)], /content\.initialData\.0: This page's own data is too large/],
    ['more windows than cut', Array.from({ length: 7 }, () => '"playerBar":{}'), /content\.initialData: /],
    [
      'windows past the total',
      Array.from({ length: 6 }, () => '"playerBar":{' + 'x'.repeat(100_000)),
      /content\.initialData: This page's own data is too large .*\(0\.6 MB; it reads at most 0\.4 MB\)/,
    ],
  ])('refuses %s at the background’s schema, naming the field', (_, initialData, message) => {
    const reply = readPageMaterial({
      site: 'youtube',
      mediaId: ID,
      content: { initialData, shownVideoId: null, panels: {}, descriptions: [] },
    });
    expect(reply).toEqual({ ok: false, message: expect.stringMatching(message) as string });
  });
});
