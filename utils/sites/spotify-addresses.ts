import type { SiteAddresses } from './types';

/*
 * Spotify's addresses and ids, apart from the adapter, so parsers and the background can read them
 * without loading it (see youtube-addresses.ts).
 */

export const EPISODE_ID = /^[A-Za-z0-9]{22}$/;

/** Spotify's addresses and ids, for the background and extension pages; the content script never reads them. */
export const spotifyAddresses: SiteAddresses = {
  id: 'spotify',
  name: 'Spotify',
  mediaKind: 'episode',
  exampleUrls: [
    'https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk',
    'https://open.spotify.com/',
    'https://open.spotify.com/show/6vAqAV4ZEtBnqwqtsPGZlw',
    'https://open.spotify.com/search',
  ],
  readMediaUrl(url) {
    if (url.protocol !== 'https:' || url.hostname !== 'open.spotify.com') return null;
    // Localised links put a segment such as "intl-de" before "episode".
    const parts = url.pathname.split('/').filter((part) => part && !part.startsWith('intl-'));
    return parts[0] === 'episode' && parts[1] && EPISODE_ID.test(parts[1]) ? { site: 'spotify', mediaId: parts[1] } : null;
  },
  readMediaId(text) {
    const value = text.trim();
    if (EPISODE_ID.test(value)) return value;
    const uri = /^spotify:episode:([A-Za-z0-9]{22})$/.exec(value);
    if (uri) return uri[1]!;
    try {
      return spotifyAddresses.readMediaUrl(new URL(value))?.mediaId ?? null;
    } catch {
      return null;
    }
  },
};
