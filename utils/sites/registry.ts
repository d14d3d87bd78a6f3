import { spotify } from './spotify';
import type { SiteAdapter } from './types';
import { youtube } from './youtube';

/**
 * Every site Chapterbar decorates: adding a site is its adapter, its addresses (addresses.ts), its
 * content-script entrypoint and one line here. Extension pages use it to link to an episode's page.
 */
export const SITES: readonly SiteAdapter[] = [youtube, spotify];

export function findSite(id: string): SiteAdapter | undefined {
  return SITES.find((site) => site.id === id);
}
