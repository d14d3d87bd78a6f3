import { signal, type ReadonlySignal } from '@preact/signals-core';
import type { SidebarEditor } from './editor/editor-list';
import { loadOnDemand, loadedOnDemand } from './on-demand';

/*
 * The editor's code arrives when the person first asks to edit (utils/sidebar/on-demand.ts); the
 * sidebar renders its panel from this signal, and the session starts it through loadSidebarEditor.
 */

const loaded = signal((loadedOnDemand('sidebar-editor') as SidebarEditor | undefined) ?? null);

/** The editor's parts, or null until they have arrived. */
export const sidebarEditor: ReadonlySignal<SidebarEditor | null> = loaded;

/** Asks for the editor (once; after a failure, the next request asks again) and resolves with it. */
export function loadSidebarEditor(): Promise<SidebarEditor> {
  const now = loaded.peek();
  if (now) return Promise.resolve(now);
  return loadOnDemand('sidebar-editor').then((editor) => (loaded.value = editor as SidebarEditor));
}
