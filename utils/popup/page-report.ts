import { formatClock } from '../chapters/time';
import type { MatchReport, PageSees, TabState } from '../messaging/protocol';

/*
 * "What Chapterbar sees" on a tab, as text a person pastes into a bug report. It is written in
 * English whatever the browser's language, on purpose: it is read by whoever fixes the bug, and
 * its lines are compared across reports.
 */

const SIGNALS: Record<string, string> = {
  link: 'your link',
  'media-id': 'media id',
  title: 'title',
  'title-words': 'title words',
  show: 'show',
  number: 'episode number',
  guest: 'guest',
  duration: 'length',
  refused: 'you said "Not this one"',
};

const PLAYERS: Record<NonNullable<PageSees['player']>, string> = {
  media: "found; time from the page's media element",
  bridge: "found; time from the media element, through Spotify's bridge",
  text: "found; time from the player bar's text (Spotify Connect, or no media element)",
};

const LOOKUPS: Record<PageSees['lookup'], string> = {
  pending: 'looking the episode up',
  confident: 'showing the library episode',
  plausible: 'a plausible library episode',
  asking: 'asking you first ("Show chapters" / "Not this one")',
  none: 'no library episode, and no chapters on the page',
  page: "showing the page's own chapters",
};

const WHY: Record<NonNullable<MatchReport['why']>, string> = {
  'no-title': 'the page names no title to match by',
  'no-candidate': 'no library episode comes close',
  contradicted: 'the closest library episode is ruled out',
  refused: 'you said "Not this one" to the closest library episode',
};

const reason = (r: MatchReport['reasons'][number]) => `${SIGNALS[r.signal] ?? r.signal}${r.detail ? ` (${r.detail})` : ''}`;
const quoted = (text: string | undefined) => (text ? `“${text}”` : '(not read)');

/** The report's lines for a tab that reports media; `match` is the background's judgement of it. */
export function formatPageReport(state: TabState, match: MatchReport | null, version: string): string {
  const { media } = state;
  const sees = state.sees;
  const lines = [
    `Chapterbar ${version}: what it sees on this tab`,
    `Site: ${state.site}${media.mediaId ? `, media id ${media.mediaId}` : ', no media id'}`,
    `Title: ${quoted(media.title)}`,
    `Show: ${quoted(media.show)}`,
    `Length: ${media.duration ? formatClock(media.duration) : '(not known)'}`,
    `Player: ${sees?.player ? PLAYERS[sees.player] : sees ? 'not found yet' : '(not reported)'}`,
    `Sidebar: ${sees?.placement ? (sees.placement === 'floating' ? 'floating over the page (no place for it found on the page)' : `placed: ${sees.placement}`) : 'not placed'}${state.sidebarVisible ? '' : ' (hidden by you)'}`,
    `Now: ${sees ? LOOKUPS[sees.lookup] : '(not reported)'}`,
    ...(sees?.pageNote ? [`Page data: ${sees.pageNote}`] : []),
  ];
  if (!match) lines.push('Match: (the library did not answer)');
  else if (match.verdict && match.episode) {
    lines.push(
      `Match: ${match.verdict}, score ${match.score}: ${quoted(match.episode.title)}${match.episode.show ? ` (${match.episode.show})` : ''}`,
    );
  } else {
    lines.push(`Match: none: ${WHY[match.why ?? 'no-candidate']}${match.episode ? `: ${quoted(match.episode.title)}` : ''}`);
  }
  const agrees = match?.reasons.filter((r) => r.agrees) ?? [];
  const differs = match?.reasons.filter((r) => !r.agrees) ?? [];
  if (agrees.length > 0) lines.push(`  agrees: ${agrees.map(reason).join('; ')}`);
  if (differs.length > 0) lines.push(`  differs: ${differs.map(reason).join('; ')}`);
  if (state.episode)
    lines.push(
      `Shown: ${state.episode.chapters.length} chapters from ${state.episode.origin ?? 'library'}${state.episode.linked ? ' (linked by you)' : ''}`,
    );
  return lines.join('\n');
}
