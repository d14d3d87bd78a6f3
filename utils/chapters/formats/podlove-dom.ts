import { PODCAST_NAMESPACE, PSC_NAMESPACE, type PodloveChapterSource, type PodloveReading } from './podlove-reading';
import { wholeFileLine } from './problems';
import { t } from '../../i18n';

/**
 * Reads a Podlove feed with the platform's XML parser. Elements are matched by namespace or by the
 * customary "psc" prefix while walking the tree ourselves: getElementsByTagNameNS misses prefixed
 * elements in happy-dom, and a hand walk behaves the same everywhere.
 */
export function readPodloveWithDom(text: string, Parser: typeof DOMParser): PodloveReading {
  const empty: PodloveReading = { show: '', title: '', chapters: null, listsInItem: 0, itemsWithChapters: 0, externalChapters: null };
  let doc: Document;
  try {
    doc = new Parser().parseFromString(text, 'application/xml');
  } catch (thrown) {
    // Browsers report bad XML as a <parsererror> document; happy-dom throws a DOMException for
    // some (a processing instruction without a name, "<?\nxml"). Either way it is bad XML.
    return { ...empty, problem: describeParserError(String(thrown), text) };
  }
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error || !doc.documentElement) return { ...empty, problem: describeParserError(error?.textContent ?? '', text) };

  const lists: Element[] = [];
  let externalChapters: string | null = null;
  // Iterative walk: a deeply nested hostile file must not overflow the stack.
  const stack: Element[] = [doc.documentElement];
  while (stack.length > 0) {
    const element = stack.pop() as Element;
    if (isPsc(element, 'chapters')) lists.push(element);
    if (element.localName === 'link' && element.getAttribute('rel') === PSC_NAMESPACE) {
      externalChapters ??= element.getAttribute('href');
    }
    if (element.localName === 'chapters' && (element.namespaceURI === PODCAST_NAMESPACE || element.prefix === 'podcast')) {
      externalChapters ??= element.getAttribute('url');
    }
    for (let i = element.children.length - 1; i >= 0; i--) {
      const child = element.children[i];
      if (child) stack.push(child);
    }
  }

  const root = doc.documentElement;
  const channel = root.localName === 'rss' ? childNamed(root, 'channel') : root;
  const show = textOfChild(channel, 'title');
  const first = lists[0];
  if (!first) return { ...empty, show, externalChapters };

  const item = containingItem(first);
  const containers = new Set(lists.map(containingItem));
  const chapters: PodloveChapterSource[] = [];
  for (const child of Array.from(first.children)) {
    if (!isPsc(child, 'chapter')) continue;
    chapters.push({
      start: child.getAttribute('start'),
      title: child.getAttribute('title'),
      href: child.getAttribute('href'),
      position: chapters.length + 1,
    });
  }
  return {
    show,
    title: item ? textOfChild(item, 'title') : '',
    chapters,
    listsInItem: lists.filter((list) => containingItem(list) === item).length,
    itemsWithChapters: containers.size,
    externalChapters,
  };
}

function isPsc(element: Element, localName: string): boolean {
  return element.localName === localName && (element.namespaceURI === PSC_NAMESPACE || element.prefix === 'psc');
}

function containingItem(element: Element): Element | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (node.localName === 'item' || node.localName === 'entry') return node;
  }
  return null;
}

function childNamed(parent: Element | null, localName: string): Element | null {
  if (!parent) return null;
  return Array.from(parent.children).find((child) => child.localName === localName) ?? null;
}

function textOfChild(parent: Element | null, localName: string): string {
  return (childNamed(parent, localName)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Browsers report XML errors as a <parsererror> element whose text differs by engine: Chromium
 * (and happy-dom) "error on line 1 at column 11: …", Firefox "XML Parsing Error: … Line Number 1".
 */
function describeParserError(report: string, source: string): { message: string; line: number } {
  const text = report.replace('Below is a rendering of the page up to the first error.', '').slice(0, 1000);
  const line = /\bline(?: number)? (\d+)/i.exec(text);
  const detail =
    /at column \d+: ([^\n]*)/.exec(text)?.[1] ?? /XML Parsing Error: ([^\n]*)/.exec(text)?.[1] ?? text.split('\n')[0] ?? '';
  const message = detail.trim() ? t('parseBadXmlDetail', detail.trim()) : t('parseBadXml');
  // A report without a position still gets a place: where the XML starts is where to look first.
  return { message, line: line ? Number(line[1]) : wholeFileLine(source) };
}
