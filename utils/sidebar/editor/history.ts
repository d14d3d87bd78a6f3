import { computed, signal, type ReadonlySignal } from '@preact/signals-core';
import type { DraftChapters } from './draft';

/**
 * Undo and redo over whole lists: every change is a new list, so a step back is the list before.
 * Typing in one field is one step, not one per keystroke: a change with the same `group` as the
 * one before replaces it on the undo stack instead of adding to it.
 */
export interface EditHistory {
  chapters: ReadonlySignal<DraftChapters>;
  canUndo: ReadonlySignal<boolean>;
  canRedo: ReadonlySignal<boolean>;
  apply(next: DraftChapters, group?: string): void;
  /** Ends a typing group, so the next keystroke in the field is a new step (blur, Enter). */
  seal(): void;
  undo(): boolean;
  redo(): boolean;
  /** Takes a list from elsewhere (another tab's save) as one step that undo can take back. */
  replace(next: DraftChapters): void;
}

/** Far more than anyone undoes; the oldest steps go first. */
const MAX_STEPS = 500;

export function createEditHistory(initial: DraftChapters): EditHistory {
  const chapters = signal<DraftChapters>(initial);
  const past = signal<DraftChapters[]>([]);
  const future = signal<DraftChapters[]>([]);
  let openGroup: string | undefined;

  const push = (previous: DraftChapters) => {
    past.value = [...past.peek().slice(-(MAX_STEPS - 1)), previous];
    future.value = [];
  };

  return {
    chapters,
    canUndo: computed(() => past.value.length > 0),
    canRedo: computed(() => future.value.length > 0),
    apply(next, group) {
      if (group === undefined || group !== openGroup || past.peek().length === 0) push(chapters.peek());
      else future.value = [];
      openGroup = group;
      chapters.value = next;
    },
    seal() {
      openGroup = undefined;
    },
    undo() {
      const steps = past.peek();
      const previous = steps[steps.length - 1];
      if (!previous) return false;
      openGroup = undefined;
      past.value = steps.slice(0, -1);
      future.value = [...future.peek(), chapters.peek()];
      chapters.value = previous;
      return true;
    },
    redo() {
      const steps = future.peek();
      const next = steps[steps.length - 1];
      if (!next) return false;
      openGroup = undefined;
      future.value = steps.slice(0, -1);
      past.value = [...past.peek(), chapters.peek()];
      chapters.value = next;
      return true;
    },
    replace(next) {
      openGroup = undefined;
      push(chapters.peek());
      chapters.value = next;
    },
  };
}
