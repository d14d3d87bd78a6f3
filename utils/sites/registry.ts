import { spotify, spotifyAddresses } from './spotify';
import type { SiteAdapter, SiteAddresses } from './types';
import { youtube, youtubeAddresses } from './youtube';

/** Every site Chapterbar decorates; extension pages use it to link to an episode's page. */
export const SITES: readonly SiteAdapter[] = [youtube, spotify];

/**
 * Every site's addresses and ids, for the background and extension pages (pasted links, documents'
 * header lines). Content scripts import their adapter alone and never this, so they stay small.
 */
export const SITE_ADDRESSES: readonly SiteAddresses[] = [youtubeAddresses, spotifyAddresses];

export function findSite(id: string): SiteAdapter | undefined {
  return SITES.find((site) => site.id === id);
}

export function findSiteAddresses(id: string): SiteAddresses | undefined {
  return SITE_ADDRESSES.find((site) => site.id === id);
}

/** The site a document's header line names ("YouTube:", "spotify:"), by its name or id. */
export function findSiteByName(name: string): SiteAdapter | undefined {
  const wanted = name.trim().toLowerCase();
  return SITES.find((site) => site.id === wanted || site.name?.toLowerCase() === wanted);
}
