import { z } from 'zod';
import type { Episode } from '../../chapters/schema';
import { t } from '../../i18n';
import { findSiteAddresses } from '../../sites/addresses';
import { spotifyPageReader } from './spotify';
import type { EpisodeRef, PageChapters, PageChaptersReply } from '../../sites/types';
import { youtubePageReader } from './youtube';
import type { PageReader } from './page-reader';

/*
 * The background's half of a page's own chapters. A content script only collects the page's
 * strings (SiteAdapter.collectPageChapters) and sends them here; parsing and every check happen
 * in the service worker. So the parsers (timestamp lines, the JSON digging) never ship in a
 * content script, which every YouTube and Spotify page pays for, and a page's megabytes of
 * inline data are parsed off its main thread. The episode the sidebar shows is made here too, for
 * the same reason. Imported by the background only.
 */

const PAGE_READERS: readonly PageReader<unknown>[] = [youtubePageReader, spotifyPageReader];

/** The envelope every site's material comes in (sites/types.ts, PageMaterial). */
const pageMaterial = z.object({
  site: z.string().max(100),
  mediaId: z.string().min(1).max(200),
  duration: z.number().nonnegative().optional(),
  // Cut as the library's save path bounds them, so a page's episode can always be saved.
  title: z
    .string()
    .max(10_000)
    .transform((text) => text.slice(0, 500))
    .optional(),
  show: z
    .string()
    .max(10_000)
    .transform((text) => text.slice(0, 500))
    .optional(),
  content: z.unknown(),
});

/** The id a page's chapters get in the library: one per media, so saving twice replaces. */
export const pageEpisodeId = (ref: EpisodeRef) => `${ref.site}-${ref.mediaId ?? 'page'}`;

/**
 * The episode the sidebar shows for a page's chapters, shaped as a library episode so that every
 * view (sidebar, popup, saving) handles both alike. Its timeline is the media's own: no offsets.
 */
export function createPageEpisode(ref: EpisodeRef, page: PageChapters, fallbackTitle: string): Episode {
  return {
    id: pageEpisodeId(ref),
    show: ref.show ?? '',
    title: ref.title?.trim() || fallbackTitle,
    altTitles: [],
    ids: ref.mediaId ? { [ref.site]: [ref.mediaId] } : {},
    offsets: {},
    ...(ref.duration ? { duration: ref.duration } : {}),
    chapters: page.chapters.map((chapter) => ({ ...chapter, description: '', bullets: [] })),
  };
}

/** The title of a media whose page names none: "This video" or "This episode", after what the site plays. */
const untitled = (site: string) => t(findSiteAddresses(site)?.mediaKind === 'episode' ? 'thisEpisode' : 'thisVideo');

/** Where and what the first problem is ("content.panels.chapters.0.title: Too big…"). */
const describeIssue = (error: z.ZodError, at: string[] = []) => {
  const issue = error.issues[0];
  return `${[...at, ...(issue?.path.map(String) ?? [])].join('.') || 'material'}: ${issue?.message ?? 'unreadable'}`;
};

/**
 * The chapters in material a content script sent (untrusted: any value at all), with the episode
 * the sidebar shows of them, or why it was refused. Never throws: a reply always goes back, and
 * the page simply has no chapters.
 */
export function readPageMaterial(value: unknown): PageChaptersReply {
  const material = pageMaterial.safeParse(value);
  if (!material.success) return { ok: false, message: `Unreadable page material (${describeIssue(material.error)})` };
  const { site, mediaId, duration, content } = material.data;
  const reader = PAGE_READERS.find((candidate) => candidate.site === site);
  if (!reader) return { ok: false, message: `No page reader for the site "${site}"` };
  const checked = reader.content.safeParse(content);
  if (!checked.success) return { ok: false, message: `Unreadable ${site} page material (${describeIssue(checked.error, ['content'])})` };
  try {
    let note: string | undefined;
    const page = reader.read(checked.data, { mediaId, ...(duration !== undefined && { duration }) }, (told) => (note = told));
    // The material names the media as the page's EpisodeRef does: its site, id, length, title and show.
    return {
      ok: true,
      page: page && { source: page.source, episode: createPageEpisode(material.data, page, untitled(site)) },
      settled: reader.settled(checked.data, { mediaId }),
      ...(note !== undefined && { note }),
    };
  } catch (error) {
    // The readers check every value, so this is a bug; the page still gets an answer.
    return { ok: false, message: `The ${site} page reader failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
