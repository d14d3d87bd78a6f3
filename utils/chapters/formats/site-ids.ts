/** YouTube video ids are 11 characters of base64url. */
const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
/** Spotify ids are 22 characters of base62. */
const SPOTIFY_ID = /^[A-Za-z0-9]{22}$/;

/** The video id from an id, a watch/short/embed/live link or a youtu.be link; null otherwise. */
export function readYoutubeVideoId(text: string): string | null {
  const value = text.trim();
  if (YOUTUBE_ID.test(value)) return value;
  const url = parseUrl(value);
  if (!url) return null;
  const host = url.hostname.replace(/^(www|m|music)\./, '');
  let candidate: string | null | undefined = null;
  if (host === 'youtu.be') candidate = url.pathname.split('/')[1];
  else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    const [, kind, id] = url.pathname.split('/');
    candidate = kind === 'watch' ? url.searchParams.get('v') : ['embed', 'shorts', 'live', 'v'].includes(kind ?? '') ? id : null;
  }
  return candidate && YOUTUBE_ID.test(candidate) ? candidate : null;
}

/** The episode id from an id, an open.spotify.com/episode link or a spotify:episode: URI; null otherwise. */
export function readSpotifyEpisodeId(text: string): string | null {
  const value = text.trim();
  if (SPOTIFY_ID.test(value)) return value;
  const uri = /^spotify:episode:([A-Za-z0-9]{22})$/.exec(value);
  if (uri) return uri[1] ?? null;
  const url = parseUrl(value);
  if (!url || url.hostname !== 'open.spotify.com') return null;
  // Localised links put a segment such as "intl-de" before "episode".
  const parts = url.pathname.split('/').filter((part) => part && !part.startsWith('intl-'));
  return parts[0] === 'episode' && parts[1] && SPOTIFY_ID.test(parts[1]) ? parts[1] : null;
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
