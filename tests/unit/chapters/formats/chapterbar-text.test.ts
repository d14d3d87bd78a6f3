import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatChapterbarText, parseChapterbarText, splitDoubledShow } from '../../../../utils/chapters/formats/chapterbar-text';
import { episodeIdFrom, validateEpisode, type Episode, type ParseResult } from '../../../../utils/chapters/schema';
import { readOwnFixture, readSeed } from './shared-files';

const SEED = readSeed();

function episodeOf(result: ParseResult): Episode {
  if (!result.ok) throw new Error(`expected ok, got problems: ${JSON.stringify(result.problems)}`);
  return result.episode;
}

function problemsOf(result: ParseResult) {
  if (result.ok) throw new Error(`expected problems, got an episode with ${result.episode.chapters.length} chapters`);
  return result.problems;
}

/** "2:15" → 135, "1:02:03" → 3723, computed here without the code under test. */
function seconds(clock: string): number {
  return clock.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/** 1-based number of the first line that equals `line` exactly. */
function lineNumberOf(text: string, line: string): number {
  const index = text.split('\n').indexOf(line);
  if (index < 0) throw new Error(`no line ${line}`);
  return index + 1;
}

/** The seed's chapters read with plain string operations, independently of the parser. */
function seedChaptersBySimpleReading(text: string) {
  const lines = text.split('\n');
  const chapters: { start: number; end: number; title: string; description: string; bullets: string[] }[] = [];
  for (let i = 2; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('- •')) {
      chapters[chapters.length - 1]?.bullets.push(line.slice('- •'.length));
    } else if (line.startsWith('- ')) {
      const [start = '', end = ''] = line.slice(2).split(' – ');
      chapters.push({ start: seconds(start), end: seconds(end), title: lines[i + 1] ?? '', description: lines[i + 2] ?? '', bullets: [] });
      i += 2;
    }
  }
  return chapters;
}

describe('parseChapterbarText on the bundled seed document', () => {
  const result = parseChapterbarText(SEED, { fileName: 'no-priors-ep3-emad-mostaque.txt' });
  const episode = episodeOf(result);
  const expected = seedChaptersBySimpleReading(SEED);

  it('reads show, title and id from the doubled title line', () => {
    expect(episode.show).toBe('No Priors');
    expect(episode.title).toBe('No Priors Ep. 3 | With Stability AI’s Emad Mostaque');
    expect(episode.id).toBe(episodeIdFrom('No Priors', 'No Priors Ep. 3 | With Stability AI’s Emad Mostaque'));
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('reads all 16 chapters with exact times', () => {
    expect(expected).toHaveLength(16);
    expect(episode.chapters).toHaveLength(16);
    expect(episode.chapters[0]).toMatchObject({ start: 0, end: 135 });
    expect(episode.chapters[15]).toMatchObject({ start: 44 * 60 + 26, end: 45 * 60 + 2 });
    expect(episode.chapters.map(({ start, end }) => ({ start, end }))).toEqual(expected.map(({ start, end }) => ({ start, end })));
  });

  it('reads titles, descriptions and bullets as written, curly quotes included', () => {
    expect(episode.chapters.map((c) => c.title)).toEqual(expected.map((c) => c.title));
    expect(episode.chapters.map((c) => c.description)).toEqual(expected.map((c) => c.description));
    expect(episode.chapters.map((c) => c.bullets)).toEqual(expected.map((c) => c.bullets));
    expect(episode.chapters[0]?.title).toBe('From hedge funds to AI-for-good: autism, COVID, and the “moral imperative”');
    expect(episode.chapters[15]?.title).toBe('Controversial five-year prediction: edge ‘hive’ models beat giant models');
    expect(episode.chapters[0]?.bullets).toHaveLength(5);
    expect(episode.chapters[15]?.bullets).toEqual([
      'Small/medium models + combination strategies will outperform large monoliths',
      'Edge deployment becomes mainstream: powerful assistants on-device',
      'Continues the theme of accessibility, customization, and efficiency over raw scale',
    ]);
    expect(episode.chapters[0]?.description.startsWith('Emad shares how his computer science background')).toBe(true);
    expect(episode.chapters.every((c) => c.description.length > 0 && c.url === undefined)).toBe(true);
  });

  it('writes the seed back byte for byte (plus a final newline)', () => {
    expect(formatChapterbarText(episode)).toBe(`${SEED}\n`);
  });
});

describe('parseChapterbarText is robust to how the seed may be written', () => {
  const reference = episodeOf(parseChapterbarText(SEED));
  const timeLines = /^- (\d+):(\d\d) – (\d+):(\d\d)$/gm;

  it.each([
    ['CRLF line endings', SEED.replace(/\n/g, '\r\n')],
    ['old Mac CR line endings', SEED.replace(/\n/g, '\r')],
    ['a byte order mark', `\uFEFF${SEED}`],
    ['a hyphen between times', SEED.replace(timeLines, '- $1:$2 - $3:$4')],
    ['an em dash between times, no spaces', SEED.replace(timeLines, '- $1:$2—$3:$4')],
    [
      'h:mm:ss times',
      SEED.replace(
        timeLines,
        (_line, m1: string, s1: string, m2: string, s2: string) => `- 0:${m1.padStart(2, '0')}:${s1} – 0:${m2.padStart(2, '0')}:${s2}`,
      ),
    ],
    ['trailing spaces and tabs', SEED.replace(/\n/g, '  \t\n')],
    ['a final newline', `${SEED}\n`],
    ['blank lines between blocks', SEED.replace(/\n- (\d)/g, '\n\n- $1').replace(/\nCHAPTERS\n/, '\n\nCHAPTERS\n\n')],
  ])('%s', (_name, variant) => {
    const result = parseChapterbarText(variant);
    expect(episodeOf(result)).toEqual(reference);
  });

  it.each([
    ['• text', '• '],
    ['* text', '* '],
    ['- text', '- '],
    ['- • text (with a space)', '- • '],
  ])('bullets written as %s', (_name, marker) => {
    const variant = SEED.replace(/^- •/gm, marker);
    expect(episodeOf(parseChapterbarText(variant))).toEqual(reference);
  });

  it('chapters without bullets', () => {
    const variant = SEED.split('\n')
      .filter((line) => !line.startsWith('- •'))
      .join('\n');
    const episode = episodeOf(parseChapterbarText(variant));
    expect(episode.chapters).toHaveLength(16);
    expect(episode.chapters.every((c) => c.bullets.length === 0)).toBe(true);
    expect(episode.chapters.map((c) => c.description)).toEqual(reference.chapters.map((c) => c.description));
  });

  it('chapters without description or bullets', () => {
    const lines = SEED.split('\n');
    const variant = lines
      .filter((line, i) => !line.startsWith('- •') && !(i >= 2 && lines[i - 2]?.startsWith('- ') && !lines[i - 2]?.startsWith('- •')))
      .join('\n');
    const episode = episodeOf(parseChapterbarText(variant));
    expect(episode.chapters.map((c) => c.title)).toEqual(reference.chapters.map((c) => c.title));
    expect(episode.chapters.every((c) => c.description === '' && c.bullets.length === 0)).toBe(true);
  });

  it('omitted ends stay open; context.duration closes the last one', () => {
    const variant = SEED.replace(timeLines, '- $1:$2');
    const open = episodeOf(parseChapterbarText(variant));
    expect(open.chapters.map((c) => c.start)).toEqual(reference.chapters.map((c) => c.start));
    expect(open.chapters.every((c) => c.end === undefined)).toBe(true);

    const closed = episodeOf(parseChapterbarText(variant, { duration: 2702 }));
    expect(closed.chapters[15]?.end).toBe(2702);
    expect(closed.chapters[14]?.end).toBeUndefined();
    expect(closed.duration).toBe(2702);
  });

  it('a plain title line gives an empty show and the whole line as title', () => {
    const episode = episodeOf(parseChapterbarText(SEED.replace(/^No PriorsNo Priors/, 'No Priors')));
    expect(episode.show).toBe('');
    expect(episode.title).toBe('No Priors Ep. 3 | With Stability AI’s Emad Mostaque');
  });

  it('without a title line the file name is the title; without a file name, "Untitled episode" and a warning', () => {
    const noTitle = SEED.slice(SEED.indexOf('CHAPTERS'));
    expect(episodeOf(parseChapterbarText(noTitle, { fileName: 'folder/ep-3.txt' })).title).toBe('ep-3');
    const result = parseChapterbarText(noTitle);
    expect(episodeOf(result).title).toBe('Untitled episode');
    expect(result.ok && result.warnings.map((w) => w.message)).toEqual([expect.stringContaining('Untitled episode')]);
  });
});

describe('header lines', () => {
  const result = parseChapterbarText(readOwnFixture('with-headers.txt'));
  const episode = episodeOf(result);

  it('fill ids, altTitles, duration and offsets', () => {
    expect(episode.show).toBe('Test Show');
    expect(episode.title).toBe('Test Show Ep. 7 | “Quotes” and ‘more’');
    expect(episode.ids).toEqual({ youtube: ['C6Zpjij5AF4'], spotify: ['4Z7GAJ50bgctf6uclHlWKo'] });
    expect(episode.altTitles).toEqual(['Episode seven: the audio edition']);
    expect(episode.duration).toBe(3723);
    expect(episode.offsets).toEqual({ spotify: -120 });
  });

  it('reads links, multi-line descriptions, every bullet form, open ends and h:mm:ss', () => {
    expect(episode.chapters).toEqual([
      {
        start: 0,
        end: 135,
        title: 'Welcome',
        url: 'https://example.com/notes',
        description: 'A description\nthat spans two lines.',
        bullets: ['First bullet', 'Second bullet', 'Third bullet', 'Fourth bullet'],
      },
      { start: 135, title: 'No description, no bullets', description: '', bullets: [] },
      { start: 3540, end: 3690, title: 'Last, with h:mm:ss and a hyphen', description: '', bullets: ['Only bullet'] },
    ]);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('a Show: line names the show and keeps the title line whole; unknown headers warn', () => {
    const text = 'CocoCoco Beach\nShow: Islands\nMood: sunny\nCHAPTERS\n- 0:00\nArrival';
    const parsed = parseChapterbarText(text);
    expect(episodeOf(parsed)).toMatchObject({ show: 'Islands', title: 'CocoCoco Beach' });
    expect(parsed.ok && parsed.warnings).toEqual([{ line: 3, message: 'unknown header “Mood”; ignored' }]);
  });

  it('bad header values are problems on their line', () => {
    const text = 'T\nYouTube: nope\nSpotify: https://example.com/episode/x\nDuration: 1:99\nOffset spotify: soon\nCHAPTERS\n- 0:00\nA';
    expect(problemsOf(parseChapterbarText(text))).toEqual([
      { line: 2, message: '“nope” is not a YouTube video id or link' },
      { line: 3, message: '“https://example.com/episode/x” is not a Spotify episode id or link' },
      { line: 4, message: '“1:99” is not a duration; write m:ss or h:mm:ss' },
      { line: 5, message: '“soon” is not an offset; write seconds such as -120 or +2:00' },
    ]);
  });
});

describe('broken documents give every problem with its line', () => {
  const SECOND_TIME_LINE = '- 2:15 – 4:31';

  it('a time that is not a time', () => {
    const text = SEED.replace(SECOND_TIME_LINE, '- 2:75 – 4:31');
    expect(problemsOf(parseChapterbarText(text))).toEqual([
      { line: lineNumberOf(text, '- 2:75 – 4:31'), message: '“2:75” is not a time; write m:ss or h:mm:ss' },
    ]);
  });

  it('a chapter that starts before the previous one ends', () => {
    const text = SEED.replace(SECOND_TIME_LINE, '- 2:10 – 4:31');
    expect(problemsOf(parseChapterbarText(text))).toEqual([
      { line: lineNumberOf(text, '- 2:10 – 4:31'), message: 'this chapter starts at 2:10, before the previous one ends at 2:15' },
    ]);
  });

  it('chapters out of order', () => {
    const text = SEED.replace(SECOND_TIME_LINE, '- 0:00 – 4:31').replace('- 0:00 – 2:15', '- 1:00 – 1:30');
    const line = lineNumberOf(text, '- 0:00 – 4:31');
    expect(problemsOf(parseChapterbarText(text))).toEqual([
      { line, message: 'this chapter starts at 0:00, before the previous one starts at 1:00' },
    ]);
  });

  it('a chapter with no title', () => {
    const lines = SEED.split('\n');
    const at = lines.indexOf(SECOND_TIME_LINE);
    // Drop the title and description: the line after the times is now a bullet.
    const text = [...lines.slice(0, at + 1), ...lines.slice(at + 3)].join('\n');
    expect(problemsOf(parseChapterbarText(text))).toEqual([
      { line: at + 1, message: 'this chapter has no title: write it on the line after the times' },
    ]);
  });

  it('a last chapter with no title', () => {
    expect(problemsOf(parseChapterbarText('T\nCHAPTERS\n- 0:00 – 1:00\nA\n- 1:00\n'))).toEqual([
      { line: 5, message: 'this chapter has no title: write it on the line after the times' },
    ]);
  });

  it('no CHAPTERS line', () => {
    expect(problemsOf(parseChapterbarText(SEED.replace('\nCHAPTERS\n', '\n')))).toEqual([
      // The place is where the CHAPTERS line belongs: before the first chapter line.
      { line: 2, message: 'no “CHAPTERS” line: write CHAPTERS on its own line before the first chapter' },
    ]);
  });

  it('CHAPTERS but no chapters, and text where a chapter line belongs', () => {
    expect(problemsOf(parseChapterbarText('Title\nCHAPTERS\n'))).toEqual([
      { line: 2, message: 'no chapters after the CHAPTERS line; each chapter starts with a line like “- 0:00 – 2:15”' },
    ]);
    expect(problemsOf(parseChapterbarText('Title\nCHAPTERS\nIntro at zero\n- 0:00\nIntro'))).toEqual([
      { line: 3, message: 'expected a chapter line like “- 0:00 – 2:15” here' },
    ]);
  });

  it.each([
    ['empty', ''],
    ['blank lines only', '\n \r\n\t\n'],
    ['a byte order mark only', '\uFEFF'],
  ])('an empty file (%s)', (_name, text) => {
    expect(problemsOf(parseChapterbarText(text))).toEqual([{ line: 1, message: 'the file is empty' }]);
  });

  it('reports all problems at once, in line order', () => {
    expect(problemsOf(parseChapterbarText(readOwnFixture('many-problems.txt')))).toEqual([
      { line: 2, message: '“not a video” is not a YouTube video id or link' },
      { line: 4, message: '“2:75” is not a time; write m:ss or h:mm:ss' },
      { line: 8, message: 'this chapter starts at 3:50, before the previous one ends at 4:00' },
      { line: 10, message: 'this chapter has no title: write it on the line after the times' },
      { line: 12, message: 'this chapter ends at 7:30, which is not after its start at 8:00' },
    ]);
  });

  it('refuses inputs over 5 MB', () => {
    const huge = `${SEED}\n${'x'.repeat(5 * 1024 * 1024)}`;
    expect(problemsOf(parseChapterbarText(huge))[0]?.message).toMatch(/^this file is 5\.\d MB; Chapterbar reads chapter files up to 5 MB$/);
  });

  it('refuses more than 5000 chapters', () => {
    const chapters = Array.from({ length: 5001 }, (_, i) => `- ${Math.floor(i / 60)}:${String(i % 60).padStart(2, '0')}\nChapter ${i}`);
    const problems = problemsOf(parseChapterbarText(`Long\nCHAPTERS\n${chapters.join('\n')}`));
    // At the first chapter past the limit (line 3 + 5000 × 2), where the file could be split.
    expect(problems).toEqual([{ line: 10003, message: 'this file has 5001 chapters; Chapterbar reads at most 5000' }]);
  });
});

describe('splitDoubledShow', () => {
  it.each([
    [
      'No PriorsNo Priors Ep. 3 | With Stability AI’s Emad Mostaque',
      { show: 'No Priors', title: 'No Priors Ep. 3 | With Stability AI’s Emad Mostaque' },
    ],
    ['Lex Fridman PodcastLex Fridman Podcast #400', { show: 'Lex Fridman Podcast', title: 'Lex Fridman Podcast #400' }],
    ['AbAb', { show: 'Ab', title: 'Ab' }],
    ['Bora Bora trip', null],
    ['Tora! Tora! Tora!', null],
    ['aaa', null],
    ['No Priors Ep. 3', null],
    ['', null],
  ])('%j', (line, expected) => {
    expect(splitDoubledShow(line)).toEqual(expected);
  });

  // Quadratic work on this line takes minutes: the test's own timeout catches it, no stopwatch
  // (a loaded machine is slow, not wrong; speed is the bench's to measure).
  it('stays linear on long repetitive lines', { timeout: 30_000 }, () => {
    const line = 'ab'.repeat(200_000);
    expect(splitDoubledShow(line)).toEqual({ show: 'ab'.repeat(100_000), title: 'ab'.repeat(100_000) });
  });
});

describe('formatChapterbarText round trips', () => {
  function roundTrip(input: unknown): void {
    const validated = validateEpisode(input);
    if (!validated.ok) throw new Error(JSON.stringify(validated.problems));
    const episode = validated.episode;
    const text = formatChapterbarText(episode);
    expect(episodeOf(parseChapterbarText(text))).toEqual(episode);
  }

  it('the seed with every header', () => {
    const seed = episodeOf(parseChapterbarText(SEED));
    roundTrip({
      ...seed,
      ids: { youtube: ['C6Zpjij5AF4'], spotify: ['4Z7GAJ50bgctf6uclHlWKo'], vimeo: ['76979871'] },
      altTitles: ['How can we make sure that everyone has access to AI?', 'Another: title'],
      duration: 2702,
      offsets: { spotify: -120, youtube: 2.5 },
    });
  });

  it.each([
    ['a show that is not the start of the title', { show: 'No Priors', title: 'Ep. 3' }],
    ['no show, a title that looks doubled', { show: '', title: 'CocoCoco Beach' }],
    ['a one-letter show', { show: 'A', title: 'A thing' }],
    ['no show, plain title', { show: '', title: 'Just a title' }],
  ])('%s', (_name, names) => {
    roundTrip({
      id: episodeIdFrom(names.show, names.title),
      ...names,
      chapters: [
        { start: 0, end: 61.5, title: 'Fractions', url: 'https://example.com/a?b=c' },
        { start: 61.5, title: 'Open end', description: 'One\nTwo', bullets: ['•starts with a dot', '- starts with a dash'] },
        { start: 3600.125, end: 7322.999, title: 'Hours' },
      ],
    });
  });

  it('any simple episode (property)', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ,.?!’“”]{0,24}[A-Za-z0-9?!”]$/);
    const chapter = fc.record({
      gap: fc.integer({ min: 1, max: 4000 }),
      length: fc.option(fc.integer({ min: 1, max: 4000 }), { nil: undefined }),
      title: word,
      description: fc.option(word, { nil: undefined }),
      bullets: fc.array(word, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.option(word, { nil: '' }), word, fc.array(chapter, { minLength: 1, maxLength: 8 }), (show, title, parts) => {
        let time = 0;
        const chapters = parts.map((part) => {
          const start = time + part.gap;
          time = part.length === undefined ? start : start + part.length;
          return {
            start,
            end: part.length === undefined ? undefined : time,
            title: part.title,
            description: part.description ?? '',
            bullets: part.bullets,
          };
        });
        roundTrip({ id: episodeIdFrom(show, title), show, title, chapters });
      }),
      { numRuns: 200 },
    );
  });
});
