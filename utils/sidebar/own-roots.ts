/**
 * Chapterbar's own closed shadow roots, by host, for finding what has the focus inside them
 * (typing.ts). Kept in the content script: the module that asks (tab-state.ts) comes with the
 * sidebar's extras, a script of its own, and is handed `ownShadowRoot`.
 */
const ownRoots = new WeakMap<Element, ShadowRoot>();

export function registerOwnShadowRoot(host: Element, root: ShadowRoot): void {
  ownRoots.set(host, root);
}

export const ownShadowRoot = (host: Element): ShadowRoot | undefined => ownRoots.get(host);
