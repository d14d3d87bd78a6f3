import { sendMessage } from '../messaging/protocol';
import { t } from '../i18n';
import type { OmittedData, PageChaptersReply, PageEpisode, PageMaterial } from '../sites/types';

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

/** Why the page's data was left out, in words for the person ("… too large … 8.0 MB; … at most 2.5 MB …"). */
export function describeOmitted(omitted: readonly OmittedData[]): string {
  const megabytes = (chars: number) => (chars / 1_000_000).toFixed(1);
  return omitted.map(({ chars, limit }) => t('pageDataTooLarge', megabytes(chars), megabytes(limit))).join(' ');
}
