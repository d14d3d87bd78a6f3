import { signal, type ReadonlySignal } from '@preact/signals-core';
import type { SidebarExtras } from './extras-list';
import { loadOnDemand } from './on-demand';
import { onDemandNow } from './on-demand-registry';

/*
 * The sidebar's tools and rarer panels (extras-list.ts), an on-demand script (on-demand.ts says
 * how it is loaded). The sidebar asks for them once it has painted; until they arrive, their
 * places are empty (the search box's keeps its height).
 */

const loaded = signal((onDemandNow('sidebar-extras') as SidebarExtras | undefined) ?? null);

/** The extras' components, or null until they have arrived. */
export const sidebarExtras: ReadonlySignal<SidebarExtras | null> = loaded;

/** Asks for the extras (once; after a failure, the next sidebar asks again) and resolves with them. */
export function loadSidebarExtras(): Promise<SidebarExtras> {
  const now = loaded.peek();
  if (now) return Promise.resolve(now);
  return loadOnDemand('sidebar-extras').then((extras) => (loaded.value = extras as SidebarExtras));
}
