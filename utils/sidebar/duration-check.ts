import type { EpisodeMatch } from '../messaging/protocol';
import type { EpisodeRef, Player } from '../sites/types';
import { childController } from './child-abort';

/**
 * Whether a match holds whatever the media's length: made by the media's address (its id in the
 * library, or the person's link). Its own export, so the content script asks it without loading
 * the extras, where `verifyDuration` lives (a match by id never needs them at load).
 */
export const holdsWhateverTheLength = (match: EpisodeMatch): boolean =>
  !!match.linked || !!match.reasons?.some((reason) => (reason.signal === 'media-id' || reason.signal === 'link') && reason.agrees);

/**
 * A title match is re-checked against the media's length once the media knows it. A match that
 * holds whatever the length costs no second look-up (one more message on each navigation to a
 * library episode).
 */
export function verifyDuration(
  findEpisode: (ref: EpisodeRef) => Promise<EpisodeMatch | null>,
  ref: EpisodeRef,
  match: EpisodeMatch,
  player: Player,
  controller: AbortController,
) {
  if (holdsWhateverTheLength(match)) return;
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
