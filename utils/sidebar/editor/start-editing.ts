import type { Signal } from '@preact/signals-core';
import type { Chapter, Episode } from '../../chapters/schema';
import { t } from '../../i18n';
import { sendMessage } from '../../messaging/protocol';
import type { EpisodeRef, Player } from '../../sites/types';
import { childController } from '../child-abort';
import type { SidebarState } from '../state';
import { createEditor } from './editor';

/**
 * The id of an episode the person makes for a media: stable, so that "Make chapters" on the same
 * video after a reload finds the same episode, and apart from any imported id.
 */
export function madeEpisodeId(ref: EpisodeRef): string {
  const key = ref.mediaId ?? (ref.title ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  return `mine-${ref.site}-${key || 'media'}`.slice(0, 200);
}

/** A new episode for this media, named after it, with no chapters yet (it is stored with its first). */
export function newEpisodeFor(ref: EpisodeRef): Episode {
  return {
    id: madeEpisodeId(ref),
    show: ref.show?.trim() ?? '',
    title: ref.title?.trim() || t('untitledEpisode'),
    altTitles: [],
    ids: ref.mediaId ? { [ref.site]: [ref.mediaId] } : {},
    offsets: {},
    ...(ref.duration ? { duration: ref.duration } : {}),
    chapters: [],
  };
}

export interface EditStart {
  state: SidebarState;
  /** The chapters shown: a library episode's as they are (bundled ones keep their id, so the copy stands in), or a page's copied into a new one. */
  episode: Episode;
  fromPage: boolean;
  ref: EpisodeRef;
  player: Player;
  chapterSource: Signal<readonly Chapter[]>;
  /** Shows the saved episode afresh after Done. */
  restart(): void;
  lifetime: AbortSignal;
}

/** Opens the editor in a shown sidebar; the list, the highlight and seeking keep working on the draft. */
export async function startEditing({ state, episode, fromPage, ref, player, chapterSource, restart, lifetime }: EditStart): Promise<void> {
  if (state.editor.peek() || lifetime.aborted) return;
  const editable: Episode = fromPage ? { ...newEpisodeFor(ref), chapters: episode.chapters } : episode;
  // Saved before, by this tab or another: the next save names the revision it was made on.
  const revision = await sendMessage('editRevision', { id: editable.id }).catch(() => null);
  if (lifetime.aborted || state.editor.peek()) return;
  const controller = childController(lifetime);
  state.collapsed.value = false;
  state.editor.value = createEditor({
    episode: editable,
    clock: state.clock,
    showChapters(chapters) {
      chapterSource.value = chapters;
      state.clock.sync();
    },
    mediaDuration: () => player.duration() ?? editable.duration,
    onDone() {
      controller.abort();
      state.editor.value = null;
      restart();
    },
    lifetime: controller.signal,
    initialRevision: revision,
  });
}
