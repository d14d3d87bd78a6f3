import { sendMessage } from '../messaging/protocol';
import { t } from '../i18n';
import type { OmittedData, PageChaptersReply, PageEpisode, PageMaterial } from '../sites/types';
import { PAGE_LIMITS } from '../page-chapters/collect';

/*
 * The content script's side of reading a page's chapters: it sends what it collected to the
 * background (page-readers.ts), which checks the material with zod and answers only with chapters
 * it has checked and bounded itself, made into the episode the sidebar shows. The reply is its own
 * code's, so it is trusted as the rest of the protocol is (see messaging.ts); only a missing or
 * refused answer is told apart.
 */

/**
 * The chapters in the background's reply; null for none yet (a refusal or no reply alike); false
 * for none when the page seems settled (PageChaptersReply), to be read again only now and then.
 */
export function readPageChaptersReply(reply: PageChaptersReply | null | undefined): PageEpisode | null | false {
  return reply?.ok ? (reply.page ?? (reply.settled ? false : null)) : null;
}

/**
 * The chapters the background reads in `material`, or null: when it finds none, refuses the
 * material or cannot be reached (the extension may be updating). A refusal's message, or the note
 * of a reply that could not read all the page's data, goes to `onRefused`, for the person to see
 * why. Never rejects.
 */
export function requestPageChapters(material: PageMaterial, onRefused?: (message: string) => void): Promise<PageEpisode | null | false> {
  return sendMessage('readPageChapters', material).then(
    (reply) => {
      const said = reply?.ok ? reply.note : reply?.message;
      if (said) onRefused?.(said);
      return readPageChaptersReply(reply);
    },
    () => null,
  );
}

/**
 * Something that could be a chapter's time ("4:30", "1:02:03"): every page reader needs at least
 * PAGE_LIMITS.minChapters of them in what it reads as text (a description, a panel's times, show
 * notes). Only the inline data holds times as numbers, and it is never checked here. Counted in
 * the whole material's JSON: a time in the title only makes one message more.
 */
const TIME = /\d:\d\d/g;
const mayHoldChapters = (json: string) => (json.match(TIME)?.length ?? 0) >= PAGE_LIMITS.minChapters;

/**
 * `requestPageChapters` for one session, without the messages that cannot change its answer: the
 * background's reading depends on the material alone, so material equal to the last one answered
 * gets that answer again (a page is read again whenever it changes, mostly elsewhere than its
 * description; each message costs the page a channel, the browser its routing and the worker a
 * parse). "None yet", no reply and a refusal are asked again. Material without two times in it is
 * not sent at all: none of it could be chapters. It reads as "none yet" (null), or as a settled
 * page (false) when `settled` says the page shows all it will (the adapter's word) or only an
 * alternative to a library episode is looked for. Material carrying the page's inline data
 * (`whole`) is always sent.
 */
export function createPageChapterAsker(onRefused?: (message: string) => void) {
  let last: { key: string; answer: PageEpisode | false } | null = null;
  return async (material: PageMaterial, options: { whole?: boolean; settled?: boolean } = {}): Promise<PageEpisode | null | false> => {
    if (options.whole) return requestPageChapters(material, onRefused);
    const key = JSON.stringify(material);
    if (last?.key === key) return last.answer;
    if (!mayHoldChapters(key)) return options.settled ? false : null;
    const answer = await requestPageChapters(material, onRefused);
    if (answer !== null) last = { key, answer };
    return answer;
  };
}

/** Why the page's data was left out, in words for the person ("… too large … 8.0 MB; … at most 2.5 MB …"). */
export function describeOmitted(omitted: readonly OmittedData[]): string {
  const megabytes = (chars: number) => (chars / 1_000_000).toFixed(1);
  return omitted.map(({ chars, limit }) => t('pageDataTooLarge', megabytes(chars), megabytes(limit))).join(' ');
}
