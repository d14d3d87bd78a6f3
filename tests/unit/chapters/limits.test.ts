import { describe, expect, it } from 'vitest';
import { parseChapterFile, readChapterBlob } from '../../../utils/chapters/detect';
import { MAX_CHAPTERS, MAX_INPUT_CHARS } from '../../../utils/chapters/formats/guard';
import { MAX_LINE_CHARS } from '../../../utils/chapters/formats/text-lines';

/*
 * Every limit ends in a message that names it: the chapter count, the file size, the line length.
 * A list of over 100,000 chapters once ended in "crashed" (an argument spread overflowed the stack)
 * and a line of a few megabytes in a RangeError out of detection.
 */

const COUNT = 110_000;
const clock = (seconds: number) =>
  [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60].map((part) => String(part).padStart(2, '0')).join(':');

const FILES: [format: string, fileName: string, build: () => string][] = [
  ['timestamp-list', 'list.txt', () => Array.from({ length: COUNT }, (_, i) => `${clock(i)} C`).join('\n')],
  ['mp4chaps', 'ep.chapters.txt', () => Array.from({ length: COUNT }, (_, i) => `${clock(i)}.500 C <https://a.b/>`).join('\n')],
  [
    'webvtt',
    'ep.vtt',
    () => `WEBVTT\n\n${Array.from({ length: COUNT }, (_, i) => `${clock(i)}.000 --> ${clock(i + 1)}.000\nC`).join('\n')}`,
  ],
  [
    'podcasting20-json',
    'ep.json',
    () => JSON.stringify({ version: '1.2.0', chapters: Array.from({ length: COUNT }, (_, i) => ({ startTime: i, title: 'C' })) }),
  ],
  ['podlove-json', 'ep.json', () => JSON.stringify(Array.from({ length: COUNT }, (_, i) => ({ start: clock(i), title: 'C' })))],
  [
    'podlove-xml',
    'ep.psc',
    () =>
      `<psc:chapters xmlns:psc="http://podlove.org/simple-chapters">${Array.from({ length: COUNT }, (_, i) => `<psc:chapter start="${i}" title="C"/>`).join('')}</psc:chapters>`,
  ],
];

describe('limits end in a message that says the limit', () => {
  it.each(FILES)(`%s with ${COUNT.toLocaleString('en')} chapters`, (format, fileName, build) => {
    const text = build();
    expect(text.length).toBeLessThan(MAX_INPUT_CHARS);
    const result = parseChapterFile(text, { fileName });
    expect(result.format).toBe(format);
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.problems.map((problem) => problem.message);
    expect(messages).toContain(`this file has ${COUNT} chapters; Chapterbar reads at most ${MAX_CHAPTERS}`);
    expect(messages.join('\n')).not.toMatch(/could not read/);
  });

  it('a file over the size limit says the limit, read as text or as a file', async () => {
    const text = '0:00 Intro\n'.repeat(Math.ceil((MAX_INPUT_CHARS + 10) / 11));
    const result = parseChapterFile(text);
    expect(!result.ok && result.problems[0]?.message).toMatch(/Chapterbar reads chapter files up to 5 MB$/);
    const big = new Blob([new Uint8Array(MAX_INPUT_CHARS * 4 + 1)]);
    const fromFile = await readChapterBlob(big, { fileName: 'episode.mp3' });
    expect(!fromFile.ok && fromFile.problems[0]?.message).toMatch(/Chapterbar reads chapter files up to 5 MB$/);
  });

  it('a line longer than any chapter line is skipped, and said when it starts like a chapter', () => {
    const long = `0:30 ${'words '.repeat(MAX_LINE_CHARS / 5)}`;
    const result = parseChapterFile(`0:00 Intro\n${long}\n1:00 End`, { fileName: 'list.txt' });
    expect(result.ok && result.episodes[0]?.chapters.map((chapter) => chapter.title)).toEqual(['Intro', 'End']);
    expect(result.ok && result.warnings).toContainEqual({
      line: 2,
      message: `this line is longer than ${MAX_LINE_CHARS.toLocaleString('en')} characters, more than any chapter line; skipped`,
    });
  });

  it('one line of megabytes gets an answer, from detection and parsing', () => {
    const text = `${'-'.repeat(3 * 1024 * 1024)} 0:00 x`;
    const result = parseChapterFile(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]?.message).not.toMatch(/could not read/);
  });

  it('past a hundred warnings, the rest are counted', () => {
    const text = ['0:00 Intro', ...Array.from({ length: 500 }, () => '0:00 Again'), '1:00 End'].join('\n');
    const result = parseChapterFile(text);
    expect(result.ok && result.warnings.length).toBe(101);
    expect(result.ok && result.warnings.at(-1)?.message).toMatch(/^… and \d{3} more warnings$/);
  });
});
