import { sendMessage } from '../messaging/protocol';
import { onDemandNow, SHARED_GLOBAL, type OnDemandName } from './on-demand-registry';
import { ON_DEMAND_SHARED } from './on-demand-shared';

/*
 * Code that runs only when a person asks or reaches for the sidebar (extras.ts lists when), lives in scripts
 * of its own (on-demand-names.ts), so the content script every YouTube and Spotify page runs stays
 * within its 20 KB (gzipped). The content script asks the background (`loadOnDemand`), which runs
 * the script in the asking frame with executeScript (utils/background/on-demand.ts): in the
 * content script's own isolated world, where the script finds Preact (on-demand-shared.ts) and
 * leaves what it exports (`provideOnDemand`, on-demand-registry.ts). Why not `import()`: content scripts are classic
 * scripts, and importing a file needs it in `web_accessible_resources`, where any page could load
 * it and so learn that Chapterbar is installed. The page cannot send runtime messages, so it can
 * neither trigger a load nor see one. Each script is loaded once per frame and kept.
 */

const loading = new Map<OnDemandName, Promise<unknown>>();

/** Runs the on-demand script `name` once and resolves with what it exports; a failure may be retried. */
export function loadOnDemand(name: OnDemandName): Promise<unknown> {
  const known = onDemandNow(name, ON_DEMAND_SHARED);
  if (known !== undefined) return Promise.resolve(known);
  let load = loading.get(name);
  if (!load) {
    (globalThis as Record<string, unknown>)[SHARED_GLOBAL] = ON_DEMAND_SHARED;
    load = sendMessage('loadOnDemand', name).then(() => {
      const value = onDemandNow(name, ON_DEMAND_SHARED);
      if (value === undefined) throw new Error(`${name} did not arrive`);
      return value;
    });
    // Once it has run, onDemandNow answers; after a failure, the next caller asks again.
    const forget = () => void loading.delete(name);
    load.then(forget, forget);
    loading.set(name, load);
  }
  return load;
}

/** What the on-demand script `name` left for this copy of the content script, if it has run. */
export const loadedOnDemand = (name: OnDemandName): unknown => onDemandNow(name, ON_DEMAND_SHARED);
