import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { AxSession } from './ax-session.ts';

/*
 * Whole-document tools that must see into Chapterbar's closed shadow roots: an axe audit, and
 * "where is the keyboard focus". They run in the test's isolated world (ax-session.ts), where the
 * `shadowRoot` getter is taught the closed roots the DevTools protocol finds (`DOM.getDocument`
 * with `pierce`). That getter lives only in the test's world: the page's scripts, and the
 * extension's content script, still get null from a closed root.
 */

interface DomNode {
  backendNodeId: number;
  shadowRootType?: 'open' | 'closed' | 'user-agent';
  shadowRoots?: DomNode[];
  children?: DomNode[];
  contentDocument?: DomNode;
}

/** Installs, once per world, a `shadowRoot` getter that also answers for the hosts registered with it. */
const INSTALL = `function () {
  if (globalThis.__revealShadowRoot) return;
  const roots = new WeakMap();
  const native = Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot').get;
  Object.defineProperty(Element.prototype, 'shadowRoot', {
    configurable: true,
    get() { return native.call(this) ?? roots.get(this) ?? null; },
  });
  globalThis.__revealShadowRoot = (host, root) => roots.set(host, root);
}`;

async function revealClosedRoots(session: AxSession): Promise<void> {
  await session.call(null, INSTALL);
  const { root } = (await session.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const pairs: Array<{ host: number; root: number }> = [];
  const walk = (node: DomNode) => {
    for (const shadow of node.shadowRoots ?? []) {
      if (shadow.shadowRootType === 'closed') pairs.push({ host: node.backendNodeId, root: shadow.backendNodeId });
      walk(shadow);
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(root);
  for (const pair of pairs) {
    const [host, shadow] = await Promise.all([session.resolveBackend(pair.host), session.resolveBackend(pair.root)]);
    if (host && shadow) await session.call(null, 'function (host, root) { globalThis.__revealShadowRoot(host, root); }', [host, shadow]);
  }
}

/** Runs `fn(arg)` in the test's world with every closed shadow root readable through `shadowRoot`. */
export async function evaluateRevealed<R, A = undefined>(page: Page, fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
  const session = await AxSession.open(page);
  try {
    await revealClosedRoots(session);
    return await session.call<R>(null, `function (arg) { return (${fn.toString()})(arg); }`, [{ value: arg }]);
  } finally {
    await session.release();
  }
}

export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  nodes: string[];
}

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * An axe-core audit for the WCAG 2.1 A and AA rules, of the whole page or of the elements `within`
 * matches. axe enters shadow roots through `shadowRoot`, so in the test's world it audits the
 * closed ones as it would open ones, with the page's own styles and layout. Its source goes in
 * through the DevTools protocol, which no Content-Security-Policy applies to.
 */
export async function axeAudit(page: Page, within?: string): Promise<AxeViolation[]> {
  const session = await AxSession.open(page);
  try {
    await revealClosedRoots(session);
    if (!(await session.call<boolean>(null, 'function () { return Boolean(globalThis.axe); }'))) {
      // Runtime.evaluate, not eval(): the extension pages' CSP forbids eval, not the DevTools protocol.
      await session.cdp.send('Runtime.evaluate', { expression: axe.source, contextId: session.contextId });
    }
    const { violations, shadowTargets } = await session.call<{ violations: AxeViolation[]; shadowTargets: number }>(
      null,
      `async function (selector, tags) {
        const context = selector ? { include: [[selector]] } : document;
        const result = await globalThis.axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        // A node inside a shadow root has a target of nested selectors: [["host", "inner"]].
        const shadowTargets = [...result.passes, ...result.violations].filter((rule) => rule.nodes.some((node) => Array.isArray(node.target[0]))).length;
        return { shadowTargets, violations: result.violations.map((violation) => ({
          id: violation.id,
          impact: violation.impact,
          nodes: violation.nodes.slice(0, 5).map((node) => JSON.stringify(node.target) + ': ' + (node.failureSummary ?? '')),
        })) };
      }`,
      [{ value: within ?? null }, { value: WCAG_21_AA }],
    );
    // An audit of a shadow host that checked nothing inside its root would pass for nothing.
    if (within && shadowTargets === 0) throw new Error(`axe checked nothing inside the shadow root of ${within}`);
    return violations;
  } finally {
    await session.release();
  }
}
