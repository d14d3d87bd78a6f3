import { describe, expect, it } from 'vitest';
import { readDescriptionChapters, tidyPageChapters } from '../../utils/page-chapters/reading/chapter-lists';

describe('tidyPageChapters', () => {
  it('keeps increasing, non-negative starts with text titles, collapsed', () => {
    expect(
      tidyPageChapters(
        [
          { start: 0, title: '  Intro \n here ' },
          { start: 10, title: '' },
          { start: '20', title: 'string start' },
          { start: 30, title: 'Third' },
          { start: 30, title: 'Same start' },
          { start: 400, title: 'Past the end' },
        ],
        300,
      ),
    ).toEqual([
      { start: 0, title: 'Intro here' },
      { start: 30, title: 'Third' },
    ]);
  });

  it('is null for fewer than two chapters: one timestamp is a mention, not a list', () => {
    expect(tidyPageChapters([{ start: 5, title: 'Only one' }])).toBeNull();
  });
});

describe('readDescriptionChapters', () => {
  it('reads a description’s timestamp lines and ignores the rest', () => {
    const text =
      'About this show.\n\n0:00 Welcome\n(02:10) - Wafer-scale engines\nThe talk at 12:30 in the venue\n1:02:03 Late one\nFollow us!';
    expect(readDescriptionChapters(text)).toEqual([
      { start: 0, title: 'Welcome' },
      { start: 130, title: 'Wafer-scale engines' },
      { start: 3723, title: 'Late one' },
    ]);
  });

  it('keeps an end written as a range when it fits', () => {
    expect(readDescriptionChapters('0:00 - 1:00 Intro\n2:00 Topic')).toEqual([
      { start: 0, end: 60, title: 'Intro' },
      { start: 120, title: 'Topic' },
    ]);
  });

  it('drops timestamps past the media’s end', () => {
    expect(readDescriptionChapters('0:00 A\n1:00 B\n9:00 C', 300)?.map((chapter) => chapter.title)).toEqual(['A', 'B']);
  });
});
