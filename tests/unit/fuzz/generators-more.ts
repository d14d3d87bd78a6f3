/**
 * Generators for the formats added with issue 14 (mp4chaps, Podlove JSON, WebVTT without blank
 * lines) and for the shapes that once broke detection: one line of megabytes, lists of more than
 * a hundred thousand chapters. Kept apart from generators.ts so that each file stays short.
 */
import fc from 'fast-check';
import { anyClock, hostileTitle } from './fuzz-kit';

/** Ascending distinct starts in milliseconds, up to a day long. */
const startsMs = fc
  .uniqueArray(fc.nat({ max: 86_399_999 }), { minLength: 1, maxLength: 25 })
  .map((starts) => [...starts].sort((a, b) => a - b));

const url = fc.constantFrom(
  'https://example.com/notes',
  'http://podlove.org/',
  'javascript:alert(1)',
  'https://',
  'not a url',
  '',
  'https://a.b/<c>',
);

const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');

/** "hh:mm:ss.mmm", or shorter forms Podlove also reads. */
const npt = (ms: number, style: number) => {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const fraction = String(ms % 1000).padStart(3, '0');
  const pad = (n: number) => String(n).padStart(2, '0');
  if (style === 0) return `${pad(h)}:${pad(m)}:${pad(s)}.${fraction}`;
  if (style === 1) return `${pad(h)}:${pad(m)}:${pad(s)}`;
  return `${Math.floor(ms / 1000)}.${fraction}`;
};

export const mp4chapsFile: fc.Arbitrary<string> = fc
  .record({
    starts: startsMs,
    titles: fc.array(hostileTitle, { minLength: 25, maxLength: 25 }),
    links: fc.array(fc.option(url, { freq: 2 }), { minLength: 25, maxLength: 25 }),
    bad: fc.option(anyClock, { freq: 5 }),
    crlf: fc.boolean(),
  })
  .map(({ starts, titles, links, bad, crlf }) =>
    starts
      .map((start, i) => {
        const link = links[i] === null ? '' : ` <${links[i]}>`;
        return `${i === 1 && bad !== null ? bad : npt(start, i % 3 === 2 ? 1 : 0)} ${oneLine(titles[i]!)}${link}`;
      })
      .join(crlf ? '\r\n' : '\n'),
  );

const podloveJsonChapter = (start: number, style: number) =>
  fc.record(
    {
      start: fc.oneof(
        { weight: 6, arbitrary: fc.constant(npt(start, style)) },
        { weight: 1, arbitrary: fc.oneof(anyClock, fc.integer(), fc.constant(null)) },
      ),
      title: fc.option(hostileTitle, { freq: 6 }),
      href: fc.option(url),
      image: fc.option(url),
    },
    { requiredKeys: ['start'] },
  );

export const podloveJsonFile: fc.Arbitrary<string> = fc
  .record({
    starts: startsMs,
    style: fc.constantFrom(0, 1, 2),
    wrapped: fc.boolean(),
    title: fc.option(hostileTitle),
    show: fc.option(hostileTitle),
  })
  .chain(({ starts, style, wrapped, title, show }) =>
    fc
      .tuple(...starts.map((start) => podloveJsonChapter(start, style)))
      .map((chapters) => JSON.stringify(wrapped ? { title, show: show === null ? undefined : { title: show }, chapters } : chapters)),
  );

/** WebVTT as hand-made files have it: no blank line between cues, or none after the header. */
export const denseWebvttFile: fc.Arbitrary<string> = fc
  .record({
    header: fc.constantFrom('WEBVTT', 'WEBVTT Chapter 1', 'WEBVTT\nKind: chapters', ''),
    starts: startsMs,
    titles: fc.array(hostileTitle, { minLength: 25, maxLength: 25 }),
    blankAfterHeader: fc.boolean(),
    twoLineTitles: fc.boolean(),
  })
  .map(({ header, starts, titles, blankAfterHeader, twoLineTitles }) => {
    const cues = starts.map((start, i) => {
      const end = starts[i + 1] ?? start + 30_000;
      const title = oneLine(titles[i]!);
      return `${npt(start, 0)} --> ${npt(end, 0)}\n${twoLineTitles ? `${title}\nsecond line` : title}`;
    });
    return `${header}\n${blankAfterHeader ? '\n' : ''}${cues.join('\n')}\n`;
  });

const MEGABYTE = 1024 * 1024;

/** One line of one to three megabytes, somewhere in a chapter file. */
export const hugeLineFile: fc.Arbitrary<string> = fc
  .record({
    filler: fc.constantFrom('-', ' ', '(', '0', '0:', 'a ', '<', '&#', '•', '\u00a0'),
    size: fc.integer({ min: 1, max: 3 }),
    around: fc.constantFrom(
      ['', ' 0:00 x'],
      ['00:00:00.000 ', ' <https://example.com/>'],
      ['0:00 Intro\n', '\n1:00 End'],
      ['WEBVTT\n\n00:00.000 --> 00:01.000\n', ''],
      ['[{"start":"', '"}]'],
    ),
  })
  .map(({ filler, size, around }) => `${around[0]}${filler.repeat(Math.ceil((size * MEGABYTE) / filler.length))}${around[1]}`);

/** Lists past the chapter limit, in every line-based format. */
export const hugeListFile: fc.Arbitrary<string> = fc
  .record({ count: fc.integer({ min: 5_001, max: 110_000 }), kind: fc.constantFrom(0, 1, 2, 3) })
  .map(({ count, kind }) => {
    const rows: string[] = [];
    for (let i = 0; i < count; i++) {
      const clock = npt(i * 1000, 1);
      rows.push(
        kind === 0
          ? `${clock} C`
          : kind === 1
            ? `${clock}.500 C <https://a.b/>`
            : kind === 2
              ? `${clock}.000 --> ${npt(i * 1000 + 1000, 1)}.000\nC`
              : `{"start":"${clock}","title":"C"}`,
      );
    }
    if (kind === 3) return `[${rows.join(',')}]`;
    return kind === 2 ? `WEBVTT\n\n${rows.join('\n')}` : rows.join('\n');
  });
