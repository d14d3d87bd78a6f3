import { describe, expect, it, vi } from 'vitest';
import { parsePodloveXml, readNormalPlayTime } from '../../../../utils/chapters/formats/podlove-xml';
import type { Episode, ParseResult } from '../../../../utils/chapters/schema';
import { listRealWorld, readOwnFixture, readRealWorld } from './shared-files';

function episodeOf(result: ParseResult): Episode {
  if (!result.ok) throw new Error(`expected ok, got problems: ${JSON.stringify(result.problems)}`);
  return result.episode;
}

/** feedparser's assertion, from the fixture's header comment. */
function expectLine(text: string): string {
  return /Expect:\s*(.*)/.exec(text)?.[1] ?? '';
}

const FIAT_LUX_CHAPTERS = [
  { start: 0, title: 'Welcome' },
  { start: 187.25, title: 'Introducing Podlove', url: 'http://podlove.org/' },
  { start: 506, title: 'Podlove WordPress Plugin', url: 'http://podlove.org/wordpress-plugin' },
  { start: 762.345, title: 'Resumée' },
];

function simplified(episode: Episode) {
  return episode.chapters.map(({ start, title, url }) => (url ? { start, title, url } : { start, title }));
}

describe('Podlove Simple Chapters', () => {
  it('has the six feedparser fixtures', () => {
    expect(listRealWorld('podlove', '.xml')).toEqual([
      'atomsimplechapter.xml',
      'atomsimplechapterexternal.xml',
      'ignore_multiple_psc_chapters.xml',
      'rss2.0simplechapter.xml',
      'rss2.0simplechapter2items.xml',
      'version_1.0_keyerror.xml',
    ]);
  });

  it.each(['atomsimplechapter.xml', 'rss2.0simplechapter.xml'])('%s: Atom and RSS 2.0 feeds', (fileName) => {
    const text = readRealWorld(`podlove/${fileName}`);
    expect(expectLine(text)).toContain("['chapters'][0]['title'] == 'Welcome'");
    expect(expectLine(text)).toContain("['chapters'][1]['start_parsed'] == datetime.timedelta(0, 187, 250000)");
    const result = parsePodloveXml(text);
    const episode = episodeOf(result);
    expect(simplified(episode)).toEqual(FIAT_LUX_CHAPTERS);
    expect(episode).toMatchObject({ show: 'Podlove Podcast', title: 'Fiat Lux', id: 'podlove-podcast-fiat-lux' });
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('ignore_multiple_psc_chapters.xml: only the first list, with a warning', () => {
    const text = readRealWorld('podlove/ignore_multiple_psc_chapters.xml');
    expect(expectLine(text)).toContain("len(entries[0]['psc_chapters']['chapters']) == 4");
    const result = parsePodloveXml(text);
    expect(simplified(episodeOf(result))).toEqual(FIAT_LUX_CHAPTERS);
    expect(result.ok && result.warnings).toEqual([{ message: 'this episode has 2 psc:chapters lists; only the first was read' }]);
  });

  it('rss2.0simplechapter2items.xml: the first item’s chapters, with a warning', () => {
    const text = readRealWorld('podlove/rss2.0simplechapter2items.xml');
    expect(expectLine(text)).toContain("['chapters'][0]['title'] == 'Livekalender'");
    const result = parsePodloveXml(text);
    const episode = episodeOf(result);
    expect(simplified(episode)).toEqual([
      { start: 12, title: 'Livekalender' },
      { start: 144, title: 'Podcatcher' },
    ]);
    expect(episode).toMatchObject({ show: '', title: 'Vorhersage Donnerstag, 06.09.2012' });
    expect(result.ok && result.warnings).toEqual([
      { message: 'this feed has 2 episodes with chapters; only the first (“Vorhersage Donnerstag, 06.09.2012”) was read' },
    ]);
  });

  it('version_1.0_keyerror.xml: version 1.0 lists read too; no titles → the file name', () => {
    const episode = episodeOf(parsePodloveXml(readRealWorld('podlove/version_1.0_keyerror.xml'), { fileName: 'keyerror.xml' }));
    expect(simplified(episode)).toEqual([{ start: 0, title: 'Example' }]);
    expect(episode).toMatchObject({ show: '', title: 'keyerror' });
  });

  it('atomsimplechapterexternal.xml: chapters in another file are named in the problem', () => {
    const text = readRealWorld('podlove/atomsimplechapterexternal.xml');
    expect(expectLine(text)).toContain('http://podlove.org/examples/chapters.psc');
    expect(parsePodloveXml(text)).toEqual({
      ok: false,
      problems: [
        {
          field: 'psc:chapters',
          message: 'the chapters are in a separate file (http://podlove.org/examples/chapters.psc); download it and import that file',
        },
      ],
    });
  });

  it('a standalone .psc file: plain seconds, fractions, entities, unsafe links dropped', () => {
    const result = parsePodloveXml(readOwnFixture('standalone.psc'), { fileName: 'episode-12.psc', duration: 4000 });
    expect(episodeOf(result)).toMatchObject({
      show: '',
      title: 'episode-12',
      chapters: [
        { start: 0, title: 'Plain seconds' },
        { start: 59.5, title: 'Fraction & entity' },
        { start: 3900.25, end: 4000, title: 'Hours' },
      ],
    });
    expect(episodeOf(result).chapters[2]?.url).toBeUndefined();
    expect(result.ok && result.warnings).toEqual([
      { line: 5, field: 'psc:chapter[3]/@href', message: 'only http(s) links are kept; this one was dropped' },
    ]);
  });

  it('reports every bad chapter at once', () => {
    const result = parsePodloveXml(readOwnFixture('broken-podlove.xml'));
    const problems = result.ok ? [] : result.problems.map(({ field, message }) => ({ field, message }));
    expect(problems).toEqual([
      { field: 'psc:chapter[2]/@start', message: '“00:75” is not a time; write hh:mm:ss.mmm, mm:ss or seconds' },
      { field: 'psc:chapter[3]/@title', message: 'this chapter has no title attribute' },
    ]);
  });

  it('chapters out of order are a problem', () => {
    const text = `<psc:chapters xmlns:psc="http://podlove.org/simple-chapters">
      <psc:chapter start="00:01:00" title="A"/><psc:chapter start="00:00:30" title="B"/></psc:chapters>`;
    const result = parsePodloveXml(text);
    expect(!result.ok && result.problems.map(({ field, message }) => ({ field, message }))).toEqual([
      { field: 'psc:chapter[2]/@start', message: 'this chapter starts at 0:30, before the previous one starts at 1:00' },
    ]);
  });

  it('a Podcasting 2.0 <podcast:chapters> link is named in the problem, and is not taken for a Podlove list', () => {
    const feed = (
      chapters: string,
    ) => `<rss xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:psc="http://podlove.org/simple-chapters">
      <channel><title>Show</title><item><title>Episode</title>
      <podcast:chapters url="https://example.com/ep1.json" type="application/json+chapters"/>${chapters}</item></channel></rss>`;
    expect(parsePodloveXml(feed(''))).toEqual({
      ok: false,
      problems: [
        {
          field: 'psc:chapters',
          message: 'the chapters are in a separate file (https://example.com/ep1.json); download it and import that file',
        },
      ],
    });
    const both = parsePodloveXml(feed('<psc:chapters version="1.2"><psc:chapter start="0" title="Podlove"/></psc:chapters>'));
    expect(episodeOf(both)).toMatchObject({ show: 'Show', title: 'Episode', chapters: [{ start: 0, title: 'Podlove' }] });
  });

  it('reads any prefix bound to the Podlove namespace, and the default namespace', () => {
    const prefixed =
      '<rss><channel><item><title>E</title><sc:chapters xmlns:sc="http://podlove.org/simple-chapters"><sc:chapter start="1" title="One"/></sc:chapters></item></channel></rss>';
    const unprefixed = '<chapters xmlns="http://podlove.org/simple-chapters"><chapter start="2" title="Two"/></chapters>';
    expect(simplified(episodeOf(parsePodloveXml(prefixed)))).toEqual([{ start: 1, title: 'One' }]);
    expect(simplified(episodeOf(parsePodloveXml(unprefixed)))).toEqual([{ start: 2, title: 'Two' }]);
  });

  it('a feed without chapters says what is missing', () => {
    expect(parsePodloveXml('<rss><channel><title>x</title></channel></rss>')).toEqual({
      ok: false,
      problems: [{ field: 'psc:chapters', message: 'no <psc:chapters> element (xmlns:psc="http://podlove.org/simple-chapters") found' }],
    });
  });
});

describe('XML that is not quite well-formed: read as feed readers read it, the same everywhere', () => {
  it('a feed that breaks off says what is missing', () => {
    expect(parsePodloveXml(readOwnFixture('malformed.xml'))).toEqual({
      ok: false,
      problems: [{ field: 'psc:chapters', message: 'no <psc:chapters> element (xmlns:psc="http://podlove.org/simple-chapters") found' }],
    });
  });

  it('the customary psc: prefix is read even when undeclared', () => {
    const result = parsePodloveXml('<psc:chapters><psc:chapter start="0" title="A"/></psc:chapters>');
    expect(simplified(episodeOf(result))).toEqual([{ start: 0, title: 'A' }]);
  });

  it('a psc: prefix bound to another namespace is not taken for Podlove', () => {
    const result = parsePodloveXml(
      '<rss xmlns:psc="https://example.com/other"><psc:chapters><psc:chapter start="0" title="A"/></psc:chapters></rss>',
    );
    expect(result.ok).toBe(false);
  });

  it('the result does not depend on whether the platform has DOMParser', () => {
    const text = readRealWorld('podlove/rss2.0simplechapter.xml');
    const withDom = parsePodloveXml(text);
    vi.stubGlobal('DOMParser', undefined);
    try {
      expect(parsePodloveXml(text)).toEqual(withDom);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('readNormalPlayTime', () => {
  it.each([
    ['00:03:07.250', 187.25],
    ['08:26', 506],
    ['12:42.345', 762.345],
    ['50', 50],
    ['59.12', 59.12],
    ['3725', 3725],
    ['1:00:00', 3600],
    ['100:00:00', 360000],
    [' 00:00:12.000 ', 12],
  ])('%j → %d seconds', (text, expected) => {
    expect(readNormalPlayTime(text)).toBe(expected);
  });

  it.each(['', '00:75', '1:60:00', '1:2:3:4', 'abc', '-5', '1.2.3', '00:00:00.', '1e3'])('%j is not a time', (text) => {
    expect(readNormalPlayTime(text)).toBeNull();
  });
});
