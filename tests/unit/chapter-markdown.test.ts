import { describe, expect, it } from 'vitest';
import { answerMarkdownRequest, formatChapterMarkdown } from '../../utils/background/chapter-markdown';

describe('formatChapterMarkdown', () => {
  it('writes the title, time range, description and bullets', () => {
    const markdown = formatChapterMarkdown(
      {
        start: 135,
        end: 550,
        title: 'Emad’s background',
        description: 'From hedge funds\nto open models.',
        bullets: ['Autism research', ' ', 'Stability AI'],
      },
      'https://www.youtube.com/watch?v=C6Zpjij5AF4&t=135s',
    );
    expect(markdown).toBe(
      '### Emad’s background\n\n[2:15–9:10](<https://www.youtube.com/watch?v=C6Zpjij5AF4&t=135s>)\n\nFrom hedge funds\nto open models.\n\n- Autism research\n- Stability AI\n',
    );
  });

  it('writes the start alone for an open last chapter, and no link without one', () => {
    expect(formatChapterMarkdown({ start: 3723, end: Infinity, title: 'Last', description: '', bullets: [] }, null)).toBe(
      '### Last\n\n1:02:03\n',
    );
  });

  it('escapes chapter text, so a title cannot become a link, HTML or formatting', () => {
    const markdown = formatChapterMarkdown(
      { start: 0, end: 10, title: '[click](javascript:alert(1)) <img> *bold*', description: '# not a heading', bullets: ['- nested'] },
      null,
    );
    expect(markdown).toContain('### \\[click\\](javascript:alert(1)) \\<img\\> \\*bold\\*');
    expect(markdown).toContain('\n\\# not a heading\n');
    expect(markdown).toContain('- \\- nested');
  });
});

describe('answerMarkdownRequest (the background’s formatChapterMarkdown handler)', () => {
  const chapter = { start: 60, end: 120, title: 'Wafer-scale engines', description: 'Why size matters', bullets: ['CHIPS are big'] };
  const link = 'https://www.youtube.com/watch?v=abc&t=60s';
  /** As the request arrives: through JSON, as Chrome's messaging sends it. */
  const answer = (request: unknown) => answerMarkdownRequest(JSON.parse(JSON.stringify(request)));

  it('formats a good request', () => {
    expect(answer({ chapter, link })).toBe(formatChapterMarkdown(chapter, link));
    expect(answer({ chapter, link: null })).toBe('### Wafer-scale engines\n\n1:00–2:00\n\nWhy size matters\n\n- CHIPS are big\n');
  });

  it('formats a null end, and an Infinity that JSON turned into null, as an open range', () => {
    expect(answer({ chapter: { ...chapter, end: null }, link: null })).toBe(
      '### Wafer-scale engines\n\n1:00\n\nWhy size matters\n\n- CHIPS are big\n',
    );
    expect(answer({ chapter: { ...chapter, end: Infinity }, link: null })).toContain('\n1:00\n');
  });

  it('accepts text at its bounds', () => {
    const full = {
      start: 0,
      end: null,
      title: 't'.repeat(10_000),
      description: 'd'.repeat(200_000),
      bullets: Array.from({ length: 1_000 }, () => 'b'),
    };
    expect(answer({ chapter: full, link })).toContain(`### ${'t'.repeat(10_000)}\n`);
    expect(answer({ chapter: { ...full, bullets: ['b'.repeat(20_000)] }, link })).toContain(`- ${'b'.repeat(20_000)}\n`);
  });

  it.each([
    ['no request', undefined],
    ['a string', 'chapter'],
    ['no chapter', { link }],
    ['no link field', { chapter }],
    ['a missing title', { chapter: { ...chapter, title: undefined }, link }],
    ['a negative start', { chapter: { ...chapter, start: -1 }, link }],
    ['a start that is not a number', { chapter: { ...chapter, start: '60' }, link }],
    ['Infinity as a start', { chapter: { ...chapter, start: Infinity }, link }],
    ['an end before the start', { chapter: { ...chapter, end: 30 }, link }],
    ['a title over 10,000 characters', { chapter: { ...chapter, title: 't'.repeat(10_001) }, link }],
    ['a description over 200,000 characters', { chapter: { ...chapter, description: 'd'.repeat(200_001) }, link }],
    ['over 1,000 bullets', { chapter: { ...chapter, bullets: Array.from({ length: 1_001 }, () => 'b') }, link }],
    ['a bullet over 20,000 characters', { chapter: { ...chapter, bullets: ['b'.repeat(20_001)] }, link }],
    ['a bullet that is not text', { chapter: { ...chapter, bullets: [{}] }, link }],
    ['a script link', { chapter, link: 'javascript:alert(1)' }],
    ['a link over 2,000 characters', { chapter, link: `https://example.com/${'a'.repeat(2_000)}` }],
  ])('rejects %s', (_name, request) => {
    expect(() => answerMarkdownRequest(request)).toThrow(/^Unreadable Markdown request/);
  });
});
