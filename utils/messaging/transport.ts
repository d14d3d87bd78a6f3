import { browser, type Browser } from 'wxt/browser';

/*
 * A typed request and reply between the extension's contexts, over runtime and tabs messaging.
 * It keeps the shape of @webext-core/messaging (`sendMessage(type, data)`, `onMessage(type,
 * handler)`; tabs through `sendTabMessage`), which Chapterbar used before: that library's generic
 * layer and error serializer were 1.1 KB of each content script's 20 KB (gzipped) budget.
 */

type DataOf<F> = F extends (...args: infer A) => unknown ? A[0] : undefined;
type ReplyOf<F> = F extends (...args: never[]) => infer R ? Awaited<R> : never;
type SendArgs<F> = [DataOf<F>] extends [undefined] ? [data?: undefined] : [data: DataOf<F>];

export interface ReceivedMessage<D> {
  data: D;
  sender: Browser.runtime.MessageSender;
}

/** What travels: the type names the handler; `chapterbar` keeps other senders' messages apart. */
interface Envelope {
  chapterbar: 1;
  type: string;
  data: unknown;
}

type Reply = { res: unknown } | { err: string };

const envelope = (type: string, data: unknown): Envelope => ({ chapterbar: 1, type, data });

/** The handler's result, or its error thrown again here. */
function readReply<T>(type: string, reply: unknown): T {
  if (typeof reply !== 'object' || reply === null) throw new Error(`No reply to ${type}`);
  if ('err' in reply) throw new Error(String(reply.err));
  return (reply as { res: T }).res;
}

const isEnvelope = (value: unknown): value is Envelope =>
  typeof value === 'object' && value !== null && (value as Envelope).chapterbar === 1 && typeof (value as Envelope).type === 'string';

export function defineExtensionMessaging<P extends object>() {
  const handlers = new Map<string, (message: ReceivedMessage<unknown>) => unknown>();

  // Only a context that handles the type answers: the popup and the background both listen, and
  // a `false` return lets the other one reply.
  const listener = (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: Reply) => void) => {
    if (!isEnvelope(message)) return false;
    const handler = handlers.get(message.type);
    if (!handler) return false;
    Promise.resolve()
      .then(() => handler({ data: message.data, sender }))
      .then(
        (res) => sendResponse({ res }),
        (error: unknown) => sendResponse({ err: error instanceof Error ? error.message : String(error) }),
      );
    return true;
  };

  return {
    /** To the background or an extension page. Rejects when nothing answers or the handler threw. */
    // Async: Chrome's own `chrome` (what content scripts get) throws at once when the extension was
    // updated under the page, and callers expect a rejection.
    async sendMessage<K extends keyof P & string>(type: K, ...[data]: SendArgs<P[K]>): Promise<ReplyOf<P[K]>> {
      return readReply(type, await browser.runtime.sendMessage(envelope(type, data)));
    },

    /** One handler per type and context; returns its removal. */
    onMessage<K extends keyof P & string>(
      type: K,
      handler: (message: ReceivedMessage<DataOf<P[K]>>) => ReplyOf<P[K]> | Promise<ReplyOf<P[K]>>,
    ): () => void {
      if (handlers.has(type)) throw new Error(`Two handlers for ${type}`);
      if (handlers.size === 0) browser.runtime.onMessage.addListener(listener as never);
      handlers.set(type, handler as (message: ReceivedMessage<unknown>) => unknown);
      return () => {
        handlers.delete(type);
        if (handlers.size === 0) browser.runtime.onMessage.removeListener(listener as never);
      };
    },
  };
}

/**
 * To the content script in a tab's top frame (embeds in other frames have their own sidebar, which
 * the popup does not steer). A function of its own, not a method beside sendMessage, so that content
 * scripts, which only ever talk to the background, do not carry it (an unused method stays in a bundle).
 */
export function defineTabMessaging<P extends object>() {
  return async <K extends keyof P & string>(tabId: number, type: K, ...[data]: SendArgs<P[K]>): Promise<ReplyOf<P[K]>> =>
    readReply(type, await browser.tabs.sendMessage(tabId, envelope(type, data), { frameId: 0 }));
}
