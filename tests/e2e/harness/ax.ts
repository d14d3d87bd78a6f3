import type { Page } from 'playwright-core';
import { AxSession, type AxNodeInfo, type RemoteNode } from './ax-session.ts';

/*
 * Reaching Chapterbar's UI the way assistive technology does: through Chromium's accessibility
 * tree, which includes closed shadow roots (the page's scripts cannot enter them; a screen reader
 * can). `getByRole` asks `Accessibility.queryAXTree` for computed role and accessible name; the
 * element found is resolved with `DOM.resolveNode` into an isolated world of the test's own, where
 * `locator(css)`, `textContent()`, `getAttribute()` and `evaluate()` run inside that element's
 * subtree; `click()` and `hover()` move the real mouse (`Input.dispatchMouseEvent` through
 * `page.mouse`) to the centre of the element's box after checking that hit testing lands on it, and
 * `press()`/`fill()` type with the real keyboard: every event the extension sees is trusted.
 *
 * Locators are lazy, like Playwright's: every call resolves the chain again, so a locator made once
 * keeps working across re-renders and navigations, and reads poll well:
 *   const sb = axSidebar(page);
 *   await sb.getByRole('button', { name: 'Expand all' }).click();
 *   await expect.poll(() => sb.locator('li[aria-current="true"] .cb-time').textContent()).toBe('9:10');
 */

export type NameMatch = string | RegExp;

export interface RoleOptions {
  /** Playwright's semantics: a string matches case-insensitively as a substring, unless `exact`. */
  name?: NameMatch;
  exact?: boolean;
  /** Also nodes the accessibility tree ignores (hidden ones). Off by default, as in Playwright. */
  includeHidden?: boolean;
  /** A heading's level. */
  level?: number;
}

type Step =
  | { kind: 'role'; role: string; options: RoleOptions }
  | { kind: 'css'; selector: string }
  | { kind: 'shadow' }
  | { kind: 'has'; selector: string; not: boolean }
  | { kind: 'hasText'; text: NameMatch }
  | { kind: 'nth'; index: number }
  | { kind: 'node'; backendNodeId: number };

const DEFAULT_TIMEOUT = 10_000;

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

function nameMatches(name: string, options: RoleOptions): boolean {
  const want = options.name;
  if (want === undefined) return true;
  if (want instanceof RegExp) return want.test(name);
  return options.exact ? normalise(name) === normalise(want) : normalise(name).toLowerCase().includes(normalise(want).toLowerCase());
}

const axLevel = (node: AxNodeInfo) => node.properties?.find((property) => property.name === 'level')?.value.value;
const axName = (node: AxNodeInfo | undefined) => (typeof node?.name?.value === 'string' ? node.name.value : '');

/**
 * Resolves once `page` has rendered its next frame, or at `deadline`, whichever comes first. The
 * accessibility tree changes when the page's rendering is updated, so a frame is when another read
 * can find something new; a hidden page renders none, and then the deadline ends the wait.
 */
async function nextFrame(page: Page, deadline: number): Promise<void> {
  let stop: () => void = () => {};
  const atDeadline = new Promise<void>((done) => {
    const timer = setTimeout(done, Math.max(0, deadline - Date.now()));
    stop = () => clearTimeout(timer);
  });
  // A navigation under way destroys the context of the evaluation: the next read tries again.
  const frame = page.evaluate(() => new Promise<void>((rendered) => requestAnimationFrame(() => rendered()))).catch(() => {});
  try {
    await Promise.race([frame, atDeadline]);
  } finally {
    stop();
  }
}

/** Reads with `attempt` after each frame the page renders, until it gives a value or `timeout` runs out. */
async function pollFor<T>(page: Page, what: string, timeout: number, attempt: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (error) {
      if (error instanceof StrictModeError) throw error;
      lastError = error; // a navigation destroyed the world, or the node went away: try again
    }
    if (Date.now() >= deadline) {
      throw new Error(`ax: ${what} did not happen within ${timeout} ms${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    }
    await nextFrame(page, deadline);
  }
}

class StrictModeError extends Error {}

export class AxLocator {
  constructor(
    readonly page: Page,
    private readonly steps: readonly Step[],
  ) {}

  private then_(step: Step): AxLocator {
    return new AxLocator(this.page, [...this.steps, step]);
  }

  /** Elements below this one whose computed role is `role` (an ARIA role: 'button', 'listitem', 'complementary'…). */
  getByRole(role: string, options: RoleOptions = {}): AxLocator {
    return this.then_({ kind: 'role', role, options });
  }
  /** Shorthand for `getByRole`. */
  byRole(role: string, options: RoleOptions = {}): AxLocator {
    return this.getByRole(role, options);
  }
  /** Elements below this one matching a CSS selector (within this element's own tree). */
  locator(selector: string): AxLocator {
    return this.then_({ kind: 'css', selector });
  }
  /** The element's shadow root, open or closed: for parts no accessibility tree shows (aria-hidden marks). */
  shadowRoot(): AxLocator {
    return this.then_({ kind: 'shadow' });
  }
  filter(options: { has?: string; hasNot?: string; hasText?: NameMatch }): AxLocator {
    const steps: Step[] = [];
    if (options.has !== undefined) steps.push({ kind: 'has', selector: options.has, not: false });
    if (options.hasNot !== undefined) steps.push({ kind: 'has', selector: options.hasNot, not: true });
    if (options.hasText !== undefined) steps.push({ kind: 'hasText', text: options.hasText });
    return steps.reduce<AxLocator>((next, step) => next.then_(step), this);
  }
  nth(index: number): AxLocator {
    return this.then_({ kind: 'nth', index });
  }
  first(): AxLocator {
    return this.nth(0);
  }
  last(): AxLocator {
    return this.nth(-1);
  }

  private async resolve(session: AxSession): Promise<RemoteNode[]> {
    let current: RemoteNode[] = [await session.document()];
    for (const step of this.steps) {
      const next: RemoteNode[] = [];
      if (step.kind === 'role') {
        const seen = new Set<number>();
        for (const scope of current) {
          for (const node of await session.queryRole(scope, step.role)) {
            const id = node.backendDOMNodeId;
            if (id === undefined || seen.has(id) || (node.ignored && !step.options.includeHidden)) continue;
            if (!nameMatches(axName(node), step.options)) continue;
            if (step.options.level !== undefined && axLevel(node) !== step.options.level) continue;
            seen.add(id);
            const resolved = await session.resolveBackend(id);
            if (resolved) next.push(resolved);
          }
        }
      } else if (step.kind === 'css') {
        for (const scope of current) {
          next.push(
            ...(await session.callForNodes(scope, 'function (s) { return [...this.querySelectorAll(s)]; }', [{ value: step.selector }])),
          );
        }
      } else if (step.kind === 'shadow') {
        for (const scope of current) {
          const root = await session.shadowRootOf(scope);
          if (root) next.push(root);
        }
      } else if (step.kind === 'has') {
        for (const scope of current) {
          const has = await session.call<boolean>(scope, 'function (s) { return this.querySelector(s) !== null; }', [
            { value: step.selector },
          ]);
          if (has !== step.not) next.push(scope);
        }
      } else if (step.kind === 'hasText') {
        for (const scope of current) {
          const text = normalise(await session.call<string>(scope, 'function () { return this.textContent ?? ""; }'));
          const want = step.text;
          if (want instanceof RegExp ? want.test(text) : text.toLowerCase().includes(normalise(want).toLowerCase())) next.push(scope);
        }
      } else if (step.kind === 'node') {
        const node = await session.resolveBackend(step.backendNodeId);
        if (node) next.push(node);
      } else {
        const picked = current.at(step.index);
        if (picked) next.push(picked);
      }
      current = next;
    }
    return current;
  }

  /** Runs `use` with a fresh session and this locator's elements; the session's objects are released after. */
  private async withAll<T>(use: (session: AxSession, nodes: RemoteNode[]) => Promise<T>): Promise<T> {
    const session = await AxSession.open(this.page);
    try {
      return await use(session, await this.resolve(session));
    } finally {
      await session.release();
    }
  }

  /** Waits (up to `timeout`) for exactly one element and runs `use` on it; more than one fails at once. */
  private withOne<T>(what: string, timeout: number, use: (session: AxSession, node: RemoteNode) => Promise<T | undefined>): Promise<T> {
    return pollFor(this.page, what, timeout, () =>
      this.withAll(async (session, nodes) => {
        if (nodes.length > 1) throw new StrictModeError(`ax: ${what}: ${nodes.length} elements match ${this.toString()}`);
        return nodes[0] ? use(session, nodes[0]) : undefined;
      }),
    );
  }

  /**
   * A locator for the one element this one finds now, whatever it becomes (its name, text or
   * place may change): Playwright's element handle.
   */
  async pin(options: { timeout?: number } = {}): Promise<AxLocator> {
    const backendNodeId = await this.withOne('pin', options.timeout ?? DEFAULT_TIMEOUT, (s, node) => s.backendId(node));
    return new AxLocator(this.page, [{ kind: 'node', backendNodeId }]);
  }

  count(): Promise<number> {
    return pollFor(this.page, 'count', DEFAULT_TIMEOUT, () => this.withAll(async (_, nodes) => nodes.length));
  }

  async all(): Promise<AxLocator[]> {
    return Array.from({ length: await this.count() }, (_, i) => this.nth(i));
  }

  textContent(options: { timeout?: number } = {}): Promise<string> {
    return this.withOne('textContent', options.timeout ?? DEFAULT_TIMEOUT, (s, node) =>
      s.call<string>(node, 'function () { return this.textContent ?? ""; }'),
    );
  }
  /** The text as rendered (innerText): what a sighted reader sees, hidden parts left out. */
  text(options: { timeout?: number } = {}): Promise<string> {
    return this.withOne('text', options.timeout ?? DEFAULT_TIMEOUT, (s, node) =>
      s.call<string>(node, 'function () { return this.innerText ?? this.textContent ?? ""; }'),
    );
  }
  allTextContents(): Promise<string[]> {
    return this.withAll((s, nodes) =>
      Promise.all(nodes.map((node) => s.call<string>(node, 'function () { return this.textContent ?? ""; }'))),
    );
  }

  /** The attribute's value, or null when absent. */
  getAttribute(name: string, options: { timeout?: number } = {}): Promise<string | null> {
    return this.withOne(`getAttribute(${name})`, options.timeout ?? DEFAULT_TIMEOUT, async (s, node) => ({
      value: await s.call<string | null>(node, 'function (n) { return this.getAttribute(n); }', [{ value: name }]),
    })).then((found) => found.value);
  }
  attribute(name: string, options: { timeout?: number } = {}): Promise<string | null> {
    return this.getAttribute(name, options);
  }

  /** The accessible name and role the accessibility tree gives this element: what a screen reader announces. */
  accessibleName(options: { timeout?: number } = {}): Promise<string> {
    return this.withOne('accessibleName', options.timeout ?? DEFAULT_TIMEOUT, async (s, node) => axName(await s.axNode(node)));
  }
  role(options: { timeout?: number } = {}): Promise<string> {
    return this.withOne('role', options.timeout ?? DEFAULT_TIMEOUT, async (s, node) => String((await s.axNode(node))?.role?.value ?? ''));
  }

  /** Runs `fn(element, arg)` in the test's isolated world (the page's own scripts never see it). */
  evaluate<R, A = undefined>(
    fn: (element: HTMLElement, arg: A) => R | Promise<R>,
    arg?: A,
    options: { timeout?: number } = {},
  ): Promise<R> {
    return this.withOne('evaluate', options.timeout ?? DEFAULT_TIMEOUT, async (s, node) => ({
      value: await s.call<R>(node, `function (arg) { return (${fn.toString()})(this, arg); }`, [{ value: arg }]),
    })).then((found) => found.value);
  }
  /** Runs `fn(elements, arg)` over every match (possibly none). */
  evaluateAll<R, A = undefined>(fn: (elements: HTMLElement[], arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.withAll((s, nodes) =>
      s.call<R>(null, `function (arg, ...elements) { return (${fn.toString()})(elements, arg); }`, [{ value: arg }, ...nodes]),
    );
  }

  boundingBox(options: { timeout?: number } = {}): Promise<{ x: number; y: number; width: number; height: number } | null> {
    return this.withOne('boundingBox', options.timeout ?? DEFAULT_TIMEOUT, async (s, node) => ({ box: await s.box(node) })).then(
      (found) => found.box,
    );
  }
  isVisible(): Promise<boolean> {
    return this.withAll(async (s, nodes) => nodes.length === 1 && (await s.box(nodes[0]!)) !== null);
  }

  async scrollIntoViewIfNeeded(options: { timeout?: number } = {}): Promise<void> {
    await this.withOne(
      'scrollIntoViewIfNeeded',
      options.timeout ?? DEFAULT_TIMEOUT,
      async (s, node) => (await s.scrollIntoView(node), true),
    );
  }

  /** Waits for the element: 'visible' (default, one element with a box), 'attached', 'hidden' or 'detached'. */
  async waitFor(options: { state?: 'visible' | 'attached' | 'hidden' | 'detached'; timeout?: number } = {}): Promise<void> {
    const state = options.state ?? 'visible';
    await pollFor(this.page, `waitFor(${state}) of ${this.toString()}`, options.timeout ?? DEFAULT_TIMEOUT, () =>
      this.withAll(async (s, nodes) => {
        const visible = nodes.length > 0 && (await s.box(nodes[0]!)) !== null;
        const ok =
          state === 'attached' ? nodes.length > 0 : state === 'detached' ? nodes.length === 0 : state === 'visible' ? visible : !visible;
        return ok ? true : undefined;
      }),
    );
  }

  /**
   * The centre of the element's box once it is scrolled into view, enabled, and hit testing at that
   * point lands on it (or inside it): where a person's pointer would have to be.
   */
  private pointOf(what: string, timeout: number): Promise<{ x: number; y: number }> {
    return this.withOne(what, timeout, async (s, node) => {
      if (await s.call<boolean>(node, 'function () { return this.disabled === true; }')) return undefined;
      await s.scrollIntoView(node);
      const box = await s.box(node);
      if (!box) return undefined;
      const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      const hit = await s.nodeAt(point.x, point.y);
      if (!hit || !(await s.call<boolean>(node, 'function (other) { return this === other || this.contains(other); }', [hit])))
        return undefined;
      return point;
    });
  }

  async click(options: { timeout?: number } = {}): Promise<void> {
    const { x, y } = await this.pointOf(`click on ${this.toString()}`, options.timeout ?? DEFAULT_TIMEOUT);
    await this.page.mouse.click(x, y);
  }
  async hover(options: { timeout?: number } = {}): Promise<void> {
    const { x, y } = await this.pointOf(`hover over ${this.toString()}`, options.timeout ?? DEFAULT_TIMEOUT);
    await this.page.mouse.move(x, y);
  }
  /** Moves keyboard focus to the element, as Tab or a screen reader's focus command would. */
  async focus(options: { timeout?: number } = {}): Promise<void> {
    await this.withOne('focus', options.timeout ?? DEFAULT_TIMEOUT, async (s, node) => (await s.focus(node), true));
  }
  async press(key: string, options: { timeout?: number } = {}): Promise<void> {
    await this.focus(options);
    await this.page.keyboard.press(key);
  }
  /** Replaces a text field's value by typing: select all, then the text as one input. */
  async fill(text: string, options: { timeout?: number } = {}): Promise<void> {
    await this.withOne('fill', options.timeout ?? DEFAULT_TIMEOUT, async (s, node) => {
      await s.focus(node);
      await s.call(node, 'function () { this.select(); }');
      return true;
    });
    if (text === '') await this.page.keyboard.press('Delete');
    else await this.page.keyboard.insertText(text);
  }

  toString(): string {
    return this.steps
      .map((step) => {
        if (step.kind === 'role') return `role=${step.role}${step.options.name === undefined ? '' : `[name=${String(step.options.name)}]`}`;
        if (step.kind === 'css') return step.selector;
        if (step.kind === 'shadow') return '::shadow';
        if (step.kind === 'has') return `${step.not ? ':not(' : ''}:has(${step.selector})${step.not ? ')' : ''}`;
        if (step.kind === 'hasText') return `:has-text(${String(step.text)})`;
        if (step.kind === 'node') return `node#${step.backendNodeId}`;
        return `nth=${step.index}`;
      })
      .join(' >> ');
  }
}

/** The page's document, reached through the accessibility tree and the DevTools protocol. */
export function ax(page: Page): AxLocator {
  return new AxLocator(page, []);
}

/** Chapterbar's sidebar: the landmark a screen reader lists as "Chapters, complementary". */
export function axSidebar(page: Page, options: { within?: string } = {}): AxLocator {
  const scope = options.within ? ax(page).locator(options.within) : ax(page);
  return scope.getByRole('complementary', { name: 'Chapters', exact: true });
}
