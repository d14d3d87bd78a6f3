import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadBundledEpisodes } from '../../utils/library/bundled-episodes';
import { createLibraryService, type LibraryService } from '../../utils/library/service';

const bundled = loadBundledEpisodes();
const BUNDLED = bundled[0]!;
// The feed's title (a real one: tests/fixtures/matching/title-pairs.json, row 0) under a show that is not No Priors.
const plausible = { site: 'spotify', mediaId: '4Z7GAJ50bgctf6uclHlWKo', title: BUNDLED.altTitles[0]!, show: 'A Reupload Channel' };

let service: LibraryService;
beforeEach(() => {
  fakeBrowser.reset();
  service = createLibraryService({ bundled });
});
afterEach(() => service.close());

describe('asking first', () => {
  it('finds the bundled episode on Spotify as Spotify names the show, confidently', async () => {
    const match = await service.findEpisode({
      site: 'spotify',
      mediaId: 'x',
      title: BUNDLED.altTitles[0],
      show: 'No Priors: Artificial Intelligence | Technology | Startups',
      duration: 2822,
    });
    expect(match).toMatchObject({ episode: { id: BUNDLED.id }, verdict: 'confident' });
  });

  it('hands a plausible match over as such, with its reasons', async () => {
    const match = await service.findEpisode(plausible);
    expect(match?.verdict).toBe('plausible');
    expect(match?.reasons).toContainEqual({ signal: 'show', agrees: false, detail: `“A Reupload Channel” vs “No Priors”` });
  });

  it('remembers "Show chapters" as a link: confident from then on, across a restart', async () => {
    expect(await service.answerMatch({ site: 'spotify', mediaId: plausible.mediaId, episodeId: BUNDLED.id, accept: true })).toEqual({
      ok: true,
    });
    service.close();
    service = createLibraryService({ bundled });
    expect(await service.findEpisode(plausible)).toMatchObject({ verdict: 'confident', linked: true });
  });

  it('remembers "Not this one" for that media only', async () => {
    expect(await service.answerMatch({ site: 'spotify', mediaId: plausible.mediaId, episodeId: BUNDLED.id, accept: false })).toEqual({
      ok: true,
    });
    service.close();
    service = createLibraryService({ bundled });
    expect(await service.findEpisode(plausible)).toBeNull();
    expect(await service.explainMatch(plausible)).toMatchObject({ verdict: null, why: 'refused', episode: { id: BUNDLED.id } });
    expect((await service.findEpisode({ ...plausible, mediaId: 'another' }))?.verdict).toBe('plausible');
  });

  it('refuses answers it cannot take', async () => {
    expect(await service.answerMatch({ site: 'spotify', mediaId: 'x', episodeId: 'no-such-episode', accept: true })).toMatchObject({
      ok: false,
    });
    expect(await service.answerMatch({ site: 'spotify', mediaId: 'x', episodeId: BUNDLED.id })).toMatchObject({ ok: false });
  });

  it('explains why nothing matched', async () => {
    expect(await service.explainMatch({ site: 'youtube', mediaId: 'zzzzzzzzzzz' })).toMatchObject({ verdict: null, why: 'no-title' });
    const other = await service.explainMatch({
      site: 'youtube',
      title: 'No Priors Ep. 4 | With Stability AI’s Emad Mostaque',
      show: 'No Priors',
    });
    expect(other).toMatchObject({ verdict: null, why: 'contradicted', episode: { id: BUNDLED.id } });
    expect(other?.reasons).toContainEqual({ signal: 'number', agrees: false, detail: '4 vs 3' });
  });
});
