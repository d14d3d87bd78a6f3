/**
 * Runs `task` when the page has a moment (at the latest after `timeout` ms), and returns its
 * cancellation. Where requestIdleCallback is missing (test DOMs), a timer stands in.
 */
export function whenIdle(task: () => void, timeout = 200): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => task(), { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 0);
  return () => clearTimeout(id);
}
