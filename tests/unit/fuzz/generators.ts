/**
 * Generated chapter files, one generator per format: well-formed enough to reach the parsers' deep
 * paths (times, titles, links, the schema), with hostile values mixed in. Mutated seeds (fuzz-kit)
 * mostly test the shallow paths; these make sure the accepting side is fuzzed too.
 */
import fc from 'fast-check';
import { formatClock } from '../../../utils/chapters/time';
import { anyClock, anySeconds, hostileTitle } from './fuzz-kit';

/** Ascending distinct chapter starts in seconds (what a real file has), up to a day long. */
const ascendingStarts = fc
  .uniqueArray(fc.nat({ max: 86_399 }), { minLength: 1, maxLength: 25 })
  .map((starts) => [...starts].sort((a, b) => a - b));

/** Mostly ascending starts, sometimes anything at all. */
const starts = fc.oneof(
  { weight: 4, arbitrary: ascendingStarts },
  { weight: 1, arbitrary: fc.array(fc.nat({ max: 90_000 }), { minLength: 1, maxLength: 10 }) },
);

const url = fc.constantFrom(
  'https://example.com/notes',
  'http://example.com/a?b=c&d=<e>',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '//example.com/protocol-relative',
  'https://',
  'not a url',
  '',
);

const vttTime = (seconds: number, style: number) => {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return style === 0 ? `${String(h).padStart(2, '0')}:${mm}:${ss}.000` : style === 1 ? `${mm}:${ss}.500` : `${mm}:${ss}`;
};

/** One line of text that stays on its line: text formats cannot hold a title with a line break. */
const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');

export const chapterbarTextFile: fc.Arbitrary<string> = fc
  .record({
    title: hostileTitle,
    headers: fc.array(
      fc.constantFrom(
        'YouTube: C6Zpjij5AF4',
        'Spotify: 4Z7GAJ50bgctf6uclHlWKo',
        'Duration: 1:02:03',
        'Offset spotify: -120',
        'Also titled: x',
        'Show: <b>Show</b>',
        'Offset youtube: NaN',
        'Duration: -1',
        'Bogus: header',
      ),
      { maxLength: 4 },
    ),
    starts,
    withEnds: fc.boolean(),
    chapters: fc.array(
      fc.record({
        title: hostileTitle,
        url: fc.option(url),
        description: fc.option(hostileTitle),
        bullets: fc.array(hostileTitle, { maxLength: 3 }),
      }),
      { minLength: 25, maxLength: 25 },
    ),
    badClock: fc.option(anyClock, { freq: 5 }),
  })
  .map(({ title, headers, starts: times, withEnds, chapters, badClock }) => {
    const out = [oneLine(title), ...headers, 'CHAPTERS'];
    times.forEach((start, i) => {
      const chapter = chapters[i]!;
      const end = withEnds ? (times[i + 1] ?? start + 60) : undefined;
      const startText = i === 0 && badClock !== null ? badClock : formatClock(start);
      out.push(end === undefined ? `- ${startText}` : `- ${startText} – ${formatClock(end)}`, oneLine(chapter.title));
      if (chapter.url !== null) out.push(`Link: ${chapter.url}`);
      if (chapter.description !== null) out.push(oneLine(chapter.description));
      for (const bullet of chapter.bullets) out.push(`- •${oneLine(bullet)}`);
    });
    return out.join('\n');
  });

export const podcasting20Value = fc.record(
  {
    version: fc.constantFrom('1.2.0', 1.2, null),
    title: fc.option(hostileTitle),
    podcastName: fc.option(hostileTitle),
    chapters: fc.oneof(
      starts.chain((times) =>
        fc.tuple(
          ...times.map((start) =>
            fc.record(
              {
                startTime: fc.oneof({ weight: 5, arbitrary: fc.constant(start) }, { weight: 1, arbitrary: anySeconds }),
                title: fc.option(hostileTitle),
                url: fc.option(url),
                toc: fc.option(fc.boolean(), { freq: 4 }),
                endTime: fc.option(anySeconds, { freq: 4 }),
              },
              { requiredKeys: ['startTime'] },
            ),
          ),
        ),
      ),
      fc.anything({ maxDepth: 2 }),
    ),
  },
  { requiredKeys: ['chapters'] },
);
export const podcasting20File: fc.Arbitrary<string> = podcasting20Value.map((value) => JSON.stringify(value));

/** Attribute text, escaped as XML wants it, or raw (not well-formed, as hand-made feeds are). */
const attribute = (text: string, raw: boolean) => (raw ? text : text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;'));

export const podloveFile: fc.Arbitrary<string> = fc
  .record({
    feed: fc.constantFrom('none', 'rss', 'atom'),
    prefix: fc.constantFrom('psc', 'sc', ''),
    starts,
    chapters: fc.array(
      fc.record({
        title: hostileTitle,
        href: fc.option(url),
        start: fc.option(fc.oneof(anyClock, fc.string({ maxLength: 8 })), { freq: 6 }),
      }),
      { minLength: 25, maxLength: 25 },
    ),
    raw: fc.boolean(),
    npt: fc.constantFrom(0, 1, 2),
  })
  .map(({ feed, prefix, starts: times, chapters, raw, npt }) => {
    const p = prefix ? `${prefix}:` : '';
    const ns = prefix ? `xmlns:${prefix}="http://podlove.org/simple-chapters"` : 'xmlns="http://podlove.org/simple-chapters"';
    const items = times.map((start, i) => {
      const chapter = chapters[i]!;
      const startText = chapter.start ?? (npt === 0 ? vttTime(start, 0) : npt === 1 ? String(start) : vttTime(start, 2));
      const href = chapter.href === null ? '' : ` href="${attribute(chapter.href, raw)}"`;
      return `  <${p}chapter start="${attribute(startText, raw)}" title="${attribute(chapter.title, raw)}"${href}/>`;
    });
    const list = `<${p}chapters version="1.2" ${ns}>\n${items.join('\n')}\n</${p}chapters>`;
    if (feed === 'none') return `<?xml version="1.0" encoding="UTF-8"?>\n${list}`;
    if (feed === 'rss')
      return `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Show</title><item><title>Episode</title>\n${list}\n</item></channel></rss>`;
    return `<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Show</title><entry><title>Episode</title>\n${list}\n</entry></feed>`;
  });

export const webvttFile: fc.Arbitrary<string> = fc
  .record({
    header: fc.constantFrom('WEBVTT', 'WEBVTT - chapters', 'WEBVTT\nKind: chapters', '', 'WEBVTTX'),
    starts,
    titles: fc.array(hostileTitle, { minLength: 25, maxLength: 25 }),
    style: fc.constantFrom(0, 1, 2),
    bad: fc.option(anyClock, { freq: 5 }),
    ids: fc.boolean(),
  })
  .map(({ header, starts: times, titles, style, bad, ids }) => {
    const cues = times.map((start, i) => {
      const end = times[i + 1] ?? start + 30;
      const timing = `${i === 0 && bad !== null ? bad : vttTime(start, style)} --> ${vttTime(end, style)}`;
      return `${ids ? `chapter-${i}\n` : ''}${timing}\n${oneLine(titles[i]!)}`;
    });
    return `${header}\n\n${cues.join('\n\n')}\n`;
  });

export const timestampListFile: fc.Arbitrary<string> = fc
  .record({
    starts,
    titles: fc.array(hostileTitle, { minLength: 25, maxLength: 25 }),
    pattern: fc.constantFrom(0, 1, 2, 3),
    prose: fc.array(fc.constantFrom('Follow us on the web!', 'Recorded live from 13:30 outside the venue', '', 'Timestamps:', '#podcast'), {
      maxLength: 4,
    }),
    bad: fc.option(anyClock, { freq: 5 }),
  })
  .map(({ starts: times, titles, pattern, prose, bad }) => {
    const rows = times.map((start, i) => {
      const clock = i === 1 && bad !== null ? bad : formatClock(start);
      const title = oneLine(titles[i]!);
      return pattern === 0
        ? `${clock} ${title}`
        : pattern === 1
          ? `${title} - ${clock}`
          : pattern === 2
            ? `(${clock}) - ${title}`
            : `${i + 1}. ${clock} ${title}`;
    });
    return [...prose, ...rows].join('\n');
  });
