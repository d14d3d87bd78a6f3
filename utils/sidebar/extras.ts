import { signal, type ReadonlySignal } from '@preact/signals-core';
import type { SidebarExtras } from './extras-list';
import { loadOnDemand } from './on-demand';
import { searchEngine } from './search-engine';

/*
 * The sidebar's tools and rarer panels (extras-list.ts), an on-demand script (on-demand.ts says
 * how it is loaded). They are asked for when the person reaches for the sidebar (mount.tsx), when
 * the popup or a command asks about the tab (tab-control.ts), and at once only where the sidebar
 * is nothing without them (a question, a floating frame: Sidebar.tsx) or a check needs them (a
 * title match's length, the page's timestamps: episode-session.ts). Until they arrive, their places
 * are empty, but for the search box's, which the slot draws (sidebar.css).
 */

const loaded = signal<SidebarExtras | null>(null);

/** The extras' components, or null until they have arrived. */
export const sidebarExtras: ReadonlySignal<SidebarExtras | null> = loaded;

/** Asks for the extras (once; after a failure, the next sidebar asks again) and resolves with them. */
export function loadSidebarExtras(): Promise<SidebarExtras> {
  const now = loaded.peek();
  if (now) return Promise.resolve(now);
  return loadOnDemand('sidebar-extras').then((value) => {
    const extras = value as SidebarExtras;
    searchEngine.value = extras.search;
    return (loaded.value = extras);
  });
}
