import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { STORAGE_KEYS } from '../storage/keys';

/**
 * "Not this one": the episodes a person said a media is not, by `site:mediaId`, so a plausible
 * match for it never asks again. A "Show chapters" answer is a link instead (links.ts). Read and
 * written by the background only.
 */
const refusalsSchema = z.record(
  z
    .string()
    .regex(/^[\w-]+:.+$/)
    .max(250),
  z.string().min(1).max(200),
);

export const refusalsItem = storage.defineItem<unknown>(STORAGE_KEYS.refusals.key, { fallback: {} });

/** Keeps every valid refusal of a damaged value; a bad one only means a question may come again. */
export function readRefusals(raw: unknown): Map<string, string> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return new Map();
  const whole = refusalsSchema.safeParse(raw);
  const valid = whole.success
    ? whole.data
    : Object.fromEntries(Object.entries(raw).filter(([key, value]) => refusalsSchema.safeParse({ [key]: value }).success));
  return new Map(Object.entries(valid as Record<string, string>));
}

export async function loadRefusals(): Promise<Map<string, string>> {
  return readRefusals(await refusalsItem.getValue().catch(() => ({})));
}

export async function saveRefusal(key: string, episodeId: string): Promise<void> {
  const current = Object.fromEntries(await loadRefusals());
  current[key] = episodeId;
  await refusalsItem.setValue(current);
}
