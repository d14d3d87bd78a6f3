import type { EpisodeMatch } from '../messaging/protocol';
import type { EpisodeRef, Player } from '../sites/types';
import { childController } from './child-abort';

/** A title match is re-checked against the media's length once the media knows it. */
export function verifyDuration(
  findEpisode: (ref: EpisodeRef) => Promise<EpisodeMatch | null>,
  ref: EpisodeRef,
  match: EpisodeMatch,
  player: Player,
  controller: AbortController,
) {
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
