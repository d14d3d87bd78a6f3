import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defineExtensionMessaging, defineTabMessaging } from '../../utils/messaging/transport';

/*
 * WXT's fake browser answers with listeners' return values; real browsers answer through
 * `sendResponse` after a listener returns true. This bus behaves like Chrome: the first
 * sendResponse wins, and with no listener keeping the channel open the send rejects.
 */
type Listener = (message: unknown, sender: object, sendResponse: (reply: unknown) => void) => unknown;

function installBus() {
  const listeners = new Set<Listener>();
  const sent: Array<{ tabId?: number; options?: unknown; message: unknown }> = [];
  const deliver = (message: unknown) =>
    new Promise((resolve, reject) => {
      let answered = false;
      const open = [...listeners].map((listener) =>
        listener(message, { id: 'test' }, (reply) => {
          if (answered) return;
          answered = true;
          resolve(reply);
        }),
      );
      if (!open.includes(true) && !answered) reject(new Error('Could not establish connection. Receiving end does not exist.'));
    });
  vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation((listener) => void listeners.add(listener as Listener));
  vi.spyOn(fakeBrowser.runtime.onMessage, 'removeListener').mockImplementation((listener) => void listeners.delete(listener as Listener));
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: unknown) => {
    sent.push({ message });
    return deliver(message);
  }) as never);
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((tabId: number, message: unknown, options?: unknown) => {
    sent.push({ tabId, options, message });
    return deliver(message);
  }) as never);
  return { listeners, sent };
}

interface TestProtocol {
  double(n: number): number;
  ping(): void;
  fail(reason: string): boolean;
  slow(ms: number): string;
}

describe('extension messaging', () => {
  let bus: ReturnType<typeof installBus>;
  beforeEach(() => {
    fakeBrowser.reset();
    bus = installBus();
  });
  afterEach(() => vi.restoreAllMocks());

  it('carries data to the handler of its type and its reply back', async () => {
    const { sendMessage, onMessage } = defineExtensionMessaging<TestProtocol>();
    onMessage('double', ({ data }) => data * 2);
    await expect(sendMessage('double', 21)).resolves.toBe(42);
  });

  it('waits for asynchronous handlers', async () => {
    const { sendMessage, onMessage } = defineExtensionMessaging<TestProtocol>();
    onMessage('slow', ({ data }) => new Promise<string>((resolve) => setTimeout(() => resolve(`after ${data}`), data)));
    await expect(sendMessage('slow', 5)).resolves.toBe('after 5');
  });

  it('lets the context that handles a type answer, and the others stay silent', async () => {
    const popup = defineExtensionMessaging<TestProtocol>();
    const background = defineExtensionMessaging<TestProtocol>();
    popup.onMessage('ping', () => undefined);
    background.onMessage('double', ({ data }) => data * 2);
    await expect(background.sendMessage('double', 4)).resolves.toBe(8);
  });

  it("rejects with the handler's error message", async () => {
    const { sendMessage, onMessage } = defineExtensionMessaging<TestProtocol>();
    onMessage('fail', ({ data }) => {
      throw new Error(`refused: ${data}`);
    });
    await expect(sendMessage('fail', 'no reason')).rejects.toThrow('refused: no reason');
  });

  it('rejects, never throws, when the browser throws at once (the extension was updated under the page)', async () => {
    const { sendMessage } = defineExtensionMessaging<TestProtocol>();
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(() => {
      throw new Error('Extension context invalidated.');
    });
    const sent = sendMessage('ping');
    await expect(sent).rejects.toThrow('Extension context invalidated.');
  });

  it('rejects when no context handles the type', async () => {
    const { sendMessage, onMessage } = defineExtensionMessaging<TestProtocol>();
    onMessage('ping', () => undefined);
    await expect(sendMessage('double', 1)).rejects.toThrow(/Receiving end does not exist/);
  });

  it('ignores messages that are not its own', async () => {
    const { onMessage } = defineExtensionMessaging<TestProtocol>();
    const handler = vi.fn(() => 2);
    onMessage('double', handler);
    const [listener] = bus.listeners;
    const respond = vi.fn();
    expect(listener!({ type: 'double', data: 1 }, {}, respond)).toBe(false);
    expect(listener!('double', {}, respond)).toBe(false);
    expect(listener!(null, {}, respond)).toBe(false);
    expect(handler).not.toHaveBeenCalled();
    expect(respond).not.toHaveBeenCalled();
  });

  it("sends to a tab's top frame", async () => {
    const { onMessage } = defineExtensionMessaging<TestProtocol>();
    const sendTabMessage = defineTabMessaging<TestProtocol>();
    onMessage('double', ({ data }) => data * 2);
    await expect(sendTabMessage(7, 'double', 2)).resolves.toBe(4);
    await expect(sendTabMessage(8, 'double', 3)).resolves.toBe(6);
    expect(bus.sent.map(({ tabId, options }) => [tabId, options])).toEqual([
      [7, { frameId: 0 }],
      [8, { frameId: 0 }],
    ]);
  });

  it('rejects when the tab has no content script to answer', async () => {
    const sendTabMessage = defineTabMessaging<TestProtocol>();
    await expect(sendTabMessage(7, 'ping')).rejects.toThrow(/Receiving end does not exist/);
  });

  it('passes the sender to the handler', async () => {
    const { sendMessage, onMessage } = defineExtensionMessaging<TestProtocol>();
    const senders: unknown[] = [];
    onMessage('ping', ({ sender }) => void senders.push(sender));
    await sendMessage('ping');
    expect(senders).toEqual([{ id: 'test' }]);
  });

  it('refuses a second handler for a type, and stops listening once every handler is removed', () => {
    const { onMessage } = defineExtensionMessaging<TestProtocol>();
    const removeDouble = onMessage('double', ({ data }) => data);
    expect(() => onMessage('double', ({ data }) => data)).toThrow(/double/);
    const removePing = onMessage('ping', () => undefined);
    expect(bus.listeners.size).toBe(1);
    removeDouble();
    expect(bus.listeners.size).toBe(1);
    removePing();
    expect(bus.listeners.size).toBe(0);
  });

  it('rejects a reply that is not one (a stale content script answering something else)', async () => {
    const { sendMessage } = defineExtensionMessaging<TestProtocol>();
    bus.listeners.add((_message, _sender, respond) => {
      respond('not a reply');
      return true;
    });
    await expect(sendMessage('double', 1)).rejects.toThrow(/No reply to double/);
  });
});
