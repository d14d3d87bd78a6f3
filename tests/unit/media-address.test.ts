import { describe, expect, it } from 'vitest';
import { mediaPageUrl, readMediaLink, siteName } from '../../utils/library/media-address';
import type { SiteAddresses } from '../../utils/sites/types';

describe('readMediaLink', () => {
  it.each([
    ['https://www.youtube.com/watch?v=C6Zpjij5AF4', 'C6Zpjij5AF4'],
    ['  youtube.com/watch?v=C6Zpjij5AF4  ', 'C6Zpjij5AF4'],
    ['www.youtube.com/watch?v=C6Zpjij5AF4', 'C6Zpjij5AF4'],
    ['youtu.be/C6Zpjij5AF4', 'C6Zpjij5AF4'],
  ])('asks the adapters about %s', (text, mediaId) => {
    expect(readMediaLink(text)).toEqual({ site: 'youtube', mediaId });
  });

  it.each(['', '   ', 'not an address', 'C6Zpjij5AF4', 'https://vimeo.com/123', 'x'.repeat(3000)])('finds nothing in %j', (text) => {
    expect(readMediaLink(text)).toBeNull();
  });

  it('asks every site, in order, until one reads the address', () => {
    const silent = { id: 'silent', readMediaUrl: () => null } as unknown as SiteAddresses;
    const podcast = {
      id: 'podcast',
      readMediaUrl: (url: URL) => (url.hostname === 'pods.example' ? { site: 'podcast', mediaId: url.pathname.slice(1) } : null),
    } as unknown as SiteAddresses;
    expect(readMediaLink('pods.example/ep-7', [silent, podcast])).toEqual({ site: 'podcast', mediaId: 'ep-7' });
  });
});

describe('site names and pages', () => {
  it('uses the adapter’s name, or the id with a capital', () => {
    expect(siteName('youtube')).toBe('YouTube');
    expect(siteName('spotify', [])).toBe('Spotify');
    expect(mediaPageUrl('youtube', 'C6Zpjij5AF4')).toBe('https://www.youtube.com/watch?v=C6Zpjij5AF4');
    expect(mediaPageUrl('nowhere', 'x')).toBeNull();
  });
});
