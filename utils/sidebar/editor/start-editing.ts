import type { Signal } from '@preact/signals-core';
import type { Chapter, Episode } from '../../chapters/schema';
import { sendMessage } from '../../messaging/protocol';
import type { EpisodeRef, Player } from '../../sites/types';
import { childController } from '../child-abort';
import type { SidebarState } from '../state';
import { createEditor } from './editor';
import { t } from '../../i18n';

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
  const made = fromPage ? await sendMessage('newEpisode', ref).catch(() => null) : null;
  if (fromPage && !made) {
    state.notice.value = t('editorUnavailable');
    return;
  }
  const editable: Episode = made ? { ...made, chapters: episode.chapters } : episode;
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
