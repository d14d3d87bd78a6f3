import type { Episode } from '../../chapters/schema';

/** What the background answers to a save: the episode's new revision, and what it replaced if another tab had saved since. */
export type EditSaveReply = { ok: true; revision: number; replaced: Episode | null } | { ok: false; message: string };

export interface EditSaver {
  /** A change happened: it is saved within `delay`, however fast the person keeps typing. */
  schedule(): void;
  /** Saves what is pending now (blur, Enter, pagehide, Done). */
  flush(): Promise<void>;
  /** Whether a change is waiting or being saved. */
  pending(): boolean;
  /** The revision the next save expects to replace; null while the episode is not stored yet. */
  revision(): number | null;
}

export interface EditSaverOptions {
  /** Sends the editor's current episode, saying which revision it was made on. */
  send(base: number | null): Promise<EditSaveReply>;
  initialRevision: number | null;
  onReply(reply: EditSaveReply): void;
  /**
   * Milliseconds from the first unsaved change to its save. Not a debounce that restarts on each
   * keystroke: with one, steady typing would never be saved, and a crash would lose all of it.
   */
  delay?: number;
}

/**
 * Saves the editor's changes as they happen, one save at a time, the last one winning. It holds a
 * timer only while a change waits, so an editor left open while the media is paused costs nothing.
 */
export function createEditSaver({ send, initialRevision, onReply, delay = 250 }: EditSaverOptions): EditSaver {
  let revision = initialRevision;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  let running: Promise<void> | null = null;

  async function run(): Promise<void> {
    while (dirty) {
      dirty = false;
      let reply: EditSaveReply;
      try {
        reply = await send(revision);
      } catch (error) {
        reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
      if (reply.ok) revision = reply.revision;
      onReply(reply);
    }
  }

  function start(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    schedule() {
      dirty = true;
      if (timer === undefined && !running) timer = setTimeout(() => void start(), delay);
    },
    async flush() {
      // A save in flight ends with whatever is dirty, then this one finds nothing left.
      if (running) await running;
      if (dirty) await start();
    },
    pending: () => dirty || running !== null,
    revision: () => revision,
  };
}
