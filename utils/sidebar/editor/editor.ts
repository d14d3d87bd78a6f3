import { computed, effect, signal, type ReadonlySignal, type Signal } from '@preact/signals-core';
import { checkChapters, type ChapterWarning } from '../../chapters/chapter-checks';
import type { ExportFormat } from '../../chapters/export/types';
import type { Chapter, Episode } from '../../chapters/schema';
import { t } from '../../i18n';
import { sendMessage } from '../../messaging/protocol';
import type { ChapterClock } from '../chapter-clock';
import { fromDraft, toDraft, type DraftChapters } from './draft';
import { addChapter } from './edits';
import { createEditHistory, type EditHistory } from './history';
import { createEditSaver, type EditSaveReply, type EditSaver } from './saver';

/** Something the editor tells the person: a failed save, or another tab's save it replaced (with undo). */
export interface EditorNotice {
  text: string;
  undo?: () => void;
  alert?: boolean;
}

export interface EditorState {
  episodeId: string;
  history: EditHistory;
  warnings: ReadonlySignal<readonly ChapterWarning[]>;
  notice: Signal<EditorNotice | null>;
  /** The chapter whose title box takes focus when it renders (one just added). */
  focusKey: Signal<number | null>;
  /** Every change goes through here: into the undo history, then saved. */
  change(next: DraftChapters, group?: string): void;
  undo(): void;
  redo(): void;
  /** A chapter at the playing time; returns its key. */
  addHere(): number;
  /** The playing time on the chapters' timeline. */
  now(): number;
  seek(seconds: number): void;
  flush(): Promise<void>;
  exportAs(
    format: ExportFormat,
  ): Promise<{ ok: true; text: string; fileName: string; mime: string; notes: string[] } | { ok: false; message: string }>;
  done(): Promise<void>;
}

export interface EditorOptions {
  episode: Episode;
  clock: ChapterClock;
  /** Where the sidebar's list and highlight take their chapters from while editing. */
  showChapters(chapters: readonly Chapter[]): void;
  mediaDuration(): number | undefined;
  /** After Done: the sidebar shows the saved episode as any library episode. */
  onDone(): void;
  lifetime: AbortSignal;
  /** For tests: the save round trip (the background's saveEdit by default). */
  send?: (episode: Episode, base: number | null) => Promise<EditSaveReply>;
  initialRevision?: number | null;
}

const untitled = (number: number) => t('chapterNumber', number);

/**
 * One edit of one episode in the sidebar: the draft with its undo history, the checks shown
 * beside each chapter, and the saves. Nothing here ticks: the saver's timer exists only while a
 * change waits to be saved.
 */
export function createEditor(options: EditorOptions): EditorState {
  const { episode, clock, lifetime } = options;
  const history = createEditHistory(toDraft(episode.chapters));
  const notice = signal<EditorNotice | null>(null);
  const focusKey = signal<number | null>(null);
  const current = () => fromDraft(episode, history.chapters.peek(), untitled, options.mediaDuration());
  const send = options.send ?? ((edited, base) => sendMessage('saveEdit', { episode: edited, base }));

  const saver: EditSaver = createEditSaver({
    send: (base) => send(current(), base),
    initialRevision: options.initialRevision ?? null,
    onReply(reply) {
      if (!reply.ok) notice.value = { text: t('editSaveFailed', reply.message), alert: true };
      else if (reply.replaced) {
        const replaced = reply.replaced;
        notice.value = {
          text: t('editReplacedOther', replaced.chapters.length),
          undo: () => change(toDraft(replaced.chapters)),
        };
      } else if (notice.peek()?.alert) notice.value = null;
    },
  });

  function change(next: DraftChapters, group?: string) {
    if (lifetime.aborted) return;
    history.apply(next, group);
    saver.schedule();
  }

  // The list, the highlight and seeking follow the draft as it changes.
  const stopShowing = effect(() => {
    options.showChapters(fromDraft(episode, history.chapters.value, untitled).chapters);
  });
  // A reload or a closed tab: what waits is sent now (the message leaves before the page goes).
  const flushNow = () => void saver.flush();
  addEventListener('pagehide', flushNow, { signal: lifetime });
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flushNow(), { signal: lifetime });
  lifetime.addEventListener(
    'abort',
    () => {
      stopShowing();
      flushNow();
    },
    { once: true },
  );

  const warnings = computed(() => checkChapters(history.chapters.value, options.mediaDuration()));

  return {
    episodeId: episode.id,
    history,
    warnings,
    notice,
    focusKey,
    change,
    undo() {
      if (history.undo()) saver.schedule();
    },
    redo() {
      if (history.redo()) saver.schedule();
    },
    addHere() {
      const added = addChapter(history.chapters.peek(), Math.max(0, clock.currentTime()));
      history.seal();
      change(added.chapters);
      focusKey.value = added.key;
      return added.key;
    },
    now: () => Math.max(0, clock.currentTime()),
    seek: (seconds) => clock.seekTo(seconds),
    flush: () => saver.flush(),
    async exportAs(format) {
      await saver.flush();
      if (saver.revision() === null) return { ok: false, message: t('editNothingToExport') };
      return sendMessage('exportEpisode', { id: episode.id, format });
    },
    async done() {
      await saver.flush();
      options.onDone();
    },
  };
}
