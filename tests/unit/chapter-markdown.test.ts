import { describe, expect, it } from 'vitest';
import { formatChapterMarkdown } from '../../utils/chapter-markdown';

describe('formatChapterMarkdown', () => {
  it('writes the title, time range, description and bullets', () => {
    const markdown = formatChapterMarkdown(
      { start: 135, end: 550, title: 'Emad’s background', description: 'From hedge funds\nto open models.', bullets: ['Autism research', ' ', 'Stability AI'] },
      'https://www.youtube.com/watch?v=C6Zpjij5AF4&t=135s',
    );
    expect(markdown).toBe(
      '### Emad’s background\n\n[2:15–9:10](<https://www.youtube.com/watch?v=C6Zpjij5AF4&t=135s>)\n\nFrom hedge funds\nto open models.\n\n- Autism research\n- Stability AI\n',
    );
  });

  it('writes the start alone for an open last chapter, and no link without one', () => {
    expect(formatChapterMarkdown({ start: 3723, end: Infinity, title: 'Last', description: '', bullets: [] }, null)).toBe('### Last\n\n1:02:03\n');
  });

  it('escapes chapter text, so a title cannot become a link, HTML or formatting', () => {
    const markdown = formatChapterMarkdown({ start: 0, end: 10, title: '[click](javascript:alert(1)) <img> *bold*', description: '# not a heading', bullets: ['- nested'] }, null);
    expect(markdown).toContain('### \\[click\\](javascript:alert(1)) \\<img\\> \\*bold\\*');
    expect(markdown).toContain('\n\\# not a heading\n');
    expect(markdown).toContain('- \\- nested');
  });
});
