import { describe, expect, it } from 'vitest';
import { episodeSchema, type Episode } from '../../utils/chapters/schema';
import { indexEpisodes, matchEpisode, normalizeTitle } from '../../utils/library/episode-match';

const episode: Episode = episodeSchema.parse({
  id: 'no-priors-ep-3',
  show: 'No Priors',
  title: 'No Priors Ep. 3 | With Stability AI’s Emad Mostaque',
  altTitles: [
    'How can we make sure that everyone has access to AI? Can small models outperform large models? With Stability AI’s Emad Mostaque',
  ],
  ids: { youtube: ['C6Zpjij5AF4'] },
  offsets: { spotify: -120 },
  duration: 2702,
  chapters: [{ start: 0, end: 135, title: 'Intro' }],
});
const other: Episode = episodeSchema.parse({
  id: 'no-priors-ep-4',
  show: 'No Priors',
  title: 'No Priors Ep. 4 | With Someone Else',
  chapters: [{ start: 0, title: 'Intro' }],
});
const index = indexEpisodes([episode, other]);

describe('normalizeTitle', () => {
  it.each([
    ['No Priors Ep. 3 | With Stability AI’s Emad Mostaque - YouTube', 'no priors ep 3 with stability ais emad mostaque'],
    ["NO PRIORS EP. 3 | WITH STABILITY AI'S EMAD MOSTAQUE", 'no priors ep 3 with stability ais emad mostaque'],
    ['  Café  &  Crème ', 'cafe and creme'],
  ])('%s', (input, expected) => {
    expect(normalizeTitle(input)).toBe(expected);
  });

  it('drops the show name around the title', () => {
    expect(normalizeTitle('No Priors Ep. 3 | With Stability AI’s Emad Mostaque', 'No Priors')).toBe(
      'ep 3 with stability ais emad mostaque',
    );
    expect(normalizeTitle('Ep. 3 | With Emad — No Priors', 'No Priors')).toBe('ep 3 with emad');
  });
});

describe('matchEpisode', () => {
  it('matches a known media id first, whatever the title', () => {
    expect(matchEpisode(index, { site: 'youtube', mediaId: 'C6Zpjij5AF4', title: 'Something else' })?.id).toBe(episode.id);
  });

  it('does not take an id known for one site on another', () => {
    expect(matchEpisode(index, { site: 'spotify', mediaId: 'C6Zpjij5AF4' })).toBeNull();
  });

  it.each([
    ['exact title', 'No Priors Ep. 3 | With Stability AI’s Emad Mostaque'],
    ['tab title with straight quote', "No Priors Ep. 3 | With Stability AI's Emad Mostaque - YouTube"],
    ['different case and spacing', 'no priors  ep 3 |  with stability ai’s emad mostaque'],
    ['without the show name', 'Ep. 3 | With Stability AI’s Emad Mostaque'],
  ])('matches by title: %s', (_, title) => {
    expect(matchEpisode(index, { site: 'youtube', mediaId: 'zzzzzzzzzzz', title })?.id).toBe(episode.id);
  });

  it('matches the audio edition by its alternative title and show', () => {
    const ref = { site: 'spotify', title: episode.altTitles[0], show: 'No Priors', duration: 2820 };
    expect(matchEpisode(index, ref)?.id).toBe(episode.id);
  });

  it.each([
    ['another episode of the show', 'No Priors Ep. 4 | With Stability AI’s Emad Mostaque'],
    ['a prefix of the title', 'No Priors Ep. 3'],
    ['the title with more words', 'No Priors Ep. 3 | With Stability AI’s Emad Mostaque (reaction)'],
    ['an empty title', ''],
    ['only the show', 'No Priors'],
  ])('does not match a near miss: %s', (_, title) => {
    expect(matchEpisode(index, { site: 'youtube', title })).toBeNull();
  });

  it('refuses a title match whose media length is far from the episode', () => {
    const title = 'No Priors Ep. 3 | With Stability AI’s Emad Mostaque';
    expect(matchEpisode(index, { site: 'youtube', title, duration: 300 })).toBeNull();
    expect(matchEpisode(index, { site: 'youtube', title, duration: 2710 })?.id).toBe(episode.id);
  });

  it('refuses a title match from another show', () => {
    const ref = { site: 'spotify', title: episode.altTitles[0], show: 'Some Other Podcast' };
    expect(matchEpisode(index, ref)).toBeNull();
  });

  it('lets a person’s link override every other match', () => {
    const linked = indexEpisodes([episode, other], { 'youtube:C6Zpjij5AF4': other.id });
    expect(matchEpisode(linked, { site: 'youtube', mediaId: 'C6Zpjij5AF4' })?.id).toBe(other.id);
  });
});
