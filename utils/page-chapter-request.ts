import { sendMessage } from './messaging';
import type { PageChapters, PageChaptersReply, PageMaterial } from './sites/types';

/*
 * The content script's side of reading a page's chapters: it sends what it collected to the
 * background (page-readers.ts), which checks the material with zod and answers only with chapters
 * it has checked and bounded itself. The reply is its own code's, so it is trusted as the rest of
 * the protocol is (see messaging.ts); only a missing or refused answer is told apart.
 */

/**
 * How long the background may take. Parsing a first load's 2 MB of page data takes it well under
 * a second, waking a stopped service worker about as long; past this it is not coming.
 */
const REPLY_TIMEOUT_MS = 10_000;

/** The chapters in the background's reply, or null for none, a refusal or no reply. */
export function readPageChaptersReply(reply: PageChaptersReply | null | undefined): PageChapters | null {
  return reply?.ok ? reply.page : null;
}

/**
 * The chapters the background reads in `material`, or null: when it finds none, refuses the
 * material, fails or does not answer in time (the extension may be updating). Never rejects.
 */
export async function requestPageChapters(material: PageMaterial, timeoutMs = REPLY_TIMEOUT_MS): Promise<PageChapters | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    return readPageChaptersReply(await Promise.race([sendMessage('readPageChapters', material), timeout]));
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
