import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { linkKey } from './episode-match';

/**
 * "Use these chapters for this video": a person's links from a site's media id to a library
 * episode, by `site:mediaId`. Read in the background only, so it can afford zod.
 */
const linksSchema = z.record(z.string().regex(/^[\w-]+:.+$/), z.string().min(1));
export type Links = z.infer<typeof linksSchema>;

export const linksItem = storage.defineItem<unknown>('local:links', { fallback: {}, version: 1 });

/** Keeps every valid link of a damaged value rather than dropping them all. */
export function readLinks(raw: unknown): Links {
  const whole = linksSchema.safeParse(raw);
  if (whole.success) return whole.data;
  if (typeof raw !== 'object' || raw === null) return {};
  return Object.fromEntries(
    Object.entries(raw).filter(([key, value]) => linksSchema.safeParse({ [key]: value }).success),
  ) as Links;
}

export async function loadLinks(): Promise<Links> {
  return readLinks(await linksItem.getValue());
}

export async function setLink(site: string, mediaId: string, episodeId: string | null): Promise<void> {
  const links = await loadLinks();
  const key = linkKey(site, mediaId);
  if (episodeId === null) delete links[key];
  else links[key] = episodeId;
  await linksItem.setValue(links);
}
