import { decodeHtmlEntities } from './html-text';
import { PSC_NAMESPACE, type PodloveChapterSource, type PodloveReading } from './podlove-reading';

/** Prefixes bound to the Podlove namespace (xmlns:psc="…"); '' when it is the default namespace. */
const PSC_PREFIX_DECLARATION = /xmlns(?::([\w.-]+))?\s*=\s*["']http:\/\/podlove\.org\/simple-chapters["']/g;
const PODCAST_CHAPTERS_TAG = /<podcast:chapters\b[^<>]*>/;
// The lookbehind makes a name start only at a word's start: without it a long run of name
// characters without "=" is retried from every position (quadratic).
const ATTRIBUTE = /(?<![\w:.-])([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ITEM_OPEN = /<(?:item|entry)\b[^<>]*>/g;
const TITLE = /<title\b[^<>]*>([^<]*(?:<!\[CDATA\[[^\]]*\]\]>[^<]*)?)<\/title>/;
const EXTERNAL_LINK = /<(?:[\w.-]+:)?link\b[^<>]*>/g;

/**
 * Reads a Podlove feed the way feed readers do, tolerantly: it only looks for what the chapters
 * need (tags and their attributes, titles) and keeps line numbers. It does not check that the XML
 * is well-formed: a mismatched closing tag or an undeclared itunes: prefix elsewhere in a feed
 * says nothing about its chapters. The customary psc: prefix is read even when undeclared.
 */
export function readPodloveWithScanner(rawText: string): PodloveReading {
  const text = blankOutComments(rawText);
  const lineStarts = findLineStarts(text);
  const lineAt = (offset: number) => lineOf(lineStarts, offset);

  const itemStarts = [...text.matchAll(ITEM_OPEN)].map((match) => match.index ?? 0);
  const itemAt = (offset: number): number | null => itemStarts[lastIndexBelow(itemStarts, offset)] ?? null;
  const firstItem = itemStarts[0] ?? text.length;
  const show = readTitle(text.slice(0, firstItem));

  let externalChapters: string | null = null;
  for (const link of text.matchAll(EXTERNAL_LINK)) {
    const attributes = readAttributes(link[0]);
    if (attributes.get('rel') === PSC_NAMESPACE) {
      externalChapters = attributes.get('href') ?? null;
      break;
    }
  }

  const podcastChapters = PODCAST_CHAPTERS_TAG.exec(text);
  if (podcastChapters) externalChapters ??= readAttributes(podcastChapters[0]).get('url') ?? null;

  // Tags are matched with the prefixes the file binds to the Podlove namespace, so that e.g.
  // <podcast:chapters> (Podcasting 2.0) is not taken for a Podlove list.
  // A few prefixes at most in real files; the cap keeps a hostile file from building a huge pattern.
  const declared = [...new Set([...text.matchAll(PSC_PREFIX_DECLARATION)].map((match) => match[1] ?? ''))].slice(0, 8);
  const pscBoundElsewhere = /xmlns:psc\s*=/.test(text) && !declared.includes('psc');
  const prefixes = pscBoundElsewhere || declared.includes('psc') ? declared : [...declared, 'psc'];
  const names = prefixes.map((prefix) => (prefix ? `${prefix.replace(/\./g, '\\.')}:` : '')).join('|');
  const listOpen = new RegExp(`<(?:${names})chapters\\b[^<>]*>`, 'g');
  const listClose = new RegExp(`</(?:${names})chapters\\s*>`, 'g');
  const chapterTag = new RegExp(`<(?:${names})chapter\\b([^<>]*)>`, 'g');

  const listStarts = prefixes.length > 0 ? [...text.matchAll(listOpen)] : [];
  const first = listStarts[0];
  if (!first) return { show, title: '', chapters: null, listsInItem: 0, itemsWithChapters: 0, externalChapters };

  const listOffset = first.index ?? 0;
  const bodyStart = listOffset + first[0].length;
  const selfClosing = first[0].endsWith('/>');
  listClose.lastIndex = bodyStart;
  const close = selfClosing ? null : listClose.exec(text);
  const body = selfClosing ? '' : text.slice(bodyStart, close ? close.index : text.length);

  const chapters: PodloveChapterSource[] = [];
  for (const tag of body.matchAll(chapterTag)) {
    const attributes = readAttributes(tag[1] ?? '');
    chapters.push({
      start: attributes.get('start') ?? null,
      title: attributes.get('title') ?? null,
      href: attributes.get('href') ?? null,
      position: chapters.length + 1,
      line: lineAt(bodyStart + (tag.index ?? 0)),
    });
  }

  const item = itemAt(listOffset);
  const titleArea = item === null ? '' : text.slice(item, listOffset);
  return {
    show,
    title: readTitle(titleArea),
    chapters,
    listsInItem: listStarts.filter((list) => itemAt(list.index ?? 0) === item).length,
    itemsWithChapters: new Set(listStarts.map((list) => itemAt(list.index ?? 0))).size,
    externalChapters,
  };
}

function readAttributes(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(ATTRIBUTE)) {
    attributes.set(match[1] ?? '', decodeHtmlEntities(match[2] ?? match[3] ?? ''));
  }
  return attributes;
}

function readTitle(area: string): string {
  const match = TITLE.exec(area);
  if (!match) return '';
  const raw = (match[1] ?? '').replace(/<!\[CDATA\[([^\]]*)\]\]>/, '$1');
  return decodeHtmlEntities(raw).replace(/\s+/g, ' ').trim();
}

/** Comments become spaces (newlines kept) so commented-out chapters are not read and lines stay true. */
function blankOutComments(text: string): string {
  let result = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    if (open < 0) return result + text.slice(from);
    const close = text.indexOf('-->', open + 4);
    const end = close < 0 ? text.length : close + 3;
    // By lines and String.repeat: a regex replacing each of megabytes of characters takes seconds.
    const blanked = text
      .slice(open, end)
      .split('\n')
      .map((line) => ' '.repeat(line.length))
      .join('\n');
    result += text.slice(from, open) + blanked;
    from = end;
  }
}

function findLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineOf(lineStarts: readonly number[], offset: number): number {
  return lastIndexBelow(lineStarts, offset + 1) + 1;
}

/** Index of the largest value in a sorted list that is below the limit, -1 if none (binary search). */
function lastIndexBelow(sorted: readonly number[], limit: number): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? 0) < limit) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
