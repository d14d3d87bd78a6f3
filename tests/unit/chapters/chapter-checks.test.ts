import { describe, expect, it } from 'vitest';
import { checkChapters, checkYoutubeRules } from '../../../utils/chapters/chapter-checks';
import { exportEpisode } from '../../../utils/chapters/export';
import { validateEpisode, type Episode } from '../../../utils/chapters/schema';

const list = (...starts: number[]) => starts.map((start, i) => ({ start, title: `Chapter ${i + 1}` }));
const checks = (warnings: ReturnType<typeof checkChapters>) => warnings.map(({ index, check }) => [index, check]);

function episode(chapters: Array<{ start: number; title: string }>, duration?: number): Episode {
  const result = validateEpisode({ id: 'e', title: 'E', chapters, ...(duration ? { duration } : {}) });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.episode;
}

describe("YouTube's rules for description chapters", () => {
  it('pass for three chapters from 0:00, each at least ten seconds', () => {
    expect(checkYoutubeRules(list(0, 10, 20), 30)).toEqual([]);
    // 0.9 s is written 0:00 in a description, which YouTube takes.
    expect(checkYoutubeRules(list(0.9, 10.9, 20.9), 31)).toEqual([]);
  });

  it('say when the first chapter is not at 0:00', () => {
    expect(checks(checkYoutubeRules(list(5, 60, 120)))).toEqual([[0, 'first-not-zero']]);
    expect(checkYoutubeRules(list(65, 120, 180))[0]?.message).toBe('YouTube needs the first timestamp at 0:00; this list starts at 1:05');
  });

  it('say when there are fewer than three', () => {
    expect(checks(checkYoutubeRules(list(0, 60)))).toEqual([[null, 'too-few']]);
    expect(checks(checkYoutubeRules([]))).toEqual([[null, 'too-few']]);
  });

  it('say which chapter is shorter than ten seconds, the last one against the media length', () => {
    expect(checks(checkYoutubeRules(list(0, 9, 60), 100))).toEqual([[0, 'too-short']]);
    expect(checks(checkYoutubeRules(list(0, 30, 60), 65))).toEqual([[2, 'too-short']]);
    // Unknown length: the last chapter cannot be judged.
    expect(checkYoutubeRules(list(0, 30, 60))).toEqual([]);
    expect(checkYoutubeRules(list(0, 9, 60), 100)[0]?.message).toBe('this chapter is 0:09 long; YouTube needs at least 10 seconds');
  });
});

describe('mistakes any destination minds', () => {
  it('name the chapter: out of order, duplicate start, past the end, no title', () => {
    const chapters = [
      { start: 0, title: 'Intro' },
      { start: 60, title: 'B' },
      { start: 30, title: 'Earlier' },
      { start: 30, title: '' },
      { start: 500, title: 'Late' },
    ];
    expect(checks(checkChapters(chapters, 400).filter((warning) => !warning.youtube))).toEqual([
      [2, 'out-of-order'],
      [3, 'duplicate-start'],
      [3, 'no-title'],
      [4, 'past-end'],
    ]);
    expect(checkChapters(chapters, 400).find((warning) => warning.check === 'out-of-order')?.message).toBe(
      'starts at 0:30, before the chapter above it (1:00)',
    );
  });
});

describe('the YouTube description export', () => {
  it('writes the block and no notes when YouTube would take it', () => {
    const written = exportEpisode(episode(list(0, 75, 3725), 4000), 'youtube');
    expect(written.text).toBe('0:00 Chapter 1\n1:15 Chapter 2\n1:02:05 Chapter 3\n');
    expect(written.notes).toEqual([]);
  });

  it('says why YouTube would not show the chapters, naming each chapter', () => {
    const written = exportEpisode(episode(list(4, 8), 100), 'youtube');
    expect(written.notes).toEqual([
      'chapter 1: YouTube needs the first timestamp at 0:00; this list starts at 0:04',
      'YouTube shows chapters only when there are at least three; this list has 2',
      'chapter 1: this chapter is 0:04 long; YouTube needs at least 10 seconds',
    ]);
  });
});
