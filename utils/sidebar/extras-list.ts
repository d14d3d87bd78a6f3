import { ChapterActions } from '../../components/sidebar/ChapterActions';
import { ChapterSource } from '../../components/sidebar/ChapterSource';
import { EditionShiftOffer } from '../../components/sidebar/EditionShiftOffer';
import { FloatingFrame } from '../../components/sidebar/FloatingFrame';
import { MatchQuestionPanel } from '../../components/sidebar/MatchQuestion';
import { OffsetControls } from '../../components/sidebar/OffsetControls';
import { SidebarSearch } from '../../components/sidebar/SidebarSearch';
import { considerEditionShift } from './edition-offset';

/**
 * The sidebar's parts that are not its first paint (the list of chapters): its tools, its rarer
 * panels, and the comparison of a page's timestamps with the library's chapters. They are built into their own script (entrypoints/sidebar-extras.ts), which the
 * background runs in the content script's world once a sidebar shows (utils/sidebar/extras.ts),
 * so a YouTube or Spotify page without a sidebar never pays for them.
 */
export const SIDEBAR_EXTRAS = {
  ChapterActions,
  ChapterSource,
  EditionShiftOffer,
  FloatingFrame,
  MatchQuestionPanel,
  OffsetControls,
  SidebarSearch,
  considerEditionShift,
};

export type SidebarExtras = typeof SIDEBAR_EXTRAS;
