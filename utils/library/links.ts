import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { STORAGE_KEYS } from '../storage/keys';

/**
 * "Use these chapters for this video": a person's links from a site's media id to a library
 * episode, by `site:mediaId`. Read and written by the background only (library-service.ts), so
 * it can afford zod.
 */
const linksSchema = z.record(z.string().regex(/^[\w-]+:.+$/), z.string().min(1));
export type Links = z.infer<typeof linksSchema>;

export const linksItem = storage.defineItem<unknown>(STORAGE_KEYS.links.key, { fallback: {}, version: STORAGE_KEYS.links.version });

/** Keeps every valid link of a damaged value rather than dropping them all. */
export function readLinks(raw: unknown): Links {
  const whole = linksSchema.safeParse(raw);
  if (whole.success) return whole.data;
  if (typeof raw !== 'object' || raw === null) return {};
  return Object.fromEntries(
    Object.entries(raw).filter(([key, value]) => linksSchema.safeParse({ [key]: value }).success),
  ) as Links;
}
