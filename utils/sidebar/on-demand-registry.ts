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

/**
 * What each copy of the content script has had run, by the Preact it shares (its
 * ON_DEMAND_SHARED). A copy started in the same world later (reinjection after an install or
 * update, reinject.ts) must not render an older copy's components: their hooks belong to the
 * older copy's Preact, and would fail inside the newer one's renders.
 */
function provided(shared: object): Provided {
  const scope = globalThis as Record<string, unknown>;
  const all = (scope[ON_DEMAND_GLOBAL] ??= new WeakMap<object, Provided>()) as WeakMap<object, Provided>;
  let mine = all.get(shared);
  if (!mine) all.set(shared, (mine = {}));
  return mine;
}

/** What the on-demand script `name` left for the copy that shares `shared`, if it has run for it. */
export function onDemandNow(name: OnDemandName, shared: object): unknown {
  return provided(shared)[name];
}

/** The on-demand script's side: what it leaves for the copy of the content script that ran it. */
export function provideOnDemand(name: OnDemandName, value: unknown): void {
  const shared = (globalThis as Record<string, unknown>)[SHARED_GLOBAL];
  if (shared && typeof shared === 'object') provided(shared)[name] = value;
}
