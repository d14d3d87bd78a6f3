/*
 * One queue for the person's small settings (timing corrections and preferences), which are
 * written by reading the stored object, changing one field and writing it back. Two writes that
 * overlap would each read the same old object, and the second would undo the first: two tabs
 * saving at the same moment (a collapse in one, an offset nudge in another) lost one of them.
 *
 * The queue lives in the background, and every write reaches it there: content scripts and the
 * extension's pages send a message (`saveOffset`, `savePreferences`) instead of writing. There is
 * one background at a time (a service worker, or Firefox's event page), so one queue orders every
 * tab's and page's writes. Not `navigator.locks`: in a content script it is the page's lock
 * manager (the page's origin, not the extension's), so a YouTube tab and a Spotify tab would not
 * share a lock, and a hostile page could take the lock and never let it go. Not a compare-and-swap
 * loop on storage either: `storage.local` has no conditional write.
 */

/** Runs each task after the one before has ended (resolved or failed); resolves as the task does. */
export function createWriteQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task);
    tail = run.catch(() => {});
    return run;
  };
}

/** The queue for offsets and preferences; used in the background only (see above). */
export const settingsWrites = createWriteQueue();
