import { describe, expect, it } from 'vitest';
import { detectFormat, parseChapterFile } from '../../../../utils/chapters/detect';
import { parseMp4chaps } from '../../../../utils/chapters/formats/mp4chaps';
import { parsePodloveJson } from '../../../../utils/chapters/formats/podlove-json';
import { readTimestampLine } from '../../../../utils/chapters/formats/timestamp-list';
import { parseWebvtt } from '../../../../utils/chapters/formats/webvtt';
import type { ParseResult } from '../../../../utils/chapters/schema';

const chaptersOf = (result: ParseResult) => {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.episode.chapters.map(({ start, title, url }) => (url ? { start, title, url } : { start, title }));
};

describe('WebVTT: a cue’s text ends at a blank line or at a line with -->', () => {
  it('cues without blank lines between them are separate cues', () => {
    const text = 'WEBVTT\n\n00:00.000 --> 01:00.000\nIntro\n01:00.000 --> 02:00.000\nMain\npart two\n02:00.000 --> 03:00.000\nEnd\n';
    expect(chaptersOf(parseWebvtt(text)).map(({ start, title }) => [start, title])).toEqual([
      [0, 'Intro'],
      [60, 'Main part two'],
      [120, 'End'],
    ]);
  });

  it('a file with no blank line at all, header included', () => {
    const text = 'WEBVTT\n00:00.000 --> 00:10.500\nA\n00:10.500 --> 00:20.000\nB';
    expect(chaptersOf(parseWebvtt(text))).toEqual([
      { start: 0, title: 'A' },
      { start: 10.5, title: 'B' },
    ]);
    expect(detectFormat(text)).toBe('webvtt');
  });
});

describe('mp4chaps lines', () => {
  it('keep the fraction and turn <url> into the link', () => {
    expect(readTimestampLine('00:09:12.500 Follow-up: Apple-Facebook <https://example.com/>')).toEqual({
      start: 552.5,
      title: 'Follow-up: Apple-Facebook',
      url: 'https://example.com/',
    });
  });

  it('a link that is not http(s) is no link: the text stays in the title', () => {
    expect(readTimestampLine('00:00:01.000 Title <javascript:alert(1)>')).toEqual({ start: 1, title: 'Title <javascript:alert(1)>' });
  });

  it('are detected when a line shows a fraction or a link, and read without YouTube’s rules', () => {
    const text = '00:00:00.000 Intro\n00:00:05.250 Short one\n00:01:00.000 Main <https://example.com/>';
    expect(detectFormat(text)).toBe('mp4chaps');
    const result = parseMp4chaps(text, { fileName: 'ep.chapters.txt' });
    expect(chaptersOf(result)).toEqual([
      { start: 0, title: 'Intro' },
      { start: 5.25, title: 'Short one' },
      { start: 60, title: 'Main', url: 'https://example.com/' },
    ]);
    expect(result.ok && result.warnings).toEqual([]);
    // A plain list without fractions or links stays a timestamp list.
    expect(detectFormat('00:00:00 Intro\n00:01:00 Main')).toBe('timestamp-list');
  });

  it('a time inside a longer run of digits and dots is no time', () => {
    expect(readTimestampLine('1:02.5000 Title')).toBeNull();
  });
});

describe('Podlove JSON', () => {
  it('problems name the field', () => {
    const result = parsePodloveJson('[{"start": "00:01"}, {"start": "soon", "title": "B"}]');
    expect(!result.ok && result.problems).toEqual([
      { field: '[1].start', message: '“soon” is not a time; write hh:mm:ss.mmm, mm:ss or seconds' },
    ]);
  });

  it('a missing title becomes "Chapter N", with a warning', () => {
    const result = parsePodloveJson('{"chapters": [{"start": "00:00:00.000"}]}', { fileName: 'ep.json' });
    expect(chaptersOf(result)).toEqual([{ start: 0, title: 'Chapter 1' }]);
    expect(result.ok && result.warnings).toEqual([
      { field: 'chapters[0].title', message: 'this chapter has no title; it is called “Chapter 1”' },
    ]);
  });

  it('Podcasting 2.0 files are not taken for Podlove ones', () => {
    expect(detectFormat('{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "A"}]}')).toBe('podcasting20-json');
    expect(detectFormat('{"chapters": [{"start": "0", "title": "A"}]}')).toBe('podlove-json');
  });
});

describe('show notes', () => {
  it('without timestamps are told so, with no format named', () => {
    const result = parseChapterFile('In this episode we talk about gardens.\nThanks for listening, see you next week.');
    expect(result).toEqual({
      ok: false,
      format: null,
      problems: [{ line: 1, message: 'no timestamps found: write one chapter per line, like “0:00 Intro”' }],
    });
  });
});
