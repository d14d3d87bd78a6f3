import { SITE_ADDRESSES } from '../sites/addresses';
import { SITES } from '../sites/registry';
import type { MediaAddress, SiteAdapter, SiteAddresses } from '../sites/types';

/**
 * The site and media id an address names, asking each site in turn (only a site's own file knows
 * its addresses). People paste addresses with or without "https://", and with spaces around.
 */
export function readMediaLink(text: string, sites: readonly SiteAddresses[] = SITE_ADDRESSES): MediaAddress | null {
  const trimmed = text.trim();
  if (!trimmed || trimmed.length > 2000) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^[\w.-]+:\d/.test(trimmed);
  let url: URL;
  try {
    url = new URL(hasScheme ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  for (const site of sites) {
    const found = site.readMediaUrl(url);
    if (found) return found;
  }
  return null;
}

/** "YouTube": the adapter's name for the site, or the id with a capital for a site without one. */
export function siteName(site: string, sites: readonly SiteAdapter[] = SITES): string {
  return sites.find((adapter) => adapter.id === site)?.name ?? site.charAt(0).toUpperCase() + site.slice(1);
}

/** The page that plays a media id, when its site's adapter knows how to address it. */
export function mediaPageUrl(site: string, mediaId: string, sites: readonly SiteAdapter[] = SITES): string | null {
  return sites.find((adapter) => adapter.id === site)?.mediaUrl?.(mediaId) ?? null;
}
