import { computed, effect, type ReadonlySignal } from '@preact/signals-core';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

// Content-script components read signals through these hooks, not @preact/signals' Preact
// integration: the integration adds about 1.2 KB (gzipped) to every YouTube and Spotify page.
// A signal's `.value` read in render subscribes nothing here; read it through useSignalValue.

/** The signal's current value; the component re-renders when it changes, and only then. */
export function useSignalValue<T>(source: ReadonlySignal<T>): T {
  // What the component last rendered, or is about to: setting the same value again is a no-op.
  const [, setShown] = useState(() => source.peek());
  // The effect's first run sets it too, so a change between render and subscription still
  // re-renders. A layout effect subscribes at commit, not after the next paint.
  useLayoutEffect(
    () =>
      effect(() => {
        const value = source.value;
        setShown(() => value);
      }),
    [source],
  );
  // peek(): a tracked read would subscribe whatever effect is running (the integration's, on a
  // page that loads it), not this component.
  return source.peek();
}

/**
 * A computed signal owned by the component, created once and always calling the latest `compute`
 * (as @preact/signals' useComputed). It recomputes only when a signal it read changes, so what it
 * closes over besides signals must stay the same for the component's life (a row's index, its key).
 */
export function useComputedSignal<T>(compute: () => T): ReadonlySignal<T> {
  const latest = useRef(compute);
  latest.current = compute;
  return useMemo(() => computed(() => latest.current()), []);
}

/** The value of a computed owned by the component; it re-renders only when that value changes. */
export function useComputedValue<T>(compute: () => T): T {
  return useSignalValue(useComputedSignal(compute));
}
