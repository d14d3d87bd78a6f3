import type { Page } from 'playwright-core';

/*
 * The bench's way into the closed sidebar when what it measures must not change: the DOM domain of
 * the DevTools protocol, which sees closed shadow roots, and real mouse input at the element's box.
 * The e2e harness goes through the accessibility tree as assistive technology does (`axSidebar`),
 * but once asked, Chromium keeps that tree up to date on every frame for the rest of the page's life
 * (about 0.6 ms of the page's main thread per second while playing, and its updates to the browser
 * process), which the empty extension's runs would not pay.
 */

interface DomNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

const WAIT_MS = 10_000;

function* walk(node: DomNode): Generator<DomNode> {
  yield node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) yield* walk(child);
}

const textOf = (node: DomNode): string =>
  [...walk(node)]
    .filter((n) => n.nodeType === 3)
    .map((n) => n.nodeValue ?? '')
    .join('')
    .trim();

/** Clicks the sidebar's button labelled `label`, then waits until one labelled `then` is in the sidebar. */
export async function clickSidebarButton(page: Page, label: string, then: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const button = async (text: string) => {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const host = [...walk(root)].find((n) => n.nodeName === 'CHAPTERBAR-SIDEBAR');
    return host && [...walk(host)].find((n) => n.nodeName === 'BUTTON' && textOf(n) === text);
  };
  const waitFor = async (text: string) => {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const found = await button(text);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`bench: no "${text}" button in the sidebar`);
      await page.waitForTimeout(100);
    }
  };
  try {
    const target = await waitFor(label);
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: target.nodeId })) as { model: { border: number[] } };
    const [x1, y1, , , x3, y3] = model.border as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
    await waitFor(then);
  } finally {
    await cdp.send('DOM.disable').catch(() => {});
    await cdp.detach().catch(() => {});
  }
}
