import type { EpisodeMatch } from '../messaging/protocol';
import type { EpisodeRef, Player } from '../sites/types';
import { childController } from './child-abort';

/**
 * A title match is re-checked against the media's length once the media knows it. A match made by
 * the media's address (its id in the library, or the person's link) holds whatever the length, so
 * it costs no second look-up (one more message on each navigation to a library episode).
 */
export function verifyDuration(
  findEpisode: (ref: EpisodeRef) => Promise<EpisodeMatch | null>,
  ref: EpisodeRef,
  match: EpisodeMatch,
  player: Player,
  controller: AbortController,
) {
  if (match.linked || match.reasons?.some((reason) => (reason.signal === 'media-id' || reason.signal === 'link') && reason.agrees)) return;
  const waiting = childController(controller.signal);
  const check = () => {
    const duration = player.duration();
    if (duration === undefined || waiting.signal.aborted) return;
    waiting.abort();
    findEpisode({ ...ref, duration }).then(
      (again) => {
        if (again?.episode.id !== match.episode.id) controller.abort();
      },
      // No answer (the extension is being updated): the sidebar shown stays.
      () => {},
    );
  };
  player.onChange(check, waiting.signal);
  check();
}
