import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLinks } from '../../utils/library/links';
import { addToQuarantine, readQuarantine } from '../../utils/library/quarantine';
import { episodeKey, indexShardKey } from '../../utils/library/store';
import { readFirstPaint, readStoredStylesheet } from '../../utils/storage/first-paint';
import { STORAGE_KEYS } from '../../utils/storage/keys';
import { readOffset } from '../../utils/storage/offsets';
import { DEFAULT_PREFERENCES, readPreferences } from '../../utils/storage/preferences';
import { ROOT, sourceFiles } from './import-graph';

/** Source without its comments, which may name keys to explain them. */
const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

describe('the storage catalogue', () => {
  it('names every key once', () => {
    const keys = Object.values(STORAGE_KEYS).map((entry) => entry.key);
    expect(new Set(keys).size).toBe(keys.length);
    // Prefixes and keys do not overlap: no key is read as another's shard or episode.
    for (const key of keys) expect(keys.filter((other) => other !== key && other.startsWith(key))).toEqual([]);
  });

  it('is the only place a storage key is spelled', () => {
    const spelled = sourceFiles('utils', 'components', 'entrypoints')
      .filter((file) => file !== 'utils/storage/keys.ts')
      .filter((file) => /['"`](local|session|sync|managed):[\w-]/.test(withoutComments(readFileSync(resolve(ROOT, file), 'utf8'))));
    expect(spelled).toEqual([]);
  });

  it('builds episode and index keys from their catalogue prefixes', () => {
    expect(episodeKey('no-priors-ep-3')).toBe('local:episode:no-priors-ep-3');
    expect(indexShardKey(7)).toBe('local:library-index-07');
  });

  it('has readers that take what Chapterbar writes and survive what it does not', () => {
    expect(readPreferences({ ...DEFAULT_PREFERENCES, theme: 'dark' }).theme).toBe('dark');
    expect(readPreferences('not an object')).toEqual(DEFAULT_PREFERENCES);
    expect(readOffset({ 'ep-1': { spotify: -120 } }, 'ep-1', 'spotify')).toBe(-120);
    expect(readOffset({ 'ep-1': { spotify: 'soon' } }, 'ep-1', 'spotify')).toBeUndefined();
    expect(readLinks({ 'youtube:C6Zpjij5AF4': 'ep-1', broken: 5 })).toEqual({ 'youtube:C6Zpjij5AF4': 'ep-1' });
    const quarantine = addToQuarantine(null, [{ key: 'local:links', label: 'Links', reason: 'unreadable', action: 'copied', value: 5 }]);
    expect(quarantine.v).toBe(STORAGE_KEYS.quarantine.version);
    expect(readQuarantine(quarantine)).toHaveLength(1);
    expect(readStoredStylesheet({ version: '1.0.0', css: '.cb {}' }, '1.0.0')).toBe('.cb {}');
    expect(readStoredStylesheet({ version: '1.0.0', css: 5 }, '1.0.0')).toBeNull();
    expect(
      readFirstPaint(
        { revision: 0, version: '1.0.0', entries: [{ key: 'youtube:a', match: { episode: { chapters: 'no' } } }] },
        0,
        'youtube:a',
        '1.0.0',
      ),
    ).toBeNull();
    // A damaged quarantine is itself kept, as one entry, so nothing is lost.
    expect(readQuarantine({ v: 99, entries: 'nope' })).toEqual([
      expect.objectContaining({ key: STORAGE_KEYS.quarantine.key, value: { v: 99, entries: 'nope' } }),
    ]);
  });
});
