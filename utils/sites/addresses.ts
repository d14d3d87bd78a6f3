import { spotifyAddresses } from './spotify-addresses';
import type { SiteAddresses } from './types';
import { youtubeAddresses } from './youtube-addresses';

/**
 * Every site's addresses, ids and names, for the background, the extension pages and the chapter
 * parsers (pasted links, documents' header lines). Plain data and URL parsing: importing it loads
 * no adapter, and content scripts never import it, so they stay small.
 */
export const SITE_ADDRESSES: readonly SiteAddresses[] = [youtubeAddresses, spotifyAddresses];

export function findSiteAddresses(id: string): SiteAddresses | undefined {
  return SITE_ADDRESSES.find((site) => site.id === id);
}

/** The site a document's header line names ("YouTube:", "spotify:"), by its name or id. */
export function findSiteByName(name: string): SiteAddresses | undefined {
  const wanted = name.trim().toLowerCase();
  return SITE_ADDRESSES.find((site) => site.id === wanted || site.name.toLowerCase() === wanted);
}
