/**
 * Resolves with what `find` returns once the page has it. It watches DOM mutations only while
 * waiting (players and columns arrive late on single-page sites) and stops when aborted.
 */
export function waitFor<T>(find: () => T | null, signal: AbortSignal, root: Node = document): Promise<T> {
  const found = find();
  if (found) return Promise.resolve(found);
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      const value = find();
      if (value) {
        observer.disconnect();
        resolve(value);
      }
    });
    observer.observe(root, { childList: true, subtree: true });
    signal.addEventListener(
      'abort',
      () => {
        observer.disconnect();
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/** Coalesces bursts of calls (a navigation fires several events) into one per microtask. */
export function coalesce(task: () => void): () => void {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      task();
    });
  };
}
