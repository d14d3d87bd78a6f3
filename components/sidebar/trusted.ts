/**
 * Runs `handler` only for the person's own input: an event the browser made from a real click, key
 * or touch (`isTrusted`), never one a script made. The sidebar's root is closed, so the page cannot
 * reach its buttons; this is the second wall, for whatever might still hand one a synthetic event.
 * Every control goes through it, not only those that store something (save, offsets, collapse) or
 * act for the person (seek, loop, copy): "Chapterbar acts only on the person's input" is a rule a
 * reader can check at a glance, and no legitimate caller ever sends an untrusted event.
 */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}
