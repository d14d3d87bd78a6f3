import { newKey, roundStart, sortByStart, type DraftChapter, type DraftChapters } from './draft';

/**
 * Every change the editor makes, as a pure function from one list to the next: what undo and redo
 * replay, and what the unit tests check. A chapter is named by its key, never by its index,
 * because a start that moves re-sorts the list.
 */

const update = (chapters: DraftChapters, key: number, change: (chapter: DraftChapter) => DraftChapter): DraftChapter[] =>
  chapters.map((chapter) => (chapter.key === key ? change(chapter) : chapter));

export function addChapter(chapters: DraftChapters, start: number): { chapters: DraftChapter[]; key: number } {
  const key = newKey();
  const added: DraftChapter = { key, start: roundStart(start), title: '', description: '', bullets: [] };
  // After every chapter at the same start, so the new one is last among equals.
  return { chapters: sortByStart([...chapters, added]), key };
}

export const setStart = (chapters: DraftChapters, key: number, start: number) =>
  sortByStart(update(chapters, key, (chapter) => ({ ...chapter, start: roundStart(start) })));

export const nudgeStart = (chapters: DraftChapters, key: number, seconds: number) => {
  const chapter = chapters.find((candidate) => candidate.key === key);
  return chapter ? setStart(chapters, key, chapter.start + seconds) : [...chapters];
};

export const setTitle = (chapters: DraftChapters, key: number, title: string) =>
  update(chapters, key, (chapter) => ({ ...chapter, title }));

export const setDescription = (chapters: DraftChapters, key: number, description: string) =>
  update(chapters, key, (chapter) => ({ ...chapter, description }));

export const addBullet = (chapters: DraftChapters, key: number) =>
  update(chapters, key, (chapter) => ({ ...chapter, bullets: [...chapter.bullets, ''] }));

export const setBullet = (chapters: DraftChapters, key: number, index: number, text: string) =>
  update(chapters, key, (chapter) => ({ ...chapter, bullets: chapter.bullets.map((bullet, i) => (i === index ? text : bullet)) }));

export const removeBullet = (chapters: DraftChapters, key: number, index: number) =>
  update(chapters, key, (chapter) => ({ ...chapter, bullets: chapter.bullets.filter((_, i) => i !== index) }));

/** Moves a bullet up (-1) or down (+1); at either end it stays. */
export function moveBullet(chapters: DraftChapters, key: number, index: number, by: -1 | 1): DraftChapter[] {
  return update(chapters, key, (chapter) => {
    const target = index + by;
    if (target < 0 || target >= chapter.bullets.length) return chapter;
    const bullets = [...chapter.bullets];
    [bullets[index], bullets[target]] = [bullets[target]!, bullets[index]!];
    return { ...chapter, bullets };
  });
}

export const deleteChapter = (chapters: DraftChapters, key: number) => chapters.filter((chapter) => chapter.key !== key);
