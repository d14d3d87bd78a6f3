import { browser, type Browser } from 'wxt/browser';

/*
 * A typed request and reply between the extension's contexts, over runtime and tabs messaging.
 * It keeps the shape of @webext-core/messaging (`sendMessage(type, data, target?)`,
 * `onMessage(type, handler)`), which Chapterbar used before: that library's generic layer and error
 * serializer were 1.1 KB of each content script's 20 KB (gzipped) budget, for features unused here.
 */

type DataOf<F> = F extends (...args: infer A) => unknown ? A[0] : undefined;
type ReplyOf<F> = F extends (...args: never[]) => infer R ? Awaited<R> : never;
/** A tab (its top frame unless `frameId` says otherwise), for messages to a content script. */
export type MessageTarget = number | { tabId: number; frameId?: number };
type SendArgs<F> = [DataOf<F>] extends [undefined] ? [data?: undefined, target?: MessageTarget] : [data: DataOf<F>, target?: MessageTarget];

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
    /** Rejects when nothing answers (no receiver, a closed tab) or the handler threw. */
    async sendMessage<K extends keyof P & string>(type: K, ...[data, target]: SendArgs<P[K]>): Promise<ReplyOf<P[K]>> {
      const envelope: Envelope = { chapterbar: 1, type, data };
      const options = typeof target === 'number' ? { tabId: target } : target;
      const reply: unknown = options
        ? await browser.tabs.sendMessage(options.tabId, envelope, options.frameId === undefined ? undefined : { frameId: options.frameId })
        : await browser.runtime.sendMessage(envelope);
      if (typeof reply !== 'object' || reply === null) throw new Error(`No reply to ${type}`);
      if ('err' in reply) throw new Error(String(reply.err));
      return (reply as { res: ReplyOf<P[K]> }).res;
    },

    /** One handler per type and context; returns its removal. */
    onMessage<K extends keyof P & string>(type: K, handler: (message: ReceivedMessage<DataOf<P[K]>>) => ReplyOf<P[K]> | Promise<ReplyOf<P[K]>>): () => void {
      if (handlers.has(type)) throw new Error(`A handler for ${type} exists in this context`);
      if (handlers.size === 0) browser.runtime.onMessage.addListener(listener as never);
      handlers.set(type, handler as (message: ReceivedMessage<unknown>) => unknown);
      return () => {
        handlers.delete(type);
        if (handlers.size === 0) browser.runtime.onMessage.removeListener(listener as never);
      };
    },
  };
}
