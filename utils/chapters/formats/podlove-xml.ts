/**
 * Podlove Simple Chapters (http://podlove.org/simple-chapters), in an RSS or Atom feed or alone:
 *
 *   <psc:chapters version="1.2" xmlns:psc="http://podlove.org/simple-chapters">
 *     <psc:chapter start="00:00:00.000" title="Welcome" href="https://…" image="https://…"/>
 *
 * - start is Normal Play Time: "hh:mm:ss.mmm", "mm:ss" or plain seconds "ss" (each with an
 *   optional fraction). feedparser rejects plain seconds, but the Podlove spec allows NPT and
 *   feeds use them, so they are read.
 * - title is required by the spec: a chapter without one is a problem. href becomes the chapter's
 *   link when it is http(s); image has no place in an episode yet and is ignored.
 * - Only the first psc:chapters list is read, as feedparser does: the spec allows one per item,
 *   and a feed's later items are other episodes. Both cases are said in a warning.
 * - Show is the feed's title, title the item's (or entry's) title.
 * - A feed that only links to an external chapter file says so in the problem.
 *
 * Read by a tolerant scanner (podlove-scanner.ts) everywhere, never by the platform's XML parser:
 * real feeds are often not quite well-formed (the spec's own example opens <rss> and closes
 * </feed>; feeds use itunes: or podcast: prefixes they never declare), a browser's parser refuses
 * them and a service worker has none, and one file must get one answer wherever it is read.
 */
import type { InputProblem, ParseResult } from '../schema';
import { finishEpisode, type ChapterDraft } from './finish-episode';
import { asFormatResult, Recognition, type TextChapterFormat } from './format-module';
import { guardParse } from './guard';
import type { ParseContext } from './parse-context';
import { PSC_NAMESPACE, type PodloveChapterSource } from './podlove-reading';
import { readPodloveWithScanner } from './podlove-scanner';
import { readNormalPlayTime } from './podlove-time';
import { quote } from './problems';
import { readHttpUrl } from './safe-url';
import { stripBom } from './text-lines';
import { t } from '../../i18n';

export function parsePodloveXml(text: string, context?: ParseContext): ParseResult {
  return guardParse(text, (input) => readPodloveXml(stripBom(input), context));
}

function readPodloveXml(text: string, context: ParseContext | undefined): ParseResult {
  const reading = readPodloveWithScanner(text);
  if (reading.chapters === null) {
    const message = reading.externalChapters ? t('parsePodloveExternal', reading.externalChapters) : t('parsePodloveNone');
    // The place is the element the file lacks, which is what a person has to add or fetch.
    return { ok: false, problems: [{ field: 'psc:chapters', message }] };
  }

  const problems: InputProblem[] = [];
  const warnings: InputProblem[] = [];
  if (reading.itemsWithChapters > 1) {
    warnings.push({
      message: reading.title
        ? t('parsePodloveFeedTitled', reading.itemsWithChapters, quote(reading.title))
        : t('parsePodloveFeed', reading.itemsWithChapters),
    });
  }
  if (reading.listsInItem > 1) {
    warnings.push({ message: t('parsePodloveLists', reading.listsInItem) });
  }

  const chapters: ChapterDraft[] = [];
  const sources: PodloveChapterSource[] = [];
  for (const source of reading.chapters) {
    const chapter = readChapter(source, problems, warnings);
    if (chapter) {
      chapters.push(chapter);
      sources.push(source);
    }
  }

  return finishEpisode(
    { show: reading.show, title: reading.title, chapters },
    {
      context,
      problems,
      warnings,
      locate: (index, part) => {
        const source = sources[index];
        return source ? where(source, part === 'title' ? 'title' : 'start') : {};
      },
      noChaptersMessage: 'the psc:chapters list has no psc:chapter elements',
      noChaptersAt: { field: 'psc:chapters' },
    },
  );
}

function readChapter(source: PodloveChapterSource, problems: InputProblem[], warnings: InputProblem[]): ChapterDraft | null {
  const start = source.start === null ? null : readNormalPlayTime(source.start);
  const title = source.title?.replace(/\s+/g, ' ').trim() ?? '';
  if (start === null) {
    problems.push({
      ...where(source, 'start'),
      message: source.start === null ? t('parsePodloveNoStart') : t('parsePodloveBadStart', quote(source.start)),
    });
  }
  if (!title) problems.push({ ...where(source, 'title'), message: t('parsePodloveNoTitle') });
  if (start === null || !title) return null;

  const chapter: ChapterDraft = { start, title };
  if (source.href) {
    const url = readHttpUrl(source.href);
    if (url) chapter.url = url;
    else warnings.push({ ...where(source, 'href'), message: t('parseLinkDropped') });
  }
  return chapter;
}

function where(source: PodloveChapterSource, attribute: string): Pick<InputProblem, 'line' | 'field'> {
  const field = `psc:chapter[${source.position}]/@${attribute}`;
  return source.line === undefined ? { field } : { line: source.line, field };
}

export { readNormalPlayTime } from './podlove-time';

export const podloveXmlFormat: TextChapterFormat = {
  kind: 'text',
  id: 'podlove-xml',
  label: 'formatPodlove',
  name: 'formatNamePodlove',
  extensions: ['psc', 'xml', 'rss', 'atom'],
  recognise: ({ content }) => {
    if (!content.startsWith('<')) return Recognition.NO;
    if (content.includes(PSC_NAMESPACE) || /<psc:chapters?\b/.test(content)) return Recognition.CERTAIN;
    // Some other feed (without Podlove chapters): this parser says what is missing.
    return /^<(?:\?xml|rss|feed)\b/.test(content) ? Recognition.WEAK : Recognition.NO;
  },
  parse: (text, context) => asFormatResult(parsePodloveXml(text, context)),
};
