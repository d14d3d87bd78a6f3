import { describe, expect, it } from 'vitest';
import { readClock, writeClock } from '../../../../utils/chapters/formats/clock';
import { finishEpisode, type ChapterLocator } from '../../../../utils/chapters/formats/finish-episode';
import { decodeHtmlEntities, htmlToText } from '../../../../utils/chapters/formats/html-text';
import { fieldPath, formatProblem, quote } from '../../../../utils/chapters/formats/problems';
import { readHttpUrl } from '../../../../utils/chapters/formats/safe-url';

const byLine: ChapterLocator = (index, part) => ({ line: index * 10 + (part === 'title' ? 2 : 1) });

describe('finishEpisode', () => {
  it('maps the schema’s chapter problems back to where the chapter is', () => {
    const result = finishEpisode(
      {
        title: 'T',
        chapters: [
          { start: 0, title: 'A' },
          { start: 5, title: '   ' },
        ],
      },
      { locate: byLine, noChaptersMessage: 'none', noChaptersAt: { line: 1 } },
    );
    expect(result).toEqual({ ok: false, problems: [{ line: 12, message: 'a chapter needs a title' }] });
  });

  it('fills show, title and duration from the context only when the file has none', () => {
    const result = finishEpisode(
      { show: '', title: '', chapters: [{ start: 0, title: 'A' }] },
      {
        locate: byLine,
        noChaptersMessage: 'none',
        noChaptersAt: { line: 1 },
        context: { show: 'Page show', title: 'Page title', duration: 90 },
      },
    );
    expect(result).toEqual({
      ok: true,
      warnings: [],
      episode: {
        id: 'page-show-page-title',
        show: 'Page show',
        title: 'Page title',
        altTitles: [],
        ids: {},
        offsets: {},
        duration: 90,
        chapters: [{ start: 0, end: 90, title: 'A', description: '', bullets: [] }],
      },
    });
  });

  it('ignores a duration that cannot close the last chapter', () => {
    for (const duration of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, 10]) {
      const result = finishEpisode(
        { title: 'T', chapters: [{ start: 10, title: 'A' }] },
        { locate: byLine, noChaptersMessage: 'none', noChaptersAt: { line: 1 }, context: { duration } },
      );
      expect(result.ok && result.episode.chapters[0]?.end, String(duration)).toBeUndefined();
    }
  });
});

describe('small helpers', () => {
  it('formatProblem puts the place first', () => {
    expect(formatProblem({ line: 14, message: 'm' })).toBe('line 14: m');
    expect(formatProblem({ field: 'chapters[3].startTime', message: 'm' })).toBe('chapters[3].startTime: m');
    expect(formatProblem({ message: 'm' })).toBe('m');
  });

  it('fieldPath and quote', () => {
    expect(fieldPath(['chapters', 3, 'startTime'])).toBe('chapters[3].startTime');
    expect(fieldPath([0, 'a'])).toBe('[0].a');
    expect(quote('short')).toBe('“short”');
    expect(quote('x'.repeat(1000))).toHaveLength(62);
  });

  it('readClock and writeClock keep milliseconds exactly', () => {
    expect(readClock('2:21.883')).toBe(141.883);
    expect(readClock('2:75')).toBeNull();
    expect(writeClock(141.883)).toBe('2:21.883');
    expect(writeClock(3723)).toBe('1:02:03');
    expect(writeClock(0.5)).toBe('0:00.500');
    for (const seconds of [0, 0.001, 59.999, 141.883, 3600.125, 5390.368]) expect(readClock(writeClock(seconds))).toBe(seconds);
  });

  it('readHttpUrl keeps only http(s) links', () => {
    expect(readHttpUrl(' https://example.com/a b ')).toBe('https://example.com/a%20b');
    for (const unsafe of [
      'javascript:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      'ftp://x.org',
      '//example.com',
      'not a url',
      '',
    ]) {
      expect(readHttpUrl(unsafe), unsafe).toBeNull();
    }
  });

  it('entities and tags become text', () => {
    expect(decodeHtmlEntities('&amp;&lt;&gt;&quot;&apos;&nbsp;&lrm;&rlm;&#65;&#x1F600;&unknown;&#0;&#xD800;&#1114112;')).toBe(
      '&<>"\'\u00a0\u200e\u200fA😀&unknown;&#0;&#xD800;&#1114112;',
    );
    expect(htmlToText('a<br />b<BR>c <a href="#">d</a> &amp;lt;')).toBe('a\nb\nc d &lt;');
  });
});
