/** An ID3 tag's chapters in the order its table of contents gives, as drafts for finishEpisode. */
import type { Id3Chapter, Id3Tag } from './id3';

export interface EmbeddedChapter {
  start: number;
  end?: number;
  title: string;
  description?: string;
  url?: string;
  /** Where it is in the file, for messages ("CHAP chp3", "chpl[2]"). */
  place: string;
}

/**
 * The top-level table of contents' order, nested tables expanded, when there is one; chapters it
 * does not list follow. An unordered table, or none, leaves them in time order, as players do.
 */
export function orderId3Chapters(tag: Id3Tag): EmbeddedChapter[] {
  const byId = new Map<string, Id3Chapter>();
  for (const chapter of tag.chapters) if (!byId.has(chapter.elementId)) byId.set(chapter.elementId, chapter);
  const tocs = new Map(tag.tocs.map((toc) => [toc.elementId, toc]));
  const top = tag.tocs.find((toc) => toc.topLevel);
  const listed: Id3Chapter[] = [];
  const seen = new Set<string>();
  // Depth-first through nested tables; `seen` also stops a table that contains itself.
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const chapter = byId.get(id);
    if (chapter) listed.push(chapter);
    else tocs.get(id)?.children.forEach(visit);
  };
  if (top) visit(top.elementId);
  const listedSet = new Set(listed);
  const rest = tag.chapters.filter((chapter) => !listedSet.has(chapter));
  const ordered = [...listed, ...rest];
  if (!top?.ordered) ordered.sort((a, b) => a.start - b.start);
  return ordered.map((chapter, i) => {
    const next = ordered[i + 1];
    // 0xFFFFFFFF and ends at or before the start mean "not given"; an end a little past the next
    // start (rounding in the tool that wrote it) is taken as that start.
    let end: number | undefined = chapter.end !== 0xffffffff && chapter.end > chapter.start ? chapter.end : undefined;
    if (end !== undefined && next && end > next.start && next.start > chapter.start) end = next.start;
    return {
      start: chapter.start / 1000,
      ...(end === undefined ? {} : { end: end / 1000 }),
      title: chapter.title,
      ...(chapter.description ? { description: chapter.description } : {}),
      ...(chapter.url ? { url: chapter.url } : {}),
      place: `CHAP ${chapter.elementId || i + 1}`,
    };
  });
}
