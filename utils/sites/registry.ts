import { spotify } from './spotify';
import type { SiteAdapter } from './types';
import { youtube } from './youtube';

/** Every site Chapterbar decorates; extension pages use it to link to an episode's page. */
export const SITES: readonly SiteAdapter[] = [youtube, spotify];

export function findSite(id: string): SiteAdapter | undefined {
  return SITES.find((site) => site.id === id);
}
