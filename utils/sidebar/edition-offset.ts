import { formatClock } from '../chapters/time';
import { t } from '../i18n';
import type { PageEpisode } from '../sites/types';
import { findEditionShift } from './edition-shift';
import type { SidebarState } from './state';

/** "show notes" or "video’s description": where the page's timestamps come from, in the sentence. */
const sourceName = (state: SidebarState, page: PageEpisode) =>
  page.source === 'description'
    ? t(state.site.mediaKind === 'episode' ? 'shiftSourceNotes' : 'shiftSourceDescription')
    : t('shiftSourceChapters');

/** "2:00 later" / "0:30 earlier": a negative offset means the media runs later than the chapters. */
export function shiftSentence(state: SidebarState, page: PageEpisode, offset: number, applied: boolean): string {
  const time = formatClock(Math.round(Math.abs(offset)));
  const source = sourceName(state, page);
  if (applied) return offset < 0 ? t('shiftAppliedLater', source, time) : t('shiftAppliedEarlier', source, time);
  return offset < 0 ? t('shiftOfferLater', source, time) : t('shiftOfferEarlier', source, time);
}

/**
 * Compares the page's timestamps for the media that plays with the library episode's chapters.
 * A shift they agree on, away from the offset in use, is offered in one click; applied at once
 * (and said so) when the person has set none and every timestamp lines up. The manual correction
 * stays, and wins from then on.
 */
export function considerEditionShift(state: SidebarState, page: PageEpisode, personSetOne: boolean): void {
  const correction = state.offsetCorrection;
  if (!correction) return;
  const shift = findEditionShift(
    state.episode.chapters.map((chapter) => chapter.start),
    page.episode.chapters.map((chapter) => chapter.start),
  );
  if (!shift || Math.abs(shift.offset - state.clock.offset.peek()) <= 2) return;
  if (!personSetOne && shift.exact) {
    state.clock.setOffset(shift.offset);
    correction.save(shift.offset);
    state.notice.value = shiftSentence(state, page, shift.offset, true);
    return;
  }
  state.shiftOffer.value = { offset: shift.offset, text: shiftSentence(state, page, shift.offset, false) };
}
