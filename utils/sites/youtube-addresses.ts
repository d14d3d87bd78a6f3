import type { MediaAddress, SiteAddresses } from './types';

/*
 * YouTube's addresses and ids: which pages are watch pages, embeds or mobile pages, and what a
 * person may paste to name a video. Plain URL parsing, apart from the adapter, so parsers and the
 * background can read addresses without loading the adapter, and the content script (which
 * imports only `readPage`) carries none of the rest.
 */

export const VIDEO_ID = /^[\w-]{11}$/;

export type PageKind = 'watch' | 'mobile' | 'embed';

export function readPage(url: URL): { kind: PageKind; videoId: string } | null {
  const host = url.hostname;
  const embed = /^\/embed\/([\w-]{11})/.exec(url.pathname);
  if (embed && (host === 'www.youtube.com' || host === 'www.youtube-nocookie.com')) {
    return { kind: 'embed', videoId: embed[1]! };
  }
  if (host !== 'www.youtube.com' && host !== 'm.youtube.com') return null;
  const live = /^\/live\/([\w-]{11})/.exec(url.pathname);
  const videoId = url.pathname === '/watch' ? url.searchParams.get('v') : live?.[1];
  if (!videoId || !VIDEO_ID.test(videoId)) return null;
  return { kind: host === 'm.youtube.com' ? 'mobile' : 'watch', videoId };
}

/**
 * Addresses a person may paste to name a video, beyond the pages the content script runs on:
 *   share link  https://youtu.be/C6Zpjij5AF4?si=…
 *   no scheme   youtube.com/watch?v=C6Zpjij5AF4 (the URL is parsed by the caller; see readMediaLink)
 * YouTube Music and Shorts are left out: the sidebar never runs there.
 */
function readVideoAddress(url: URL): MediaAddress | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.hostname === 'youtu.be') {
    const videoId = url.pathname.split('/')[1] ?? '';
    return VIDEO_ID.test(videoId) ? { site: 'youtube', mediaId: videoId } : null;
  }
  const host = url.hostname === 'youtube.com' ? 'www.youtube.com' : url.hostname;
  // Shorts have no sidebar, but a person may still link an episode to one by its address.
  const shorts = /^\/shorts\/([\w-]{11})$/.exec(url.pathname);
  if (shorts && (host === 'www.youtube.com' || host === 'm.youtube.com')) return { site: 'youtube', mediaId: shorts[1]! };
  const page = readPage(new URL(`https://${host}${url.pathname}${url.search}`));
  return page ? { site: 'youtube', mediaId: page.videoId } : null;
}

/** YouTube's addresses and ids, for the background and extension pages; the content script never reads them. */
export const youtubeAddresses: SiteAddresses = {
  id: 'youtube',
  name: 'YouTube',
  mediaKind: 'video',
  exampleUrls: [
    'https://www.youtube.com/watch?v=C6Zpjij5AF4',
    'https://www.youtube.com/live/C6Zpjij5AF4',
    'https://m.youtube.com/watch?v=C6Zpjij5AF4',
    'https://www.youtube.com/embed/C6Zpjij5AF4',
    'https://www.youtube-nocookie.com/embed/C6Zpjij5AF4',
  ],
  readMediaUrl: readVideoAddress,
  readMediaId(text) {
    const value = text.trim();
    if (VIDEO_ID.test(value)) return value;
    try {
      return readVideoAddress(new URL(value))?.mediaId ?? null;
    } catch {
      return null;
    }
  },
};
