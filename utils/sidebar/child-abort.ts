/**
 * An AbortController that aborts with its parent and forgets the parent when it ends first, so a
 * long-lived parent (the content script's context) does not collect listeners from every episode.
 * Hand-written because Firefox 115, the oldest Firefox supported, has no `AbortSignal.any`.
 */
export function childController(parent: AbortSignal): AbortController {
  const child = new AbortController();
  if (parent.aborted) {
    child.abort();
    return child;
  }
  const stop = () => child.abort();
  parent.addEventListener('abort', stop, { once: true });
  child.signal.addEventListener('abort', () => parent.removeEventListener('abort', stop), { once: true });
  return child;
}
