import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { readRecord, type RecordFormat } from './stored-record';
import { t } from '../i18n';
import { STORAGE_KEYS } from '../storage/keys';

/**
 * Where stored values that do not validate are kept aside: never used, never silently deleted.
 * The options page lists them with the reason, offers a download of each (to repair by hand or
 * send with a bug report), and removes one only when the person says so.
 *
 *   local:quarantine  { v: 1, entries: SetAsideEntry[] }
 */
export const QUARANTINE_KEY = STORAGE_KEYS.quarantine.key;

const entrySchema = z.object({
  id: z.string().min(1),
  /** The storage key the value was found under, e.g. "local:episode:no-priors-ep-3". */
  key: z.string(),
  /** What it was, for a person: the episode's title when known, else what kind of value. */
  label: z.string(),
  reason: z.string(),
  /** What happened to the original: moved here, or copied here while a repaired value replaced it. */
  action: z.enum(['moved', 'copied', 'missing']),
  at: z.number(),
  value: z.unknown(),
});
export type SetAsideEntry = z.infer<typeof entrySchema>;

const QUARANTINE_FORMAT: RecordFormat<{ v: number; entries: SetAsideEntry[] }> = {
  label: 'recordQuarantine',
  current: 1,
  migrations: {},
  schema: z.object({ v: z.number(), entries: z.array(entrySchema) }),
};

const newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * The entries; a damaged quarantine value is itself kept, as one entry, so nothing is ever lost.
 */
export function readQuarantine(raw: unknown): SetAsideEntry[] {
  if (raw === null || raw === undefined) return [];
  const read = readRecord(raw, QUARANTINE_FORMAT);
  if (read.ok) return read.value.entries;
  return [
    {
      id: 'unreadable-quarantine',
      key: QUARANTINE_KEY,
      label: t('quarantineLabel'),
      reason: read.reason,
      action: 'copied',
      at: 0,
      value: raw,
    },
  ];
}

export async function loadQuarantine(): Promise<SetAsideEntry[]> {
  return readQuarantine(await storage.getItem(QUARANTINE_KEY));
}

export type NewSetAside = Omit<SetAsideEntry, 'id' | 'at'>;

/**
 * The quarantine value with these entries added. A value already kept for the same key is not
 * kept twice (a value found bad at every start would otherwise pile up).
 */
export function addToQuarantine(raw: unknown, additions: readonly NewSetAside[], now = Date.now()): { v: 1; entries: SetAsideEntry[] } {
  const entries = readQuarantine(raw);
  for (const addition of additions) {
    const same = entries.some((entry) => entry.key === addition.key && JSON.stringify(entry.value) === JSON.stringify(addition.value));
    if (!same) entries.push({ ...addition, id: newId(), at: now });
  }
  return { v: 1, entries };
}

export function removeFromQuarantine(raw: unknown, id: string): { v: 1; entries: SetAsideEntry[] } {
  return { v: 1, entries: readQuarantine(raw).filter((entry) => entry.id !== id) };
}
