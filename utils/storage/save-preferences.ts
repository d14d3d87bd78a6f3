import { sendMessage } from '../messaging/protocol';
import type { Preferences } from './preferences';

/**
 * Saves a change to the person's preferences: the background checks it and writes it, in the one
 * queue every tab's and page's settings go through (write-queue.ts). Never rejects: a change left
 * unanswered (the extension is being updated) or refused is dropped, and the next one writes again.
 */
export function savePreferences(change: Partial<Preferences>): Promise<void> {
  return sendMessage('savePreferences', change).then(
    (reply) => void (reply.ok || console.warn('[Chapterbar]', reply.message)),
    (error: unknown) => console.warn('[Chapterbar] preferences not saved', error),
  );
}
