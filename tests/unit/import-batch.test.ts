import { describe, expect, it } from 'vitest';
import {
  buildSaveRequest,
  formatBytes,
  formatLabel,
  markSuperseded,
  MAX_FILE_BYTES,
  problemPlace,
  problemSentence,
  readFiles,
  readImportInput,
} from '../../utils/options/import-batch';
import { chapFrame, id3Tag, textFrame } from './embedded/builders';
import type { LibraryEntry } from '../../utils/messaging/protocol';

const timestamps = (title: string) => `${title}\n0:00 Intro\n1:00 Middle part\n2:00 The end`;
const vtt = 'WEBVTT\n\n00:00:00.000 --> 00:01:00.000\nOpening\n\n00:01:00.000 --> 00:00:30.000\nBackwards\n';

const libraryEntry = (id: string, origin: 'bundled' | 'imported'): LibraryEntry => ({
  id,
  show: '',
  title: 'Already here',
  altTitles: [],
  chapterCount: 1,
  duration: null,
  origin,
  replacesBundled: false,
  importedAt: origin === 'imported' ? 1 : null,
  source: null,
  ids: {},
  links: [],
  offsets: {},
  url: null,
});

describe('readImportInput', () => {
  it('parses a file with the format parsers and notes what it replaces', () => {
    const first = readImportInput({ name: 'a.txt', text: timestamps('x') }, []);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const id = first.episodes[0]!.episode.id;
    const again = readImportInput({ name: 'a.txt', text: timestamps('x') }, [libraryEntry(id, 'imported')]);
    expect(again.ok && again.episodes[0]!.replaces?.id).toBe(id);
  });

  it('keeps every problem of a refused file, with its line', () => {
    const item = readImportInput({ name: 'broken.vtt', text: vtt }, []);
    expect(item).toMatchObject({
      ok: false,
      format: 'webvtt',
      problems: [{ line: 6, message: 'this chapter ends at 0:30, which is not after its start at 1:00' }],
    });
  });
});

describe('an import of several files', () => {
  it('saves nothing while any file is refused', () => {
    const good = readImportInput({ name: 'good.txt', text: timestamps('x') }, []);
    const bad = readImportInput({ name: 'broken.vtt', text: vtt }, []);
    expect(buildSaveRequest([good, bad])).toBeNull();
    expect(buildSaveRequest([])).toBeNull();
    expect(buildSaveRequest([good])?.episodes).toEqual([
      { episode: good.ok && good.episodes[0]!.episode, source: { fileName: 'good.txt', format: 'timestamp-list' } },
    ]);
  });

  it('saves the later of two files with the same episode, and says so on the earlier', () => {
    // A title inside the file, so both files are the same episode whatever their names.
    const titled = (last: string) => `The Same Episode\nCHAPTERS\n- 0:00\nIntro\n- 1:00\n${last}\n`;
    const items = markSuperseded([
      readImportInput({ name: 'first.txt', text: titled('The end') }, []),
      readImportInput({ name: 'second.txt', text: titled('The very end') }, []),
    ]);
    expect(items.map((item) => item.ok && item.episodes[0]!.supersededBy)).toEqual(['second.txt', null]);
    const request = buildSaveRequest(items);
    expect(request?.episodes).toHaveLength(1);
    expect(request?.episodes[0]!.source?.fileName).toBe('second.txt');
    // Removing the later file makes the earlier one count again.
    expect(markSuperseded(items.slice(0, 1)).map((item) => item.ok && item.episodes[0]!.supersededBy)).toEqual([null]);
  });
});

describe('readFiles', () => {
  it('refuses a file far too big to be chapters without reading it', async () => {
    const huge = new File(['x'], 'episode.wav');
    Object.defineProperty(huge, 'size', { value: MAX_FILE_BYTES + 1 });
    Object.defineProperty(huge, 'text', { value: () => Promise.reject(new Error('read')) });
    const [item] = await readFiles([huge], []);
    expect(item).toMatchObject({
      ok: false,
      problems: [
        { message: 'this file is 20.0 MB, and chapter files are a few kilobytes. Choose the chapter file, not the episode itself.' },
      ],
    });
  });

  it('reads an audio file of any size for the chapters inside it, by its first bytes', async () => {
    const tag = id3Tag([textFrame('TIT2', 'Tagged'), chapFrame('c', 0, 1000, [textFrame('TIT2', 'Only chapter')])]);
    const audio = new File([tag as Uint8Array<ArrayBuffer>], 'no-extension');
    Object.defineProperty(audio, 'size', { value: MAX_FILE_BYTES * 100 });
    Object.defineProperty(audio, 'text', { value: () => Promise.reject(new Error('read as text')) });
    const [item] = await readFiles([audio], []);
    expect(item).toMatchObject({
      ok: true,
      format: 'id3-chapters',
      episodes: [{ episode: { title: 'Tagged', chapters: [{ title: 'Only chapter' }] } }],
    });
    expect(formatLabel('id3-chapters')).toBe('MP3 chapters (ID3)');
    expect(formatLabel('mp4-chapters')).toBe('M4A chapters');
  });

  it('reads chosen files in order', async () => {
    const items = await readFiles([new File([timestamps('x')], 'one.txt'), new File([vtt], 'two.vtt')], []);
    expect(items.map((item) => [item.name, item.ok])).toEqual([
      ['one.txt', true],
      ['two.vtt', false],
    ]);
  });
});

describe('problems for people', () => {
  it.each([
    [{ line: 14, message: 'this chapter has no title' }, 'Line 14', 'This chapter has no title.'],
    [{ field: 'chapters[2].startTime', message: 'must be a number' }, 'Field chapters[2].startTime', 'Must be a number.'],
    [{ message: 'the file is empty' }, null, 'The file is empty.'],
    [{ message: 'update Chapterbar to import it.' }, null, 'Update Chapterbar to import it.'],
  ])('%o', (problem, place, sentence) => {
    expect(problemPlace(problem)).toBe(place);
    expect(problemSentence(problem)).toBe(sentence);
  });

  it('writes sizes as people read them', () => {
    expect([formatBytes(10), formatBytes(340 * 1024), formatBytes(5.5 * 1024 ** 2), formatBytes(2.1 * 1024 ** 3)]).toEqual([
      '1 kB',
      '340 kB',
      '5.5 MB',
      '2.1 GB',
    ]);
  });
});
