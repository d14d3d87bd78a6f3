import type { CDPSession, Page } from 'playwright-core';

/*
 * The DevTools-protocol plumbing under `ax.ts`: one CDP session per page, and an isolated world of
 * the test's own in the page's main frame. Elements are resolved into that world, so the functions a
 * test runs on them see the browser's own DOM methods, never the ones a (hostile) page replaced, and
 * nothing a test does is visible to the page's scripts.
 */

/** A DOM node (element, document or shadow root) as a remote object in the test's isolated world. */
export interface RemoteNode {
  objectId: string;
}

export interface AxNodeInfo {
  backendDOMNodeId?: number;
  ignored: boolean;
  role?: { value?: unknown };
  name?: { value?: unknown };
}

interface CallResult {
  result: { value?: unknown; objectId?: string; subtype?: string };
  exceptionDetails?: { text: string; exception?: { description?: string } };
}

const WORLD = 'chapterbar-e2e-ax';
const sessions = new WeakMap<Page, Promise<CDPSession>>();

export function cdpOf(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

/**
 * One operation's view of the page: its CDP session, the isolated world's context id (worlds go
 * away with each navigation; asking again is cheap and returns the same world until then) and an
 * object group released when the operation ends.
 */
export class AxSession {
  private static nextGroup = 0;
  readonly group = `ax-${AxSession.nextGroup++}`;

  private constructor(
    readonly page: Page,
    readonly cdp: CDPSession,
    readonly contextId: number,
  ) {}

  static async open(page: Page): Promise<AxSession> {
    const cdp = await cdpOf(page);
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: WORLD })) as {
      executionContextId: number;
    };
    return new AxSession(page, cdp, executionContextId);
  }

  async release(): Promise<void> {
    await this.cdp.send('Runtime.releaseObjectGroup', { objectGroup: this.group }).catch(() => {});
  }

  async document(): Promise<RemoteNode> {
    const { result, exceptionDetails } = (await this.cdp.send('Runtime.evaluate', {
      expression: 'document',
      contextId: this.contextId,
      objectGroup: this.group,
    })) as CallResult;
    if (exceptionDetails || !result.objectId) throw new Error(`ax: no document (${exceptionDetails?.text ?? 'no object'})`);
    return { objectId: result.objectId };
  }

  /** Nodes in `scope`'s accessibility subtree with this computed role (closed shadow roots included). */
  async queryRole(scope: RemoteNode, role: string): Promise<AxNodeInfo[]> {
    const { nodes } = (await this.cdp.send('Accessibility.queryAXTree', { objectId: scope.objectId, role })) as { nodes: AxNodeInfo[] };
    return nodes;
  }

  /** The accessibility node of one element: its computed role and accessible name. */
  async axNode(node: RemoteNode): Promise<AxNodeInfo | undefined> {
    const { nodes } = (await this.cdp.send('Accessibility.getPartialAXTree', { objectId: node.objectId, fetchRelatives: false })) as {
      nodes: AxNodeInfo[];
    };
    return nodes[0];
  }

  async resolveBackend(backendNodeId: number): Promise<RemoteNode | null> {
    try {
      const { object } = (await this.cdp.send('DOM.resolveNode', {
        backendNodeId,
        executionContextId: this.contextId,
        objectGroup: this.group,
      })) as { object: { objectId?: string } };
      return object.objectId ? { objectId: object.objectId } : null;
    } catch {
      return null; // the node went away between the query and now
    }
  }

  /** The shadow root of a host, open or closed (the DOM domain sees both). */
  async shadowRootOf(host: RemoteNode): Promise<RemoteNode | null> {
    const { node } = (await this.cdp.send('DOM.describeNode', { objectId: host.objectId, depth: 0, pierce: true })) as {
      node: { shadowRoots?: Array<{ backendNodeId: number }> };
    };
    const root = node.shadowRoots?.[0];
    return root ? this.resolveBackend(root.backendNodeId) : null;
  }

  /** Calls `declaration` (a function source) with `this` = node and the given arguments, returning by value. */
  async call<T>(node: RemoteNode | null, declaration: string, args: Array<{ value: unknown } | RemoteNode> = []): Promise<T> {
    const response = (await this.cdp.send('Runtime.callFunctionOn', {
      functionDeclaration: declaration,
      ...(node ? { objectId: node.objectId } : { executionContextId: this.contextId }),
      arguments: args.map((arg) => ('objectId' in arg ? { objectId: arg.objectId } : { value: arg.value })),
      returnByValue: true,
      awaitPromise: true,
      objectGroup: this.group,
    })) as CallResult;
    if (response.exceptionDetails) {
      throw new Error(`ax: ${response.exceptionDetails.exception?.description ?? response.exceptionDetails.text}`);
    }
    return response.result.value as T;
  }

  /** Like `call`, for a function that returns an array of nodes: the nodes, in order. */
  async callForNodes(node: RemoteNode, declaration: string, args: Array<{ value: unknown }> = []): Promise<RemoteNode[]> {
    const response = (await this.cdp.send('Runtime.callFunctionOn', {
      functionDeclaration: declaration,
      objectId: node.objectId,
      arguments: args,
      returnByValue: false,
      objectGroup: this.group,
    })) as CallResult;
    if (response.exceptionDetails || !response.result.objectId) {
      throw new Error(`ax: ${response.exceptionDetails?.exception?.description ?? response.exceptionDetails?.text ?? 'no array'}`);
    }
    const { result } = (await this.cdp.send('Runtime.getProperties', { objectId: response.result.objectId, ownProperties: true })) as {
      result: Array<{ name: string; value?: { objectId?: string } }>;
    };
    return result
      .filter((property) => /^\d+$/.test(property.name) && property.value?.objectId)
      .sort((a, b) => Number(a.name) - Number(b.name))
      .map((property) => ({ objectId: property.value!.objectId! }));
  }

  /** The element's box in the main frame's viewport (CSS px), or null when it has none (not rendered). */
  async box(node: RemoteNode): Promise<{ x: number; y: number; width: number; height: number } | null> {
    let quads: number[][];
    try {
      ({ quads } = (await this.cdp.send('DOM.getContentQuads', { objectId: node.objectId })) as { quads: number[][] });
    } catch {
      return null;
    }
    const xs = quads.flatMap((q) => [q[0]!, q[2]!, q[4]!, q[6]!]);
    const ys = quads.flatMap((q) => [q[1]!, q[3]!, q[5]!, q[7]!]);
    if (xs.length === 0) return null;
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    const width = Math.max(...xs) - x;
    const height = Math.max(...ys) - y;
    return width > 0 && height > 0 ? { x, y, width, height } : null;
  }

  /** The deepest node at a viewport point (through shadow roots, open or closed), as hit testing finds it. */
  async nodeAt(x: number, y: number): Promise<RemoteNode | null> {
    try {
      const { backendNodeId } = (await this.cdp.send('DOM.getNodeForLocation', {
        x: Math.round(x),
        y: Math.round(y),
        includeUserAgentShadowDOM: false,
        ignorePointerEventsNone: false,
      })) as { backendNodeId: number };
      return this.resolveBackend(backendNodeId);
    } catch {
      return null;
    }
  }

  async scrollIntoView(node: RemoteNode): Promise<void> {
    await this.cdp.send('DOM.scrollIntoViewIfNeeded', { objectId: node.objectId }).catch(() => {});
  }

  async focus(node: RemoteNode): Promise<void> {
    await this.cdp.send('DOM.focus', { objectId: node.objectId });
  }
}
