import { describe, expect, it } from 'vitest';
import { parseWebvtt } from '../../../../utils/chapters/formats/webvtt';
import type { Episode, ParseResult } from '../../../../utils/chapters/schema';
import { readOwnFixture, readRealWorld } from './shared-files';

function episodeOf(result: ParseResult): Episode {
  if (!result.ok) throw new Error(`expected ok, got problems: ${JSON.stringify(result.problems)}`);
  return result.episode;
}

/** Cues read with plain string operations: "hh:mm:ss.ttt --> hh:mm:ss.ttt" then the title line. */
function cuesBySimpleReading(text: string) {
  const seconds = (clock: string) => clock.split(':').reduce((total, part) => total * 60 + Number(part), 0);
  const lines = text.replace(/^\uFEFF/, '').split('\r\n');
  return lines.flatMap((line, i) => {
    if (!line.includes(' --> ')) return [];
    const [start = '', end = ''] = line.split(' --> ');
    return [{ start: seconds(start), end: seconds(end), title: lines[i + 1] ?? '' }];
  });
}

describe('real-world WebVTT chapter tracks', () => {
  it('gradient-ml podcast: BOM, CRLF, no final newline, 26 cues', () => {
    const text = readRealWorld('webvtt/gradient-ml-podcast__chapters.vtt');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.includes('\r\n')).toBe(true);
    const result = parseWebvtt(text, { fileName: 'gradient-ml-podcast__chapters.vtt' });
    const episode = episodeOf(result);
    const expected = cuesBySimpleReading(text);
    expect(expected).toHaveLength(26);
    expect(episode.chapters.map(({ start, end, title }) => ({ start, end, title }))).toEqual(expected);
    expect(episode.chapters[0]).toEqual({ start: 0, end: 140, title: 'Intro', description: '', bullets: [] });
    expect(episode.chapters[25]).toMatchObject({ start: 5500, end: 5725, title: 'Interests Outside Research + Outro' });
    expect(episode.title).toBe('gradient-ml-podcast__chapters');
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('vidstack demo: mm:ss without milliseconds is read, with one warning', () => {
    const result = parseWebvtt(readRealWorld('webvtt/vidstack-media-files__chapters.vtt'));
    expect(episodeOf(result).chapters.map(({ start, end, title }) => [start, end, title])).toEqual([
      [0, 24, 'Operation Start'],
      [24, 74, 'Barbershop'],
      [74, 160, 'Boris!'],
      [160, 207, 'Secret Lair'],
      [207, 231, 'Credits'],
    ]);
    expect(result.ok && result.warnings.map((w) => w.message)).toEqual([
      'some times have no milliseconds (like “00:24”); WebVTT wants “00:24.000”, read as whole seconds',
      'the file names no episode title; it is called “Untitled episode” for now',
    ]);
  });
});

describe('parseWebvtt', () => {
  it('skips NOTE, STYLE and REGION blocks; reads identifiers, settings, entities and tags', () => {
    const result = parseWebvtt(readOwnFixture('cues-with-markup.vtt'), { fileName: 'markup.vtt' });
    expect(episodeOf(result).chapters.map(({ start, end, title }) => [start, end, title])).toEqual([
      [0, 60, 'Intro & welcome'],
      // &nbsp; decodes to a no-break space, which a one-line title folds into a plain one.
      [60, 150.5, 'Tom <3 Jerry —— the rematch \u200epart two\u200f'],
      [3600, 4200, 'An hour in'],
    ]);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('a missing WEBVTT line is a warning when the cues read well', () => {
    const result = parseWebvtt('00:00.000 --> 00:10.000\nOne\n\n00:10.000 --> 00:20.000\nTwo', { fileName: 'x.vtt' });
    expect(episodeOf(result).chapters).toHaveLength(2);
    expect(result.ok && result.warnings).toEqual([{ line: 1, message: 'a WebVTT file starts with a line “WEBVTT”' }]);
  });

  it('a missing WEBVTT line is a problem when nothing else reads', () => {
    expect(parseWebvtt('hello\nworld')).toEqual({
      ok: false,
      problems: [
        { line: 1, message: 'a WebVTT file starts with a line “WEBVTT”' },
        { line: 1, message: 'no cues found; each chapter is a cue like “00:00:00.000 --> 00:02:20.000” followed by its title' },
      ],
    });
  });

  it('reports overlapping, reversed and malformed cues together, each on its timing line', () => {
    expect(parseWebvtt(readOwnFixture('overlapping-cues.vtt'))).toEqual({
      ok: false,
      problems: [
        { line: 6, message: 'this chapter starts at 0:50, before the previous one ends at 1:00' },
        { line: 9, message: 'this chapter ends at 1:30, which is not after its start at 2:00' },
        { line: 12, message: '“03:75.000” is not a time; write mm:ss.ttt or hh:mm:ss.ttt' },
      ],
    });
  });

  it('a cue without text is a problem; a block without timing is ignored with a warning', () => {
    expect(parseWebvtt('WEBVTT\n\n00:00.000 --> 00:10.000\n<b></b>\n\n00:10.000 --> 00:20.000\nTwo')).toEqual({
      ok: false,
      problems: [{ line: 3, message: 'this cue has no text; a chapter needs a title' }],
    });
    const result = parseWebvtt('WEBVTT\n\njust words\n\n00:00.000 --> 00:10.000\nOne');
    expect(result.ok && result.warnings[0]).toEqual({ line: 3, message: 'not a cue (it has no “-->” timing line); ignored' });
  });

  it('a comma before milliseconds (SRT style) is read with a warning', () => {
    const result = parseWebvtt('WEBVTT\n\n00:00:01,500 --> 00:00:02,250\nOne', { fileName: 'x.vtt' });
    expect(episodeOf(result).chapters[0]).toMatchObject({ start: 1.5, end: 2.25 });
    expect(result.ok && result.warnings.map((w) => w.message)).toEqual([
      'some times use a comma before the milliseconds (SRT style); WebVTT wants a dot',
    ]);
  });
});
