import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFormat, parseChapterFile } from '../../../../utils/chapters/detect';
import { parseChapterbarJson } from '../../../../utils/chapters/formats/chapterbar-json';
import { parseChapterbarText } from '../../../../utils/chapters/formats/chapterbar-text';
import { findJsonSyntaxError } from '../../../../utils/chapters/formats/json-text';
import { parsePodcasting20Json } from '../../../../utils/chapters/formats/podcasting20-json';
import { parseMp4chaps } from '../../../../utils/chapters/formats/mp4chaps';
import { parsePodloveJson } from '../../../../utils/chapters/formats/podlove-json';
import { parsePodloveXml } from '../../../../utils/chapters/formats/podlove-xml';
import { parseTimestampList } from '../../../../utils/chapters/formats/timestamp-list';
import { parseWebvtt } from '../../../../utils/chapters/formats/webvtt';
import { episodeSchema } from '../../../../utils/chapters/schema';
import { readSeed } from './shared-files';

type AnyParser = (text: string, context?: { fileName?: string; duration?: number }) => { ok: boolean };

const PARSERS: [string, AnyParser][] = [
  ['chapterbar-text', parseChapterbarText],
  ['podcasting20-json', parsePodcasting20Json],
  ['podlove-xml', parsePodloveXml],
  ['podlove-json', parsePodloveJson],
  ['mp4chaps', parseMp4chaps],
  ['webvtt', parseWebvtt],
  ['timestamp-list', parseTimestampList],
  ['chapterbar-json', parseChapterbarJson],
  ['parseChapterFile', parseChapterFile],
];

/** A fixed sample of bytes 0–255 as text, the same on every run. */
const RANDOM_BYTES = String.fromCharCode(...Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256));

const GARBAGE: [string, string][] = [
  ['empty', ''],
  ['NUL', '\u0000'],
  ['NULs', '\u0000'.repeat(1000)],
  ['huge numbers', '99999999:99'],
  ['huge clock in a chapter', 'T\nCHAPTERS\n- 99999999:99 – 999999999999:00\nA'],
  ['NaN', 'NaN'],
  ['Infinity JSON', '{"version":"1","chapters":[{"startTime":1e400}]}'],
  ['random bytes', RANDOM_BYTES],
  ['lone surrogates', '\ud800\udfff\udc00 0:00 \ud83d'],
  ['only CHAPTERS', 'CHAPTERS'],
  ['WEBVTT alone', 'WEBVTT'],
  ['arrows', '-->\n-->\n-->'],
  ['JSON null', 'null'],
  ['JSON number', '42'],
  ['JSON string', '"chapters"'],
  ['JSON with chapters null', '{"chapters":null}'],
  ['JSON chapters of nulls', '{"chapters":[null, 1, "x", []]}'],
  ['chapterbar JSON with junk episodes', '{"format":"chapterbar","version":1,"episodes":[null,1,"x",[],{"chapters":[null]}]}'],
  ['chapterbar JSON version NaN-like', '{"format":"chapterbar","version":-1e309,"episodes":[]}'],
  ['__proto__ keys', '{"__proto__":{"chapters":[]},"chapters":[{"startTime":0,"title":"A","__proto__":{"x":1}}]}'],
  ['XML prolog only', '<?xml version="1.0"?>'],
  [
    'XML entity bomb',
    '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><x xmlns:psc="http://podlove.org/simple-chapters">&b;</x>',
  ],
  [
    'psc without attributes',
    '<psc:chapters xmlns:psc="http://podlove.org/simple-chapters"><psc:chapter/><psc:chapter start=""/></psc:chapters>',
  ],
  ['HTML script', '<script>alert(1)</script><br>0:00 <img src=x onerror=alert(1)>'],
  ['unclosed comment', '<!-- <psc:chapters xmlns:psc="http://podlove.org/simple-chapters">'],
  ['timestamps only', '0:00\n0:00\n0:00'],
  ['header keys only', 'T\nYouTube:\nSpotify:\nDuration:\nOffset :\nId :\nCHAPTERS'],
];

describe('no parser throws, whatever the input', () => {
  it.each(PARSERS)('%s on a list of garbage inputs', (_name, parse) => {
    for (const [label, text] of GARBAGE) {
      const result = parse(text);
      expect(typeof result.ok, label).toBe('boolean');
      if (result.ok && 'episode' in result) expect(episodeSchema.safeParse(result.episode).success, label).toBe(true);
    }
    expect(() => detectFormat(RANDOM_BYTES)).not.toThrow();
  });

  it.each(PARSERS)('%s on values that are not text', (_name, parse) => {
    for (const value of [undefined, null, 42, {}, [], Symbol('x')]) {
      expect(parse(value as unknown as string)).toEqual(expect.objectContaining({ ok: false }));
    }
  });

  it.each(PARSERS)('%s on random strings and mutated documents (property)', (_name, parse) => {
    const seed = readSeed();
    const mutatedSeed = fc
      .tuple(fc.nat({ max: seed.length }), fc.nat({ max: 200 }), fc.string({ maxLength: 20, unit: 'binary' }))
      .map(([at, cut, insert]) => seed.slice(0, at) + insert + seed.slice(at + cut));
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.json(), mutatedSeed),
        fc.option(fc.double()),
        (text, duration) => {
          const result = parse(text, { duration: duration ?? undefined, fileName: 'x' });
          return typeof result.ok === 'boolean';
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a mutated seed never gives an invalid episode', () => {
    const seed = readSeed();
    fc.assert(
      fc.property(
        fc.nat({ max: seed.length }),
        fc.nat({ max: 400 }),
        fc.constantFrom('', '\n', ' – ', ':', '- ', '9', '•'),
        (at, cut, insert) => {
          const result = parseChapterbarText(seed.slice(0, at) + insert + seed.slice(at + cut));
          if (!result.ok) return result.problems.length > 0 && result.problems.every((p) => p.message.length > 0);
          return episodeSchema.safeParse(result.episode).success;
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('no parser hangs on pathological input', () => {
  const MEGABYTE = 1024 * 1024;
  const PSC = 'http://podlove.org/simple-chapters';
  const PATHOLOGICAL: [string, string][] = [
    ['one long line', 'a'.repeat(4 * MEGABYTE)],
    ['colons and digits', '0:'.repeat(2 * MEGABYTE)],
    ['digits', '1'.repeat(4 * MEGABYTE)],
    ['dashes', '- '.repeat(2 * MEGABYTE)],
    ['angle brackets', '<'.repeat(4 * MEGABYTE)],
    ['unclosed tags', '<a '.repeat(MEGABYTE)],
    ['unclosed comments', '<!--'.repeat(MEGABYTE)],
    ['entities', '&#'.repeat(2 * MEGABYTE)],
    ['deep JSON', `${'['.repeat(MEGABYTE)}${']'.repeat(MEGABYTE)}`],
    ['unclosed JSON strings', `{"chapters":"${'\\"'.repeat(MEGABYTE)}`],
    ['many timestamp lines', '0:00 a\n'.repeat(300_000)],
    ['many blank cues', 'WEBVTT\n\n'.concat('00:00.000 --> 00:01.000\n\n'.repeat(100_000))],
    ['many CHAPTERS lines', 'CHAPTERS\n'.repeat(400_000)],
    ['spaces then a time', `${' '.repeat(3 * MEGABYTE)}0:00 x`],
    ['brackets before a time', `${'(['.repeat(MEGABYTE)}0:00 x`],
    ['spaces inside a trailing-time line', `x${' '.repeat(3 * MEGABYTE)}y 0:00`],
    ['spaces after a trailing time', `x 0:00${' '.repeat(3 * MEGABYTE)}y`],
    ['a long chapter line', `T\nCHAPTERS\n- ${'0'.repeat(3 * MEGABYTE)}x`],
    ['many Podlove chapters', `<psc:chapters xmlns:psc="${PSC}">${'<psc:chapter start="1" title="a"/>'.repeat(20_000)}</psc:chapters>`],
    ['unclosed Podlove tags', `<psc:chapters xmlns:psc="${PSC}">${'<psc:chapter <title '.repeat(200_000)}`],
    ['a long attribute name', `<psc:chapters xmlns:psc="${PSC}"><psc:chapter ${'a'.repeat(3 * MEGABYTE)}/></psc:chapters>`],
    // Once a stack overflow out of detection (the leading-prefix pattern backtracked over it).
    ['a few megabytes of punctuation before a time', `${'-'.repeat(3 * MEGABYTE)} 0:00 x`],
    ['an mp4chaps line with a megabyte title', `00:00:00.000 ${'x '.repeat(MEGABYTE)}<https://example.com/>`],
    ['cues without blank lines', `WEBVTT\n${'00:00.000 --> 00:01.000\nA\n'.repeat(100_000)}`],
  ];

  it.each(PATHOLOGICAL)(
    'detection answers on %s',
    (_label, text) => {
      expect(() => detectFormat(text)).not.toThrow();
      expect(typeof parseChapterFile(text).ok).toBe('boolean');
    },
    60_000,
  );

  it.each(PARSERS)(
    '%s stays fast',
    (_name, parse) => {
      for (const [label, text] of PATHOLOGICAL) {
        const started = performance.now();
        const result = parse(text);
        const elapsed = performance.now() - started;
        expect(typeof result.ok, label).toBe('boolean');
        // A hang detector, generous for a loaded two-core machine; the quadratic cases this guards
        // against take minutes.
        expect(elapsed, label).toBeLessThan(30_000);
      }
    },
    120_000,
  );
});

describe('findJsonSyntaxError agrees with JSON.parse', () => {
  const parses = (text: string) => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };

  it('valid JSON has no error (property)', () => {
    fc.assert(fc.property(fc.json(), (text) => findJsonSyntaxError(text) === null));
  });

  it('broken JSON has an error exactly when JSON.parse fails (property)', () => {
    const jsonish = fc.stringMatching(/^[[\]{}",:0-9a-z\\ .eE+-]{0,30}$/);
    fc.assert(
      fc.property(
        fc.oneof(
          jsonish,
          fc.json().map((t) => t.slice(0, -1)),
        ),
        (text) => (findJsonSyntaxError(text) === null) === parses(text),
      ),
      {
        numRuns: 2000,
      },
    );
  });

  it.each([
    ['{"a": 1,}', 8],
    ['[1, 2', 5],
    ['{"a" 1}', 5],
    ['"unterminated', 13],
    ['[1] 2', 4],
    ['{"a":"\\x"}', 6],
  ])('%j → offset %d', (text, offset) => {
    expect(findJsonSyntaxError(text)).toBe(offset);
  });
});
