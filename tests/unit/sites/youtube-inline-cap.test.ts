import { describe, expect, it } from 'vitest';
import { readPageMaterial } from '../../../utils/page-chapters/reading/readers';
import { describeOmitted } from '../../../utils/sidebar/page-chapter-request';
import { WATCH_PAGE_LIMITS, youtube } from '../../../utils/sites/youtube';

// The page's inline data is capped where it is collected and again where it is read: a page's
// megabytes never reach JSON.parse in the background, and the person is told why.

const ID = 'YtChapters1';
const url = new URL(`https://www.youtube.com/watch?v=${ID}`);
const page = (initialData: string) =>
  new DOMParser().parseFromString(`<html><body><script>var ytInitialData = ${initialData};</script></body></html>`, 'text/html');
const LIMIT = WATCH_PAGE_LIMITS.maxScriptChars.ytInitialData;
const TOO_LARGE = /^This page's own data is too large for Chapterbar to read \(\d+\.\d MB; it reads at most 2\.5 MB\)/;

describe('the inline data cap', () => {
  it('sends data within the cap, with no note', () => {
    const material = youtube.collectPageChapters!(page('{"n":1}'), url, { site: 'youtube', mediaId: ID }, true);
    expect(material?.content).toMatchObject({ initialData: 'var ytInitialData = {"n":1};' });
    expect(material?.omitted).toBeUndefined();
  });

  it('leaves a larger script out, and says so in words for the person', () => {
    const doc = page(`{"pad":"${'x'.repeat(LIMIT)}"}`);
    const material = youtube.collectPageChapters!(doc, url, { site: 'youtube', mediaId: ID }, true);
    expect(material?.content).not.toHaveProperty('initialData');
    expect(material?.omitted).toEqual([{ chars: doc.scripts[0]!.text.length, limit: LIMIT }]);
    expect(describeOmitted(material!.omitted!)).toMatch(TOO_LARGE);
  });

  it('is refused at the background’s schema too, with the same words, naming the field', () => {
    const initialData = `var ytInitialData = {"pad":"${'x'.repeat(LIMIT)}"}`;
    const reply = readPageMaterial({
      site: 'youtube',
      mediaId: ID,
      content: { initialData, shownVideoId: null, panels: {}, descriptions: [] },
    });
    expect(reply).toEqual({ ok: false, message: expect.stringContaining('(content.initialData: This page') as string });
    expect(reply.ok ? '' : reply.message).toMatch(/it reads at most 2\.5 MB/);
  });
});
