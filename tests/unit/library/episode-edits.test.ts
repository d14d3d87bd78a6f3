import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseChapterFile } from '../../../utils/chapters/detect';
import { loadBundledEpisodes } from '../../../utils/library/bundled-episodes';
import { createLibraryService, type LibraryService } from '../../../utils/library/service';
import { makeEpisode } from '../library-fixtures';

const bundled = loadBundledEpisodes();
const original = bundled[0]!;
let services: LibraryService[] = [];
const start = () => {
  const service = createLibraryService({ bundled });
  services.push(service);
  return service;
};

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  services.forEach((service) => service.close());
  services = [];
});

describe('saving the editor’s episode', () => {
  it('creates a new episode linked to its media, then raises its revision with each save', async () => {
    const service = start();
    const made = makeEpisode({ id: 'mine-youtube-VideoOne111', ids: { youtube: ['VideoOne111'] }, title: 'A video without chapters' }, 1);
    expect(await service.editRevision({ id: made.id })).toBeNull();
    expect(await service.saveEdit({ episode: made, base: null })).toEqual({ ok: true, revision: 1, replaced: null });
    const renamed = { ...made, chapters: [{ ...made.chapters[0]!, title: 'Intro' }] };
    expect(await service.saveEdit({ episode: renamed, base: 1 })).toEqual({ ok: true, revision: 2, replaced: null });
    // After a restart of the background, the page finds it by its media id.
    const again = start();
    expect((await again.findEpisode({ site: 'youtube', mediaId: 'VideoOne111' }))?.episode.chapters[0]?.title).toBe('Intro');
    expect(await again.editRevision({ id: made.id })).toBe(2);
  });

  it('saves an edit of a bundled episode as the person’s own, which stands in for it; the original is kept', async () => {
    const service = start();
    const edited = { ...original, chapters: [{ ...original.chapters[0]!, title: 'My own title' }, ...original.chapters.slice(1)] };
    expect(await service.saveEdit({ episode: edited, base: null })).toMatchObject({ ok: true, revision: 1 });
    expect((await service.findEpisode({ site: 'youtube', mediaId: 'C6Zpjij5AF4' }))?.episode.chapters[0]?.title).toBe('My own title');
    const entry = (await service.listLibrary()).entries.find((candidate) => candidate.id === original.id);
    expect(entry).toMatchObject({ origin: 'imported', replacesBundled: true });
    // Every chapter deleted: the copy goes and the bundled original shows again.
    expect(await service.saveEdit({ episode: { ...edited, chapters: [] }, base: 1 })).toMatchObject({ ok: true, replaced: null });
    expect((await service.findEpisode({ site: 'youtube', mediaId: 'C6Zpjij5AF4' }))?.episode).toEqual(original);
  });

  it('says what a save made on an older revision replaced (another tab saved in between)', async () => {
    const service = start();
    const made = makeEpisode({ id: 'mine-youtube-VideoTwo222' }, 2);
    await service.saveEdit({ episode: made, base: null });
    const tabA = { ...made, title: 'Tab A' };
    const tabB = { ...made, title: 'Tab B' };
    expect(await service.saveEdit({ episode: tabA, base: 1 })).toEqual({ ok: true, revision: 2, replaced: null });
    expect(await service.saveEdit({ episode: tabB, base: 1 })).toEqual({ ok: true, revision: 3, replaced: tabA });
  });

  it('refuses what the schema refuses, saying where, and changes nothing', async () => {
    const service = start();
    const made = makeEpisode({ id: 'mine-x' }, 2);
    const bad = { ...made, chapters: [{ ...made.chapters[0]!, start: -5 }] };
    const reply = await service.saveEdit({ episode: bad, base: null });
    expect(reply).toMatchObject({ ok: false });
    expect(reply.ok ? '' : reply.message).toContain('chapters[0].start');
    expect(await service.editRevision({ id: 'mine-x' })).toBeNull();
    expect(await service.saveEdit({ episode: made, base: 'one' })).toMatchObject({ ok: false });
  });
});

describe('a new episode for "Make chapters"', () => {
  it('is named after the media and linked to it by its id, with no chapters yet; a bad reference gets none', () => {
    const service = start();
    expect(service.newEpisode({ site: 'youtube', mediaId: 'dQw4w9WgXcQ', title: ' Some other video ', duration: 300 })).toEqual({
      id: 'mine-youtube-dQw4w9WgXcQ',
      show: '',
      title: 'Some other video',
      altTitles: [],
      ids: { youtube: ['dQw4w9WgXcQ'] },
      offsets: {},
      duration: 300,
      chapters: [],
    });
    expect(service.newEpisode({ site: 'spotify', title: 'An Episode: Part 2' })?.id).toBe('mine-spotify-an-episode-part-2');
    expect(service.newEpisode({ site: 42 })).toBeNull();
  });
});

describe('exports for the sidebar', () => {
  it('writes a library episode in each format, named after it, and the file imports back', async () => {
    const service = start();
    const reply = await service.exportEpisode({ id: original.id, format: 'webvtt' });
    if (!reply.ok) throw new Error(reply.message);
    expect(reply.fileName).toMatch(/\.chapters\.vtt$/);
    const back = parseChapterFile(reply.text, { fileName: reply.fileName });
    expect(back.ok && back.episodes[0]!.chapters.map((chapter) => chapter.start)).toEqual(
      original.chapters.map((chapter) => chapter.start),
    );
    expect(await service.exportEpisode({ id: 'nope', format: 'webvtt' })).toMatchObject({ ok: false });
    expect(await service.exportEpisode({ id: original.id, format: 'docx' })).toMatchObject({ ok: false });
  });
});
