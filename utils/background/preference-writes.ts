import { z } from 'zod';
import { writePreferences, type Preferences } from '../storage/preferences';

/*
 * `savePreferences` from a content script or an extension page: the change is checked here (a
 * content script shares its page with scripts Chapterbar does not control), then written in the
 * settings queue (storage/write-queue.ts), where it cannot undo another tab's change.
 */

const preferenceChange: z.ZodType<Partial<Preferences>> = z
  .object({
    collapsed: z.boolean(),
    hidden: z.boolean(),
    position: z.enum(['beside', 'below']),
    expandAll: z.boolean(),
    autoFollow: z.boolean(),
    theme: z.enum(['site', 'light', 'dark']),
  })
  .partial()
  .strict();

/** Writes the change, or refuses it (and writes nothing) naming the field that is wrong. */
export async function savePreferenceChange(data: unknown): Promise<{ ok: true } | { ok: false; message: string }> {
  const change = preferenceChange.safeParse(data);
  if (!change.success) {
    const issue = change.error.issues[0];
    return { ok: false, message: `Preferences not saved (${issue?.path.join('.') || 'change'}: ${issue?.message ?? 'unreadable'})` };
  }
  await writePreferences(change.data);
  return { ok: true };
}
