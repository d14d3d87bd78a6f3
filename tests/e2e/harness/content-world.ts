import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import { cdpOf } from './ax-session.ts';

/*
 * Speaking as Chapterbar's content script: from its own isolated world in a page (found through
 * the DevTools protocol), the way a page that fooled or took over the content script would. For
 * tests and the bench that send the background what a content script could send.
 */

interface ContextInfo {
  id: number;
  origin: string;
  auxData?: { type?: string; frameId?: string };
}

/** The execution context of Chapterbar's content script in the page's top frame, once it runs. */
export async function contentScriptContext(page: Page, extensionId: string): Promise<number> {
  const cdp: CDPSession = await cdpOf(page);
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  return new Promise((resolve) => {
    const found = ({ context }: { context: ContextInfo }) => {
      if (context.auxData?.type !== 'isolated' || context.auxData.frameId !== frameTree.frame.id) return;
      if (context.origin !== `chrome-extension://${extensionId}`) return;
      cdp.off('Runtime.executionContextCreated', found);
      void cdp.send('Runtime.disable').then(() => resolve(context.id));
    };
    cdp.on('Runtime.executionContextCreated', found);
    // Reports every existing context first, then new ones as they start.
    void cdp.send('Runtime.enable');
  });
}

/**
 * Sends a protocol message from the content script's world; `data` is a JavaScript expression
 * evaluated there (so megabytes are built in the page's process, not copied over the protocol).
 * Resolves with the reply envelope and the round trip in milliseconds, as the content script saw it.
 */
export async function sendAsContentScript(
  page: Page,
  contextId: number,
  type: string,
  data: string,
): Promise<{ reply: unknown; roundTripMs: number }> {
  const cdp = await cdpOf(page);
  const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
    contextId,
    expression: `(async () => {
      const message = { chapterbar: 1, type: ${JSON.stringify(type)}, data: (${data}) };
      const start = performance.now();
      const reply = await chrome.runtime.sendMessage(message);
      return { reply, roundTripMs: performance.now() - start };
    })()`,
    awaitPromise: true,
    returnByValue: true,
  })) as {
    result: { value?: { reply: unknown; roundTripMs: number } };
    exceptionDetails?: { text: string; exception?: { description?: string } };
  };
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value!;
}

/** The extension's service worker. */
export function extensionWorker(context: BrowserContext, extensionId: string): Worker {
  const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  if (!worker) throw new Error('The extension has no service worker running');
  return worker;
}

/**
 * Watches the worker's longest task from now until the returned function is called: a message
 * port bounces a message in the worker, and the longest gap between two bounces is the longest
 * time the worker could answer nothing else (another tab's message waits that long, at most).
 */
export async function watchLongestTask(worker: Worker): Promise<() => Promise<number>> {
  await worker.evaluate(() => {
    const state = { max: 0, run: true };
    (globalThis as unknown as { __cbLongest: typeof state }).__cbLongest = state;
    const channel = new MessageChannel();
    let last = performance.now();
    channel.port1.onmessage = () => {
      const now = performance.now();
      state.max = Math.max(state.max, now - last);
      last = now;
      if (state.run) channel.port2.postMessage(0);
      else channel.port1.close();
    };
    channel.port2.postMessage(0);
  });
  return () =>
    worker.evaluate(() => {
      const state = (globalThis as unknown as { __cbLongest: { max: number; run: boolean } }).__cbLongest;
      state.run = false;
      return state.max;
    });
}
