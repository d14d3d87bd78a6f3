import { describe, expect, it } from 'vitest';
import { parseTimestampList, readTimestampLine } from '../../../../utils/chapters/formats/timestamp-list';
import type { Episode, ParseResult } from '../../../../utils/chapters/schema';
import { readRealWorld } from './shared-files';

interface GetYoutubeChaptersCase {
  name: string;
  skipped: boolean;
  input: string;
  expected: { start: number; title: string }[];
}
interface YoutubeDlCase {
  video_url: string;
  pattern_comment: string;
  description_html: string;
  duration: number;
  expected_chapters: { start_time: number; end_time: number; title: string }[];
}

const getYoutubeChapters = JSON.parse(readRealWorld('youtube-descriptions/get_youtube_chapters_cases.json')) as {
  cases: GetYoutubeChaptersCase[];
};
const youtubeDl = JSON.parse(readRealWorld('youtube-descriptions/youtube_dl_description_chapter_cases.json')) as { cases: YoutubeDlCase[] };

function episodeOf(result: ParseResult): Episode {
  if (!result.ok) throw new Error(`expected ok, got problems: ${JSON.stringify(result.problems)}`);
  return result.episode;
}

/**
 * youtube-dl kept track numbers in titles ("1. Those Beaten Paths…", "1 - Во прах…");
 * get-youtube-chapters drops them ("1. 왜? (Why?) 0:00" → "왜? (Why?)"). Chapterbar drops them
 * (the list shows the order already), so youtube-dl's expectations are compared without them.
 */
function withoutTrackNumber(title: string): string {
  return title.replace(/^\d{1,3}(?:\.|\s+-)\s+/, '');
}

describe('real YouTube descriptions (get-youtube-chapters test cases)', () => {
  it('has the cases this suite expects', () => {
    expect(getYoutubeChapters.cases.map((c) => c.name)).toEqual([
      'lawful',
      '0-prefixed',
      'postfix',
      'postfix 2',
      'postfix parens',
      'prefix',
      'prefix dash',
      'with brackets',
    ]);
  });

  // "prefix dash" (a fullwidth hyphen "－" after the time) is skipped upstream; it works here.
  it.each(getYoutubeChapters.cases.map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
    const episode = episodeOf(parseTimestampList(testCase.input));
    expect(episode.chapters.map(({ start, title }) => ({ start, title }))).toEqual(testCase.expected);
    expect(episode.chapters.every((c) => c.end === undefined)).toBe(true);
  });
});

describe('real YouTube description HTML (youtube-dl test cases)', () => {
  const positives = youtubeDl.cases.filter((c) => c.expected_chapters.length > 0);
  const negatives = youtubeDl.cases.filter((c) => c.expected_chapters.length === 0);

  it('has five positive cases and one negative', () => {
    expect([positives.length, negatives.length]).toEqual([5, 1]);
  });

  it.each(positives.map((c) => [c.pattern_comment, c] as const))('%s', (_pattern, testCase) => {
    const result = parseTimestampList(testCase.description_html, { duration: testCase.duration });
    const episode = episodeOf(result);
    expect(episode.chapters.map((c) => ({ start: c.start, title: c.title }))).toEqual(
      testCase.expected_chapters.map((c) => ({ start: c.start_time, title: withoutTrackNumber(c.title) })),
    );
    // Ends are left open (the next start closes them) except the last, closed by the duration.
    const effectiveEnds = episode.chapters.map((c, i) => c.end ?? episode.chapters[i + 1]?.start);
    expect(effectiveEnds).toEqual(testCase.expected_chapters.map((c) => c.end_time));
    expect(episode.chapters.at(-1)?.end).toBe(testCase.duration);
  });

  it.each(negatives.map((c) => [c.pattern_comment, c] as const))('%s', (_pattern, testCase) => {
    const result = parseTimestampList(testCase.description_html, { duration: testCase.duration });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]?.message).toBe('no timestamps found: write one chapter per line, like “0:00 Intro”');
  });

  it('the negative case has no chapter even without a duration: its time is inside a sentence', () => {
    const negative = negatives[0];
    expect(negative && parseTimestampList(negative.description_html).ok).toBe(false);
  });

  it('a first timestamp after 0:00 is kept, with YouTube’s rule as a warning', () => {
    const queen = positives[0];
    const result = queen ? parseTimestampList(queen.description_html, { duration: queen.duration, title: 'Queen at Live Aid' }) : null;
    expect(result?.ok && result.warnings).toEqual([
      { line: 2, message: 'YouTube needs the first timestamp at 0:00; this list starts at 0:36' },
    ]);
  });
});

describe('readTimestampLine', () => {
  it.each([
    ['0:00 Intro', { start: 0, title: 'Intro' }],
    ['(12:30) - Topic', { start: 750, title: 'Topic' }],
    ['1:02:03 Title', { start: 3723, title: 'Title' }],
    ['[00:12] title', { start: 12, title: 'title' }],
    ['Title - 12:30', { start: 750, title: 'Title' }],
    ['Title (12:30)', { start: 750, title: 'Title' }],
    ['- 0:10 dash bullet', { start: 10, title: 'dash bullet' }],
    ['• 4:31 – Why Stability', { start: 271, title: 'Why Stability' }],
    ['* 4:31 — em dash', { start: 271, title: 'em dash' }],
    ['▶️ 0:05 | emoji bullet and pipe', { start: 5, title: 'emoji bullet and pipe' }],
    ['3. 14:01 Pulsewidth', { start: 841, title: 'Pulsewidth' }],
    ['12) 1:01:39: colon after', { start: 3699, title: 'colon after' }],
    ['2. Break Apart (teat. Rhye) (05:28)', { start: 328, title: 'Break Apart (teat. Rhye)' }],
    ['Suite-Pee 4:26  (Incomplete)', { start: 266, title: 'Suite-Pee (Incomplete)' }],
    ['0:00 - 2:15 Intro with a range', { start: 0, end: 135, title: 'Intro with a range' }],
    ['0:00 Intro (until 2:00)', { start: 0, title: 'Intro (until 2:00)' }],
    ['  0:00   spaced    out  ', { start: 0, title: 'spaced out' }],
    ['0:00', { start: 0, title: '' }],
  ])('%j', (line, expected) => {
    expect(readTimestampLine(line)).toEqual(expected);
  });

  it.each([
    'Saturday and Sunday from 13:30 outside the venue!',
    'no time here',
    'https://example.com/watch?v=abc',
    'version 1.2.3',
    '2:75 not a time',
    '12:345 too many digits',
    '1:2:3 single digits',
    '',
  ])('%j is not a chapter', (line) => {
    expect(readTimestampLine(line)).toBeNull();
  });
});

describe('parseTimestampList', () => {
  it('ignores lines without a timestamp and reports YouTube’s rules as warnings', () => {
    const text = 'Great episode!\nChapters:\n0:05 Intro\n0:10 Too short\n\nLinks: https://example.com';
    const result = parseTimestampList(text, { fileName: 'description.txt' });
    const episode = episodeOf(result);
    expect(episode.title).toBe('description');
    expect(episode.chapters).toEqual([
      { start: 5, title: 'Intro', description: '', bullets: [] },
      { start: 10, title: 'Too short', description: '', bullets: [] },
    ]);
    expect(result.ok && result.warnings).toEqual([
      { line: 3, message: 'YouTube needs the first timestamp at 0:00; this list starts at 0:05' },
      { message: 'YouTube shows chapters only when there are at least three; this list has 2' },
      { line: 3, message: 'this chapter is 0:05 long; YouTube needs at least 10 seconds' },
    ]);
  });

  it('skips timestamps out of order, past the media’s end, or without a title', () => {
    const text = ['0:00 Intro', '5:00 Middle', '4:00 Going back', '0:30', '9:00 Past the end', '2:00 Early again'].join('\n');
    const result = parseTimestampList(text, { duration: 420 });
    expect(episodeOf(result).chapters.map((c) => [c.start, c.end, c.title])).toEqual([
      [0, undefined, 'Intro'],
      [300, 420, 'Middle'],
    ]);
    expect(result.ok && result.warnings.slice(0, 4)).toEqual([
      { line: 3, message: '4:00 does not come after the previous timestamp 5:00; skipped' },
      { line: 4, message: '0:30 has no title; skipped' },
      { line: 5, message: '9:00 is past the end of the media (7:00); skipped' },
      { line: 6, message: '2:00 does not come after the previous timestamp 5:00; skipped' },
    ]);
  });

  it('drops a range end that overlaps the next timestamp', () => {
    const result = parseTimestampList('0:00 - 3:00 One\n2:00 Two\n4:00 Three');
    expect(episodeOf(result).chapters.map((c) => c.end)).toEqual([undefined, undefined, undefined]);
    expect(result.ok && result.warnings[0]).toEqual({
      line: 1,
      message: 'the end 3:00 does not fit between the neighbouring timestamps; ignored',
    });
  });

  it('keeps fitting range ends', () => {
    const episode = episodeOf(parseTimestampList('0:00 – 1:00 One\n1:30 – 2:00 Two\n2:00 Three'));
    expect(episode.chapters.map((c) => [c.start, c.end])).toEqual([
      [0, 60],
      [90, 120],
      [120, undefined],
    ]);
  });

  it('reads HTML descriptions as text: <br> ends a line, tags go, entities are decoded', () => {
    const html = 'Intro text<br /><a href="#" onclick="seek(0)">0:00</a> Tom &amp; Jerry<br><a href="#">1:00</a> &lt;b&gt; is text';
    expect(episodeOf(parseTimestampList(html)).chapters.map((c) => c.title)).toEqual(['Tom & Jerry', '<b> is text']);
  });

  it('keeps "<" in plain text that is not HTML', () => {
    expect(episodeOf(parseTimestampList('0:00 I <3 chapters & <tags>')).chapters[0]?.title).toBe('I <3 chapters & <tags>');
  });

  it('with no timestamp at all, returns a problem (and the reasons lines were skipped)', () => {
    expect(parseTimestampList('just some words\nand more')).toEqual({
      ok: false,
      problems: [{ line: 1, message: 'no timestamps found: write one chapter per line, like “0:00 Intro”' }],
    });
    const result = parseTimestampList('0:00\n1:00');
    expect(!result.ok && result.problems).toEqual([
      { line: 1, message: 'no timestamps found: write one chapter per line, like “0:00 Intro”' },
      { line: 1, message: '0:00 has no title; skipped' },
      { line: 2, message: '1:00 has no title; skipped' },
    ]);
  });
});
