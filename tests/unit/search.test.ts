import { describe, expect, it } from 'vitest';
import { createMatcher, findMatches } from '../../utils/chapters/search';

describe('createMatcher', () => {
  it('has no matcher for an empty query', () => {
    expect(createMatcher('   ')).toBeNull();
  });

  it('splits text into plain and matching parts at their exact places, in any case', () => {
    const matcher = createMatcher('chip  WAFER')!;
    expect(matcher.split('Chips on a wafer, chip')).toEqual([
      { text: 'Chip', match: true },
      { text: 's on a ', match: false },
      { text: 'wafer', match: true },
      { text: ', ', match: false },
      { text: 'chip', match: true },
    ]);
    // Case folding that changes length (İ lowercases to two code units) keeps the parts whole.
    expect(
      createMatcher('i̇stanbul')!
        .split('İstanbul talk')
        .map((part) => part.text)
        .join(''),
    ).toBe('İstanbul talk');
  });

  it('treats the query as text, not as a pattern', () => {
    const matcher = createMatcher('(a+)+$ [x]')!;
    expect(
      matcher
        .split('call (a+)+$ with [x]')
        .filter((part) => part.match)
        .map((part) => part.text),
    ).toEqual(['(a+)+$', '[x]']);
  });

  it('finds chapters where every word appears in the title, description or bullets', () => {
    const chapters = [
      { title: 'Chips', description: 'made of silicon', bullets: [] },
      { title: 'Wafers', description: '', bullets: ['silicon chips'] },
      { title: 'Other', description: '', bullets: [] },
    ];
    expect(findMatches(chapters, createMatcher('silicon chips')!)).toEqual([0, 1]);
    expect(findMatches(chapters, createMatcher('wafers silicon')!)).toEqual([1]);
  });
});
