import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromDraft, toDraft, type DraftChapters } from '../../../../utils/sidebar/editor/draft';
import {
  addBullet,
  addChapter,
  deleteChapter,
  moveBullet,
  nudgeStart,
  removeBullet,
  setBullet,
  setDescription,
  setStart,
  setTitle,
} from '../../../../utils/sidebar/editor/edits';
import { createEditHistory } from '../../../../utils/sidebar/editor/history';
import { createEditSaver, type EditSaveReply } from '../../../../utils/sidebar/editor/saver';
import { makeEpisode } from '../../library-fixtures';

const shape = (chapters: DraftChapters) =>
  chapters.map(({ start, title, description, bullets }) => ({ start, title, description, bullets }));

describe('the editor’s changes', () => {
  it('add chapters at the current time in time order, and keep each one’s key while its start moves', () => {
    const added = addChapter([], 61.23456);
    const first = added.key;
    const second = addChapter(added.chapters, 12);
    let chapters = second.chapters;
    expect(chapters.map((chapter) => chapter.start)).toEqual([12, 61.235]);
    chapters = setStart(chapters, first, 5);
    expect(chapters.map((chapter) => chapter.key)).toEqual([first, second.key]);
    chapters = nudgeStart(chapters, first, -10);
    expect(chapters[0]!.start).toBe(0);
    chapters = nudgeStart(chapters, first, +1);
    expect(chapters[0]!.start).toBe(1);
  });

  it('write titles, descriptions and bullets (add, edit, remove, reorder), and delete chapters', () => {
    const added = addChapter([], 0);
    const key = added.key;
    let chapters = setTitle(added.chapters, key, 'Intro');
    chapters = setDescription(chapters, key, 'Who is who');
    chapters = addBullet(addBullet(addBullet(chapters, key), key), key);
    chapters = setBullet(setBullet(setBullet(chapters, key, 0, 'one'), key, 1, 'two'), key, 2, 'three');
    chapters = moveBullet(chapters, key, 2, -1);
    chapters = moveBullet(chapters, key, 0, -1);
    chapters = removeBullet(chapters, key, 0);
    expect(shape(chapters)).toEqual([{ start: 0, title: 'Intro', description: 'Who is who', bullets: ['three', 'two'] }]);
    expect(deleteChapter(chapters, key)).toEqual([]);
  });

  it('store an untitled chapter under "Chapter N" and leave blank bullets out', () => {
    const { chapters } = addChapter(addBullet(addChapter([], 0).chapters, 0), 30);
    const episode = fromDraft(
      makeEpisode(),
      setBullet(addBullet(chapters, chapters[0]!.key), chapters[0]!.key, 0, ' '),
      (n) => `Chapter ${n}`,
      600,
    );
    expect(episode.chapters.map((chapter) => [chapter.title, chapter.bullets])).toEqual([
      ['Chapter 1', []],
      ['Chapter 2', []],
    ]);
    expect(episode.duration).toBe(600);
  });

  it('edit a library episode’s chapters from their starts (ends from a file are left to the next start)', () => {
    const draft = toDraft(makeEpisode().chapters);
    expect(draft).toHaveLength(3);
    expect(fromDraft(makeEpisode(), draft, String).chapters.every((chapter) => chapter.end === undefined)).toBe(true);
  });
});

describe('undo and redo', () => {
  it('take back every change and put it back, typing in one field being one step', () => {
    const history = createEditHistory([]);
    const added = addChapter(history.chapters.value, 10);
    history.apply(added.chapters);
    for (const text of ['I', 'In', 'Int', 'Intro']) history.apply(setTitle(history.chapters.value, added.key, text), `title:${added.key}`);
    history.seal();
    history.apply(nudgeStart(history.chapters.value, added.key, 1));
    expect(shape(history.chapters.value)).toEqual([{ start: 11, title: 'Intro', description: '', bullets: [] }]);
    expect(history.undo()).toBe(true);
    expect(history.chapters.value[0]!.start).toBe(10);
    expect(history.undo()).toBe(true);
    expect(history.chapters.value[0]!.title).toBe('');
    expect(history.undo()).toBe(true);
    expect(history.chapters.value).toEqual([]);
    expect(history.undo()).toBe(false);
    expect(history.canRedo.value).toBe(true);
    history.redo();
    history.redo();
    expect(history.chapters.value[0]!.title).toBe('Intro');
    // A new change drops what could be redone.
    history.apply(deleteChapter(history.chapters.value, added.key));
    expect(history.canRedo.value).toBe(false);
  });
});

describe('saving as the person edits', () => {
  afterEach(() => vi.useRealTimers());

  it('saves within the delay however fast the typing goes, holds no timer when nothing waits, and keeps the revision', async () => {
    vi.useFakeTimers();
    const sent: Array<number | null> = [];
    const replies: EditSaveReply[] = [];
    const saver = createEditSaver({
      send: async (base) => {
        sent.push(base);
        return { ok: true, revision: (base ?? 0) + 1, replaced: null };
      },
      initialRevision: null,
      onReply: (reply) => replies.push(reply),
      delay: 250,
    });
    expect(vi.getTimerCount()).toBe(0);
    // A keystroke every 100 ms for a second: saved every 250 ms, not only when the typing stops.
    for (let i = 0; i < 10; i++) {
      saver.schedule();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(sent.length).toBeGreaterThanOrEqual(3);
    await saver.flush();
    expect(saver.pending()).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
    expect(sent[0]).toBeNull();
    expect(sent.slice(1)).toEqual(sent.slice(1).map((_, i) => i + 1));
    expect(saver.revision()).toBe(sent.length);
  });

  it('flushes at once, and reports a refused save', async () => {
    const replies: EditSaveReply[] = [];
    const saver = createEditSaver({
      send: () => Promise.reject(new Error('gone')),
      initialRevision: 4,
      onReply: (reply) => replies.push(reply),
    });
    saver.schedule();
    await saver.flush();
    expect(replies).toEqual([{ ok: false, message: 'gone' }]);
    expect(saver.revision()).toBe(4);
  });
});
