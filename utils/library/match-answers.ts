import { t } from '../i18n';
import type { LibraryItem } from './library';
import type { LibraryBooks } from './library-state';
import type { Links } from './links';
import { episodeRefSchema } from './episode-ref-schema';
import { loadRefusals, saveRefusal } from './refusals';
import { answerSchema, failure, invalidRequest } from './requests';
import type { LibraryResult, MatchReport } from '../messaging/protocol';

/**
 * The person's answer to a plausible match ("Show chapters" / "Not this one"): a link, which the
 * library's change makes every tab of that media show, or a refusal, never asked again.
 */
export async function answerMatch(
  books: LibraryBooks,
  data: unknown,
  changeLinks: (change: (links: Links) => Links) => Promise<void>,
): Promise<LibraryResult> {
  const request = answerSchema.safeParse(data);
  if (!request.success) return invalidRequest(request.error);
  const { site, mediaId, episodeId, accept } = request.data;
  const current = await books.current();
  if (!current.library.get(episodeId)) return { ok: false, message: t('episodeGone') };
  try {
    if (accept) await changeLinks((links) => ({ ...links, [`${site}:${mediaId}`]: episodeId }));
    else await saveRefusal(`${site}:${mediaId}`, episodeId);
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

/** The library's whole judgement of a tab's media, also when nothing matched, for the popup. */
export async function explainMatch(books: LibraryBooks, data: unknown): Promise<MatchReport | null> {
  const ref = episodeRefSchema.safeParse(data);
  if (!ref.success) return null;
  const outcome = (await books.current()).library.explain(ref.data, await loadRefusals());
  const about = (item: LibraryItem) => ({ id: item.id, show: item.show, title: item.title });
  if (outcome.episode) return { verdict: outcome.verdict, score: outcome.score, episode: about(outcome.episode), reasons: outcome.reasons };
  return {
    verdict: null,
    score: 0,
    episode: outcome.nearest ? about(outcome.nearest.episode) : null,
    reasons: outcome.nearest?.reasons ?? [],
    why: outcome.why,
  };
}
