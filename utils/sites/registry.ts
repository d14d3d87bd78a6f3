import { spotify } from './spotify';
import type { SiteAdapter } from './types';
import { youtube } from './youtube';

/** Every site Chapterbar decorates; extension pages use it to link to an episode's page. */
export const SITES: readonly SiteAdapter[] = [youtube, spotify];

export function findSite(id: string): SiteAdapter | undefined {
  return SITES.find((site) => site.id === id);
}

/** The site a document's header line names ("YouTube:", "spotify:"), by its name or id. */
export function findSiteByName(name: string): SiteAdapter | undefined {
  const wanted = name.trim().toLowerCase();
  return SITES.find((site) => site.id === wanted || site.name?.toLowerCase() === wanted);
}
