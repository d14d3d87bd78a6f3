import { batch, effect, signal, type ReadonlySignal, type Signal } from '@preact/signals-core';

/**
 * One boolean signal per index, true only for the index `source` holds: a list's rows each ask "am I
 * the one?" and a change of `source` touches the two rows it concerns, not every row of the list
 * (2,000 rows each comparing the index were 2,000 recomputations per chapter change).
 */
export function createIndexSelector(source: ReadonlySignal<number>, lifetime: AbortSignal): (index: number) => ReadonlySignal<boolean> {
  const flags = new Map<number, Signal<boolean>>();
  let selected = source.peek();
  const stop = effect(() => {
    const next = source.value;
    if (next === selected) return;
    const previous = selected;
    selected = next;
    batch(() => {
      const before = flags.get(previous);
      if (before) before.value = false;
      const after = flags.get(next);
      if (after) after.value = true;
    });
  });
  lifetime.addEventListener('abort', stop, { once: true });
  return (index) => {
    let flag = flags.get(index);
    if (!flag) {
      flag = signal(index === selected);
      flags.set(index, flag);
    }
    return flag;
  };
}
