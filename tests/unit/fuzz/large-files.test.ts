import { describe, expect, it } from 'vitest';
import { parseChapterFile } from '../../../utils/chapters/detect';
import { formatChapterbarJson, parseChapterbarJson } from '../../../utils/chapters/formats/chapterbar-json';
import { parseChapterbarText } from '../../../utils/chapters/formats/chapterbar-text';
import { MAX_CHAPTERS } from '../../../utils/chapters/formats/guard';
import { parsePodcasting20Json } from '../../../utils/chapters/formats/podcasting20-json';
import { parseMp4chaps } from '../../../utils/chapters/formats/mp4chaps';
import { parsePodloveJson } from '../../../utils/chapters/formats/podlove-json';
import { parsePodloveXml } from '../../../utils/chapters/formats/podlove-xml';
import { parseTimestampList } from '../../../utils/chapters/formats/timestamp-list';
import { parseWebvtt } from '../../../utils/chapters/formats/webvtt';
import { episodeSchema } from '../../../utils/chapters/schema';
import { formatClock } from '../../../utils/chapters/time';
import { checkParse, newStats, type ParseOutcome } from './fuzz-kit';

/*
 * 100,000-line files of every format, each parsed in bounded time: one a parser must accept (just
 * under the chapter limit, padded with descriptions, bullets and prose), and one it must refuse
 * (past the limit), with the problem's place. Fuzzed inputs are small; these are the big ones.
 */

const LINES = 100_000;
/**
 * A hang detector for 100,000 lines, not a speed test: a quadratic parser takes minutes, a linear
 * one well under a second, and a two-core machine with both cores busy may be ten times slower.
 */
const MAX_MS = 15_000;
const CHAPTERS = MAX_CHAPTERS - 1;

const clock = (seconds: number) => formatClock(seconds);
const vtt = (seconds: number) =>
  `${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}.000`;
/** Lines per chapter so that `count` chapters fill the file. */
const padding = (count: number, used: number) => Math.max(0, Math.floor(LINES / count) - used);

function chapterbarText(count: number): string {
  const out = ['Huge show episode', 'CHAPTERS'];
  const bullets = padding(count, 3);
  for (let i = 0; i < count; i++) {
    out.push(`- ${clock(i * 10)}`, `Chapter ${i} <b>bold</b>`, 'A description line.');
    for (let b = 0; b < bullets; b++) out.push(`- •bullet ${b}`);
  }
  return out.join('\n');
}

function webvtt(count: number): string {
  const out = ['WEBVTT', ''];
  const extra = padding(count, 3);
  for (let i = 0; i < count; i++) {
    out.push(`${vtt(i * 10)} --> ${vtt(i * 10 + 10)}`, `Chapter ${i}`);
    for (let t = 0; t < extra; t++) out.push('continued');
    out.push('');
  }
  return out.join('\n');
}

function timestampList(count: number): string {
  const out: string[] = [];
  const prose = padding(count, 1);
  for (let i = 0; i < count; i++) {
    out.push(`${clock(i * 10)} Chapter ${i}`);
    for (let p = 0; p < prose; p++) out.push('Some words of the description without a time.');
  }
  return out.join('\n');
}

function podcasting20(count: number): string {
  const chapters = Array.from({ length: count }, (_, i) => ({
    startTime: i * 10,
    title: `Chapter ${i}`,
    url: 'https://example.com/',
    notes: Array.from({ length: padding(count, 6) }, (_, n) => n),
  }));
  return JSON.stringify({ version: '1.2.0', title: 'Huge', chapters }, null, 1);
}

function podlove(count: number): string {
  const out = ['<?xml version="1.0"?>', '<psc:chapters version="1.2" xmlns:psc="http://podlove.org/simple-chapters">'];
  const attributes = padding(count, 3);
  for (let i = 0; i < count; i++) {
    out.push(`<psc:chapter start="${vtt(i * 10)}"`, `  title="Chapter ${i}"`);
    for (let a = 0; a < attributes; a++) out.push(`  x${a}="${a}"`);
    out.push('/>');
  }
  out.push('</psc:chapters>');
  return out.join('\n');
}

function podloveJson(count: number): string {
  const chapters = Array.from({ length: count }, (_, i) => ({
    start: `${vtt(i * 10)}`,
    title: `Chapter ${i}`,
    href: '',
    image: '',
    notes: Array.from({ length: padding(count, 6) }, (_, n) => n),
  }));
  return JSON.stringify(chapters, null, 1);
}

function mp4chaps(count: number): string {
  const out: string[] = [];
  const blank = padding(count, 1);
  for (let i = 0; i < count; i++) {
    out.push(`${vtt(i * 10).slice(0, -3)}500 Chapter ${i} <https://example.com/${i}>`);
    for (let b = 0; b < blank; b++) out.push('');
  }
  return out.join('\n');
}

function chapterbarJson(count: number): string {
  const chapters = Array.from({ length: count }, (_, i) => ({
    start: i * 10,
    title: `Chapter ${i}`,
    description: '',
    bullets: Array.from({ length: padding(count, 7) }, (_, b) => `bullet ${b}`),
  }));
  const episode = episodeSchema.parse({ id: 'huge', title: 'Huge', chapters });
  return formatChapterbarJson([episode]);
}

type Parse = (text: string) => ParseOutcome;

/** Name, file builder, parser, file name, and the chapter count past the limit (per file for Chapterbar JSON). */
const FORMATS: Array<[string, (count: number) => string, Parse, string]> = [
  ['chapterbar-text', chapterbarText, (t) => parseChapterbarText(t), 'huge.txt'],
  ['webvtt', webvtt, (t) => parseWebvtt(t), 'huge.vtt'],
  ['timestamp-list', timestampList, (t) => parseTimestampList(t), 'huge.txt'],
  ['podcasting20-json', podcasting20, (t) => parsePodcasting20Json(t), 'huge.json'],
  ['podlove-xml', podlove, (t) => parsePodloveXml(t), 'huge.xml'],
  ['podlove-json', podloveJson, (t) => parsePodloveJson(t), 'huge.json'],
  ['mp4chaps', mp4chaps, (t) => parseMp4chaps(t), 'huge.chapters.txt'],
  ['chapterbar-json', chapterbarJson, (t) => parseChapterbarJson(t), 'huge.chapterbar.json'],
];

const lineCount = (text: string) => text.split('\n').length;

function checkLarge(parse: () => ParseOutcome, label: string, stats: ReturnType<typeof newStats>) {
  checkParse(parse, label, stats, MAX_MS);
}

describe('100,000-line files', () => {
  it.each(FORMATS)('%s: accepts one just under the chapter limit, in bounded time', (_name, build, parse, fileName) => {
    const text = build(CHAPTERS);
    expect(lineCount(text)).toBeGreaterThanOrEqual(LINES * 0.95);
    const stats = newStats();
    checkLarge(() => parse(text), `(${lineCount(text)} lines)`, stats);
    checkLarge(() => parseChapterFile(text, { fileName }), `(${lineCount(text)} lines, detected)`, stats);
    expect(stats.accepted).toBe(2);
  });

  it.each(FORMATS)('%s: refuses one past the chapter limit, saying where, in bounded time', (_name, build, parse) => {
    const text = build(MAX_CHAPTERS + 20);
    const stats = newStats();
    checkLarge(() => parse(text), `(${lineCount(text)} lines)`, stats);
    expect(stats.rejected).toBe(1);
  });

  it('a 100,000-line file of noise is refused quickly by every parser', () => {
    const noise = Array.from({ length: LINES }, (_, i) => (i % 7 === 0 ? '- 9:99 – <psc:chapter " -->' : `line ${i} & <b>`)).join('\n');
    for (const [name, , parse] of FORMATS) {
      const stats = newStats();
      checkLarge(() => parse(noise), `noise for ${name}`, stats);
      expect(stats.rejected, name).toBe(1);
    }
  });
});
