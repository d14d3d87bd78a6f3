import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALLOWED_SENDERS, isAllowedSender, senderKinds, serve, type SenderKind } from '../../../utils/messaging/senders';
import type { ProtocolMap } from '../../../utils/messaging/protocol';

// Every message, sent from each context the table does not list for it, is refused before its
// handler runs; from a listed context it reaches the handler.

const PAGE = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
const PAGE_IN_TAB = { ...PAGE, tab: { id: 7 } as never, frameId: 0 };
const CONTENT_TOP = { id: fakeBrowser.runtime.id, url: 'https://www.youtube.com/watch?v=C6Zpjij5AF4', tab: { id: 3 } as never, frameId: 0 };
const CONTENT_FRAME = { id: fakeBrowser.runtime.id, url: 'https://www.youtube.com/embed/C6Zpjij5AF4', tab: { id: 3 } as never, frameId: 5 };
const OTHER_EXTENSION = { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' };

const SENDERS: Record<string, { sender: object; kinds: SenderKind[] }> = {
  'an extension page': { sender: PAGE, kinds: ['page'] },
  'an extension page in a tab': { sender: PAGE_IN_TAB, kinds: ['page'] },
  'a content script in a top frame': { sender: CONTENT_TOP, kinds: ['content'] },
  'a content script in an embed frame': { sender: CONTENT_FRAME, kinds: ['content'] },
  'another extension': { sender: OTHER_EXTENSION, kinds: [] },
};

type Listener = (message: unknown, sender: object, sendResponse: (reply: unknown) => void) => unknown;
let listeners: Listener[];
beforeEach(() => {
  listeners = [];
  vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation((listener) => void listeners.push(listener as Listener));
  vi.spyOn(fakeBrowser.runtime.onMessage, 'removeListener').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

/** Delivers a message as Chrome would, from `sender`, and returns the reply envelope. */
function deliver(type: string, data: unknown, sender: object): Promise<unknown> {
  return new Promise((resolve) => {
    for (const listener of listeners) listener({ chapterbar: 1, type, data }, sender, resolve);
  });
}

describe('who may send what', () => {
  it.each(Object.entries(SENDERS))('knows %s for what it is', (_name, { sender, kinds }) => {
    expect(senderKinds(sender)).toEqual(kinds);
  });

  it('keeps library management to the extension’s pages', () => {
    const pageOnly = [
      'listLibrary',
      'getEpisodes',
      'saveEpisodes',
      'renameEpisode',
      'linkMediaAddress',
      'unlinkMedia',
      'deleteEpisodes',
      'restoreEpisodes',
      'getSetAside',
      'dismissSetAside',
      'listEpisodes',
      'linkEpisode',
      'unlinkEpisode',
    ] as const;
    for (const type of pageOnly) expect(ALLOWED_SENDERS[type], type).toEqual(['page']);
  });

  const cases = (Object.keys(ALLOWED_SENDERS) as Array<keyof ProtocolMap>).flatMap((type) =>
    Object.entries(SENDERS).map(([name, { sender, kinds }]) => ({
      type,
      name,
      sender,
      allowed: kinds.some((kind) => ALLOWED_SENDERS[type].includes(kind)),
    })),
  );

  it.each(cases)('$type from $name: allowed $allowed', async ({ type, sender, allowed }) => {
    expect(isAllowedSender(type, sender)).toBe(allowed);
    const handler = vi.fn(() => 'answered');
    const remove = serve(type, handler as never);
    try {
      const reply = await deliver(type, {}, sender);
      if (allowed) {
        expect(reply).toEqual({ res: 'answered' });
        expect(handler).toHaveBeenCalledOnce();
      } else {
        expect(reply).toEqual({ err: `Refused: ${type} is not for this sender` });
        expect(handler).not.toHaveBeenCalled();
      }
    } finally {
      remove();
    }
  });
});
