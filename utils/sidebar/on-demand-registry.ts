/**
 * Scripts the content scripts load on demand (utils/sidebar/on-demand.ts): each is an unlisted
 * entrypoint `entrypoints/<name>.ts` built to `/<name>.js`. The background runs only these.
 */
export const ON_DEMAND = ['sidebar-extras', 'sidebar-editor'] as const;
export type OnDemandName = (typeof ON_DEMAND)[number];

/**
 * Where in the isolated world's global scope a content script and its on-demand scripts meet.
 * Extension scripts in one frame share that scope; the page's scripts cannot reach it.
 */
export const SHARED_GLOBAL = 'chapterbarShared';
export const ON_DEMAND_GLOBAL = 'chapterbarOnDemand';

type Provided = Partial<Record<OnDemandName, unknown>>;

const provided = (): Provided => ((globalThis as Record<string, unknown>)[ON_DEMAND_GLOBAL] ??= {}) as Provided;

/** What the on-demand script `name` exports, if it has already run in this world. */
export function onDemandNow(name: OnDemandName): unknown {
  return provided()[name];
}

/** The on-demand script's side: what it leaves for the content script. */
export function provideOnDemand(name: OnDemandName, value: unknown): void {
  provided()[name] = value;
}
