import { describe, expect, it } from 'vitest';
import type { MatchReport, TabState } from '../../../utils/messaging/protocol';
import { formatPageReport } from '../../../utils/popup/page-report';
import { tabState } from './tab-states';

// The feed's title and Spotify's show name for No Priors Ep. 3 (tests/fixtures/matching/title-pairs.json, row 0).
const FEED_TITLE =
  'How can we make sure that everyone has access to AI? Can small models outperform large models? With Stability AI’s Emad Mostaque';
const SPOTIFY_SHOW = 'No Priors: Artificial Intelligence | Technology | Startups';

const tab = (overrides: Partial<TabState> = {}): TabState =>
  tabState({
    site: 'spotify',
    media: { site: 'spotify', mediaId: '2Xq9cTnR4hLmV7bWp3KsYd', title: FEED_TITLE, show: SPOTIFY_SHOW, duration: 2822 },
    sees: { lookup: 'confident', player: 'bridge', placement: 'column, after in div' },
    ...overrides,
  });
const NO_PRIORS = { id: 'no-priors-ep3-emad-mostaque', show: 'No Priors', title: 'No Priors Ep. 3 | With Stability AI’s Emad Mostaque' };

describe('"What Chapterbar sees"', () => {
  it('for a matched page: the episode as read, the clock, the place, the match and why', () => {
    const match: MatchReport = {
      verdict: 'confident',
      score: 90,
      episode: NO_PRIORS,
      reasons: [
        { signal: 'title', agrees: true },
        { signal: 'show', agrees: true },
        { signal: 'duration', agrees: true, detail: '2822 s vs 2702 s' },
      ],
    };
    const chapters = [{ start: 0, end: 135, title: 'Intro' }];
    const text = formatPageReport(tab({ episode: { ...NO_PRIORS, linked: false, chapters, origin: 'library' } }), match, '1.0.0');
    expect(text.split('\n')).toEqual([
      'Chapterbar 1.0.0: what it sees on this tab',
      'Site: spotify, media id 2Xq9cTnR4hLmV7bWp3KsYd',
      `Title: “${FEED_TITLE}”`,
      `Show: “${SPOTIFY_SHOW}”`,
      'Length: 47:02',
      "Player: found; time from the media element, through Spotify's bridge",
      'Sidebar: placed: column, after in div',
      'Now: showing the library episode',
      'Match: confident, score 90: “No Priors Ep. 3 | With Stability AI’s Emad Mostaque” (No Priors)',
      '  agrees: title; show; length (2822 s vs 2702 s)',
      'Shown: 1 chapters from library',
    ]);
  });

  it('for a plausible page: asking first, and what differs', () => {
    const match: MatchReport = {
      verdict: 'plausible',
      score: 50,
      episode: NO_PRIORS,
      reasons: [
        { signal: 'title', agrees: true },
        { signal: 'show', agrees: false, detail: '“AI Talks Replayed” vs “No Priors”' },
      ],
    };
    const text = formatPageReport(tab({ sees: { lookup: 'asking', player: 'text', placement: 'floating' } }), match, '1.0.0');
    expect(text).toContain('Now: asking you first ("Show chapters" / "Not this one")');
    expect(text).toContain('Match: plausible, score 50');
    expect(text).toContain('  differs: show (“AI Talks Replayed” vs “No Priors”)');
    expect(text).toContain("Player: found; time from the player bar's text");
  });

  it('for an unmatched page: why nothing matched, and the closest episode ruled out', () => {
    const match: MatchReport = {
      verdict: null,
      score: 0,
      episode: NO_PRIORS,
      reasons: [{ signal: 'number', agrees: false, detail: '4 vs 3' }],
      why: 'contradicted',
    };
    const text = formatPageReport(
      tab({
        site: 'youtube',
        media: { site: 'youtube', mediaId: 'NoPriorsEp4', title: 'No Priors Ep. 4 | With Stability AI’s Emad Mostaque' },
        sees: { lookup: 'none', player: null, placement: null },
      }),
      match,
      '1.0.0',
    );
    expect(text).toContain('Show: (not read)');
    expect(text).toContain('Match: none: the closest library episode is ruled out: “No Priors Ep. 3 | With Stability AI’s Emad Mostaque”');
    expect(text).toContain('  differs: episode number (4 vs 3)');
    expect(text).toContain('Sidebar: not placed');
  });

  it('for a drifted page (its anchors renamed): the sidebar floats, and says so', () => {
    const match: MatchReport = {
      verdict: 'confident',
      score: 100,
      episode: NO_PRIORS,
      reasons: [{ signal: 'media-id', agrees: true, detail: 'youtube:C6Zpjij5AF4' }],
    };
    const text = formatPageReport(
      tab({ sees: { lookup: 'confident', player: 'media', placement: 'floating' }, sidebarVisible: false }),
      match,
      '1.0.0',
    );
    expect(text).toContain('Sidebar: floating over the page (no place for it found on the page) (hidden by you)');
    expect(text).toContain('  agrees: media id (youtube:C6Zpjij5AF4)');
  });

  it('says when the library did not answer, or the content script is older', () => {
    const text = formatPageReport(tab({ sees: undefined }), null, '1.0.0');
    expect(text).toContain('Match: (the library did not answer)');
    expect(text).toContain('Player: (not reported)');
  });
});
