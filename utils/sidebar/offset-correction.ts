import type { Episode } from '../chapters/schema';
import { sendMessage } from '../messaging/protocol';
import type { EpisodeRef } from '../sites/types';

/*
 * The sidebar's side of timing corrections. The corrections themselves live in storage that the
 * background reads and writes (offsets.ts): it sends the saved one with the episode it matched and
 * validates every change, so the content scripts carry no storage code for them.
 */

/**
 * Whether the media may run on another timeline than the chapters: always, except when the page
 * plays the very media the chapters were written for (its id is listed for that site) and the
 * episode declares no offset there. Decided from data alone, so it holds for every site.
 */
export function isOffsetAdjustable(episode: Episode, ref: EpisodeRef): boolean {
  const ownMedia = ref.mediaId !== undefined && (episode.ids[ref.site] ?? []).includes(ref.mediaId);
  return !ownMedia || Object.hasOwn(episode.offsets, ref.site);
}

/** What the sidebar needs to correct the offset and remember it. */
export interface OffsetCorrection {
  /** The episode's own estimate for this site, which "Reset" returns to. */
  defaultOffset: number;
  /** Remembers a correction for the episode on this site; null forgets it. */
  save(seconds: number | null): void;
}

export function createOffsetCorrection(
  episodeId: string,
  site: string,
  defaultOffset: number,
  onSave?: (seconds: number | null) => void,
): OffsetCorrection {
  return {
    defaultOffset,
    save(seconds) {
      onSave?.(seconds);
      sendMessage('saveOffset', { episodeId, site, seconds }).catch((error: unknown) =>
        console.warn('[Chapterbar] offset not saved', error),
      );
    },
  };
}
