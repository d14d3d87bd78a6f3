import { describe, expect, it } from 'vitest';
import { parseChapterFile } from '../../utils/chapters/detect';
import { formatChapterbarJson } from '../../utils/chapters/formats/chapterbar-json';
import { MAX_INPUT_CHARS } from '../../utils/chapters/formats/guard';
import { splitForImport } from '../../utils/options/export-files';
import { makeEpisode } from './library-fixtures';

describe('splitForImport', () => {
  it('keeps a small library in one file', () => {
    const episodes = [makeEpisode({ id: 'a' }), makeEpisode({ id: 'b' })];
    expect(splitForImport(episodes)).toEqual([episodes]);
  });

  it('splits 2,000 episodes into files the importer accepts, which give every episode back', () => {
    const episodes = Array.from({ length: 2000 }, (_, i) => makeEpisode({ id: `episode-${i}`, title: `Episode ${i}` }, 15));
    const parts = splitForImport(episodes);
    expect(parts.length).toBeGreaterThan(1);
    const back = parts.flatMap((part) => {
      const text = formatChapterbarJson(part);
      expect(text.length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
      const parsed = parseChapterFile(text, { fileName: 'library.chapterbar.json' });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      return parsed.episodes;
    });
    expect(back).toEqual(episodes);
  });

  it('also counts chapters, which the importer limits too', () => {
    const episodes = Array.from({ length: 5 }, (_, i) => makeEpisode({ id: `e${i}` }, 4));
    expect(splitForImport(episodes, { chars: 10_000_000, chapters: 8 }).map((part) => part.length)).toEqual([2, 2, 1]);
  });
});
