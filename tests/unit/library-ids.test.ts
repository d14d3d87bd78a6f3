import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { validateEpisode } from '../../utils/chapters/schema';
import { loadBundledEpisodes } from '../../utils/library/bundled-episodes';
import { createLibraryService, type LibraryService } from '../../utils/library/service';
import { createRecord, episodeKey, indexShardKey, scanEpisodeRecords, shardOf } from '../../utils/library/store';
import { makeEpisode } from './library-fixtures';

/*
 * Ids the library cannot keep are refused where every episode enters (the schema), rather than
 * saved and lost later: WXT keeps its metadata under "<key>$", so an index rebuild skips a record
 * whose id ends in "$", and "__proto__" as an object key sets a prototype instead of an entry.
 */

const UNSTORABLE = 'the library cannot keep an episode id that ends in "$" or is "__proto__"; choose another id';
const bundled = loadBundledEpisodes();
let services: LibraryService[] = [];
const start = () => {
  const service = createLibraryService({ bundled });
  services.push(service);
  return service;
};
const input = (id: string) => ({ ...makeEpisode(), id });

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  services.forEach((service) => service.close());
  services = [];
});

describe('episode ids the store cannot keep', () => {
  it('are refused at the schema, naming the field', () => {
    expect(validateEpisode(input('price-of-it$'))).toEqual({ ok: false, problems: [{ field: 'id', message: UNSTORABLE }] });
    expect(validateEpisode(input('__proto__'))).toEqual({ ok: false, problems: [{ field: 'id', message: UNSTORABLE }] });
    // A "$" elsewhere is kept: only the end collides with the metadata keys.
    expect(validateEpisode(input('$5-a-month-show'))).toMatchObject({ ok: true });
  });

  it('are refused when saved, with the field in the message, and nothing is written', async () => {
    const service = start();
    const result = await service.saveEpisodes({ episodes: [{ episode: input('price-of-it$') }] });
    expect(result).toEqual({ ok: false, message: expect.stringContaining(`id: ${UNSTORABLE}`) as string });
    expect(await storage.getItem(episodeKey('price-of-it$'))).toBeNull();
  });

  it('would vanish in a rebuild, which is why they are refused', async () => {
    // Written around the gate, as an older version could have: the rebuild's scan does not see it.
    const episode = input('kept-id');
    await storage.setItem(episodeKey('lost-id$'), { ...createRecord(episode, undefined, 1), episode: { ...episode, id: 'lost-id$' } });
    await storage.setItem(episodeKey('kept-id'), createRecord(episode, undefined, 1));
    const { records } = await scanEpisodeRecords();
    expect(records.map((record) => record.episode.id)).toEqual(['kept-id']);
  });

  it('lets an unusual but storable id round-trip through an index rebuild', async () => {
    const id = 'show:episode $1 / “ünïcode” #2';
    const episode = makeEpisode({ id, ids: { youtube: ['VideoOne111'] } });
    expect(await start().saveEpisodes({ episodes: [{ episode }] })).toMatchObject({ ok: true, saved: [id] });
    // Damage the index: the next start rebuilds it from the stored episodes.
    await storage.setItem(indexShardKey(shardOf(id)), 'damaged');
    const service = start();
    expect((await service.findEpisode({ site: 'youtube', mediaId: 'VideoOne111' }))?.episode).toEqual(episode);
    expect((await service.listLibrary()).entries.map((entry) => entry.id)).toContain(id);
  });
});
