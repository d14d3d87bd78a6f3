import { describe, expect, it } from 'vitest';
import { SITE_ADDRESSES, findSiteAddresses, findSiteByName } from '../../../utils/sites/addresses';
import { SITES } from '../../../utils/sites/registry';
import { spotifyAddresses } from '../../../utils/sites/spotify-addresses';
import { youtubeAddresses } from '../../../utils/sites/youtube-addresses';

// What people paste to name an episode (in a document's header, or the options page's link box).

describe('youtubeAddresses.readMediaId', () => {
  it.each([
    'C6Zpjij5AF4',
    'https://www.youtube.com/watch?v=C6Zpjij5AF4',
    'https://youtu.be/C6Zpjij5AF4?t=5',
    'https://m.youtube.com/shorts/C6Zpjij5AF4',
    'https://www.youtube.com/embed/C6Zpjij5AF4',
    'https://www.youtube-nocookie.com/embed/C6Zpjij5AF4',
    'https://www.youtube.com/live/C6Zpjij5AF4',
  ])('reads %s', (text) => {
    expect(youtubeAddresses.readMediaId(text)).toBe('C6Zpjij5AF4');
  });

  it.each(['https://vimeo.com/C6Zpjij5AF4', 'https://www.youtube.com/watch?v=short', 'C6Zpjij5AF', 'https://music.youtube.com/watch?v=C6Zpjij5AF4', 'javascript:alert(1)', ''])('refuses %s', (text) => {
    expect(youtubeAddresses.readMediaId(text)).toBeNull();
  });
});

describe('spotifyAddresses.readMediaId', () => {
  const id = '4rOoJ6Egrf8K2IrywzwOMk';
  it.each([id, `spotify:episode:${id}`, `https://open.spotify.com/episode/${id}?si=x`, `https://open.spotify.com/intl-de/episode/${id}`])('reads %s', (text) => {
    expect(spotifyAddresses.readMediaId(text)).toBe(id);
  });

  it.each([`https://open.spotify.com/show/${id}`, `https://evil.example/episode/${id}`, `spotify:track:${id}`, 'short'])('refuses %s', (text) => {
    expect(spotifyAddresses.readMediaId(text)).toBeNull();
  });

  it('reads an address as a media address', () => {
    expect(spotifyAddresses.readMediaUrl(new URL(`https://open.spotify.com/episode/${id}`))).toEqual({ site: 'spotify', mediaId: id });
  });
});

describe('findSiteByName', () => {
  it('finds a site by the name people write, in any case, or by its id', () => {
    expect(findSiteByName('YouTube')?.id).toBe('youtube');
    expect(findSiteByName('spotify')?.id).toBe('spotify');
    expect(findSiteByName('Vimeo')).toBeUndefined();
  });
});

describe('SITE_ADDRESSES', () => {
  it('reads the addresses of every site, and only of sites', () => {
    // A site left out would have its links and header lines refused without a word.
    expect(SITE_ADDRESSES.map((site) => site.id)).toEqual(SITES.map((site) => site.id));
    expect(findSiteAddresses('spotify')?.readMediaId('spotify:episode:4rOoJ6Egrf8K2IrywzwOMk')).toBe('4rOoJ6Egrf8K2IrywzwOMk');
    expect(findSiteAddresses('vimeo')).toBeUndefined();
  });

  it('names each site and its media as its adapter does', () => {
    expect(SITE_ADDRESSES.map(({ id, name, mediaKind }) => ({ id, name, mediaKind }))).toEqual(
      SITES.map(({ id, name, mediaKind }) => ({ id, name, mediaKind })),
    );
  });
});
