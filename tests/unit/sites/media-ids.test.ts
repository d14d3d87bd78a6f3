import { describe, expect, it } from 'vitest';
import { findSiteByName } from '../../../utils/sites/registry';
import { spotify } from '../../../utils/sites/spotify';
import { youtube } from '../../../utils/sites/youtube';

// What people paste to name an episode (in a document's header, or the options page's link box).

describe('youtube.readMediaId', () => {
  it.each([
    'C6Zpjij5AF4',
    'https://www.youtube.com/watch?v=C6Zpjij5AF4',
    'https://youtu.be/C6Zpjij5AF4?t=5',
    'https://m.youtube.com/shorts/C6Zpjij5AF4',
    'https://www.youtube.com/embed/C6Zpjij5AF4',
    'https://www.youtube-nocookie.com/embed/C6Zpjij5AF4',
    'https://www.youtube.com/live/C6Zpjij5AF4',
  ])('reads %s', (text) => {
    expect(youtube.readMediaId!(text)).toBe('C6Zpjij5AF4');
  });

  it.each(['https://vimeo.com/C6Zpjij5AF4', 'https://www.youtube.com/watch?v=short', 'C6Zpjij5AF', 'https://music.youtube.com/watch?v=C6Zpjij5AF4', 'javascript:alert(1)', ''])('refuses %s', (text) => {
    expect(youtube.readMediaId!(text)).toBeNull();
  });
});

describe('spotify.readMediaId', () => {
  const id = '4rOoJ6Egrf8K2IrywzwOMk';
  it.each([id, `spotify:episode:${id}`, `https://open.spotify.com/episode/${id}?si=x`, `https://open.spotify.com/intl-de/episode/${id}`])('reads %s', (text) => {
    expect(spotify.readMediaId!(text)).toBe(id);
  });

  it.each([`https://open.spotify.com/show/${id}`, `https://evil.example/episode/${id}`, `spotify:track:${id}`, 'short'])('refuses %s', (text) => {
    expect(spotify.readMediaId!(text)).toBeNull();
  });

  it('reads an address as a media address', () => {
    expect(spotify.readMediaUrl!(new URL(`https://open.spotify.com/episode/${id}`))).toEqual({ site: 'spotify', mediaId: id });
  });
});

describe('findSiteByName', () => {
  it('finds a site by the name people write, in any case, or by its id', () => {
    expect(findSiteByName('YouTube')?.id).toBe('youtube');
    expect(findSiteByName('spotify')?.id).toBe('spotify');
    expect(findSiteByName('Vimeo')).toBeUndefined();
  });
});
