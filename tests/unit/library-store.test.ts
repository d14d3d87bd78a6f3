import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import {
  allShardWrites,
  commitChange,
  createRecord,
  EPISODE_RECORD_FORMAT,
  episodeKey,
  INDEX_SHARD_COUNT,
  LibraryWriteError,
  readIndex,
  shardOf,
  summarize,
  type IndexEntry,
} from '../../utils/library/store';
import { readRecord, type RecordFormat } from '../../utils/library/stored-record';
import { makeEpisode } from './library-fixtures';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('readRecord: versions and migrations', () => {
  const record = createRecord(makeEpisode(), { fileName: 'ep.vtt', format: 'webvtt' }, 1000);

  it('reads a current record as it is', () => {
    expect(readRecord(record, EPISODE_RECORD_FORMAT)).toEqual({ ok: true, value: record, upgraded: false });
  });

  // A future version 2 that renamed `importedAt` to `savedAt`: the path a real migration takes.
  const v2Schema = z.object({ v: z.literal(2), episode: z.unknown(), savedAt: z.number() });
  const v2: RecordFormat<z.infer<typeof v2Schema>> = {
    label: 'recordEpisode',
    current: 2,
    migrations: { 2: ({ importedAt, ...rest }) => ({ ...rest, savedAt: importedAt }) },
    schema: v2Schema,
  };

  it('runs every migration from the stored version to the current one, then validates', () => {
    const read = readRecord(record, v2);
    expect(read).toEqual({ ok: true, upgraded: true, value: { v: 2, episode: record.episode, savedAt: 1000 } });
  });

  it('refuses what a migration cannot convert, with the reason', () => {
    const broken: RecordFormat<unknown> = {
      ...v2,
      migrations: {
        2: () => {
          throw new Error('no episode');
        },
      },
    };
    expect(readRecord(record, broken)).toEqual({
      ok: false,
      reason: expect.stringContaining('could not convert it from format 1 (Error: no episode)'),
    });
    expect(readRecord(record, { ...v2, migrations: {} })).toEqual({
      ok: false,
      reason: 'Chapterbar has no way to convert it from format 1',
    });
  });

  it.each([
    ['a newer version', { ...record, v: 3 }, 'a newer Chapterbar wrote it (format 3; this one reads up to 1). Update Chapterbar to use it'],
    [
      'another tool’s data',
      { settings: { dark: true } },
      'it has no version number, so Chapterbar did not write it (another tool may have)',
    ],
    ['a version Chapterbar never wrote', { ...record, v: 0 }, 'its version number (0) is not one Chapterbar ever wrote'],
    ['text', 'corrupted', 'it is not an episode as Chapterbar writes it (it holds text)'],
    ['a list', [record], 'it is not an episode as Chapterbar writes it (it holds a list)'],
  ])('explains why %s is not used', (_name, raw, reason) => {
    expect(readRecord(raw, EPISODE_RECORD_FORMAT)).toEqual({ ok: false, reason });
  });

  it('names the damaged fields of a half-written record', () => {
    const damaged = { ...record, episode: { ...record.episode, chapters: [{ start: 'soon', title: '' }] } };
    const read = readRecord(damaged, EPISODE_RECORD_FORMAT);
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.reason).toBe(
        'it is damaged: episode.chapters[0].start should be a number; episode.chapters[0].title: a chapter needs a title',
      );
  });
});

describe('the index shards', () => {
  it('spreads ids over the shards with a hash that never changes (the layout depends on it)', () => {
    expect([shardOf('no-priors-no-priors-ep-3'), shardOf('a'), shardOf('')]).toEqual([56, 44, 5]);
    const counts = new Array<number>(INDEX_SHARD_COUNT).fill(0);
    for (let i = 0; i < 6400; i++) counts[shardOf(`show-${i}-episode-${i * 7}`)]!++;
    expect(Math.min(...counts)).toBeGreaterThan(50);
    expect(Math.max(...counts)).toBeLessThan(150);
  });

  it('reads back what allShardWrites wrote, and reports a damaged shard without losing the others', async () => {
    const entries = new Map<string, IndexEntry>();
    for (let i = 0; i < 200; i++) {
      const record = createRecord(makeEpisode({ id: `episode-${i}`, title: `Episode ${i}` }, 1), undefined, i);
      entries.set(record.episode.id, summarize(record));
    }
    await commitChange({ set: allShardWrites(entries), remove: [] });
    expect((await readIndex()).entries).toEqual(entries);

    const victim = 'episode-7';
    const shardKey = `local:library-index-${String(shardOf(victim)).padStart(2, '0')}` as const;
    await storage.setItem(shardKey, 'garbage from another tool');
    const read = await readIndex();
    expect(read.entries.has(victim)).toBe(false);
    expect(read.entries.size).toBeGreaterThan(190);
    expect(read.damaged).toEqual([
      {
        key: shardKey,
        value: 'garbage from another tool',
        reason: 'it is not a part of the list of your episodes as Chapterbar writes it (it holds text)',
        label: 'Part of the list of your episodes',
      },
    ]);
  });
});

describe('commitChange', () => {
  it('puts every touched key back when the browser fails half-way through a write', async () => {
    await storage.setItem('local:episode:kept', { v: 1, marker: 'before' });
    const before = await storage.snapshot('local');
    const realSet = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementationOnce(async (items) => {
      // Half the items land, then the disk fills up.
      const half = Object.fromEntries(Object.entries(items).slice(0, 2));
      await realSet(half);
      throw new Error('QUOTA_BYTES quota exceeded');
    });
    const change = {
      set: {
        [episodeKey('kept')]: { v: 1, marker: 'after' },
        [episodeKey('new-1')]: 1,
        [episodeKey('new-2')]: 2,
        [episodeKey('new-3')]: 3,
      },
      remove: [],
    };
    const failure = await commitChange(change).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LibraryWriteError);
    expect((failure as Error).message).toBe(
      'The browser has no more room for Chapterbar’s library. Delete episodes you no longer need, or free disk space, then try again.',
    );
    expect(await storage.snapshot('local')).toEqual(before);
  });

  it('says plainly that nothing changed when the write fails for another reason', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('IO error: disk unplugged'));
    const failure = await commitChange({ set: { [episodeKey('x')]: 1 }, remove: [] }).catch((error: unknown) => error);
    expect((failure as Error).message).toBe(
      'The browser could not save the library (Error: IO error: disk unplugged). Nothing was changed; try again.',
    );
    expect(await storage.snapshot('local')).toEqual({});
  });
});

describe('a large library', () => {
  // Chrome measures storage.local as every key's length plus its value's JSON.
  const bytes = (values: Record<string, unknown>) =>
    Object.entries(values).reduce((sum, [key, value]) => sum + key.length + JSON.stringify(value).length, 0);
  const CHROME_QUOTA = 10 * 1024 * 1024;

  it('10,000 realistic episodes need unlimitedStorage on Chrome, and each index write stays small', () => {
    const records = Array.from({ length: 10_000 }, (_, i) =>
      createRecord(
        makeEpisode(
          {
            id: `a-podcast-with-a-name-episode-${i}-a-guest-and-a-topic`,
            title: `Episode ${i}: A guest and a topic, as podcast titles go`,
            show: 'A Podcast With A Name',
            ids: { youtube: ['C6Zpjij5AF4'], spotify: ['4Z7GAJ50bgctf6uclHlWKo'] },
            offsets: { spotify: -120 },
          },
          15,
        ),
        { fileName: `episode-${i}.json`, format: 'podcasting20-json' },
        1_700_000_000_000,
      ),
    );
    const episodeItems = Object.fromEntries(records.map((record) => [episodeKey(record.episode.id), record]));
    const entries = new Map(records.map((record) => [record.episode.id, summarize(record)]));
    const shards = allShardWrites(entries) as Record<string, unknown>;

    const episodesSize = bytes(episodeItems);
    const indexSize = bytes(shards);
    const largestShard = Math.max(...Object.entries(shards).map(([key, value]) => bytes({ [key]: value })));
    // Measured: 5.2 kB an episode of 15 chapters, 51.6 MB in all: five times Chrome's 10 MB.
    expect(episodesSize / records.length).toBeGreaterThan(5_000);
    expect(episodesSize).toBeGreaterThan(CHROME_QUOTA * 4);
    // The index the background reads at every start: 4.6 MB for the whole library (460 bytes an episode)...
    expect(indexSize).toBeLessThan(5 * 1024 * 1024);
    // ...in shards of 75 kB at most, the most any one import or rename sends to every open tab.
    expect(largestShard).toBeLessThan(100 * 1024);
  });

  it('keeps an episode with 600 chapters whole, with a small index entry', async () => {
    const long = createRecord(makeEpisode({ id: 'marathon' }, 600), undefined, 1);
    const entries = new Map([[long.episode.id, summarize(long)]]);
    await commitChange({ set: { [episodeKey('marathon')]: long, ...allShardWrites(entries) }, remove: [] });
    expect(await storage.getItem(episodeKey('marathon'))).toEqual(long);
    expect(JSON.stringify(summarize(long)).length).toBeLessThan(400);
    expect((await readIndex()).entries.get('marathon')?.chapterCount).toBe(600);
  });
});
