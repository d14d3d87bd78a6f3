import { ChapterActions } from '../../components/sidebar/ChapterActions';
import { ChapterSource } from '../../components/sidebar/ChapterSource';
import { EditionShiftOffer } from '../../components/sidebar/EditionShiftOffer';
import { FloatingFrame } from '../../components/sidebar/FloatingFrame';
import { MatchQuestionPanel } from '../../components/sidebar/MatchQuestion';
import { OffsetControls } from '../../components/sidebar/OffsetControls';
import { SidebarSearch } from '../../components/sidebar/SidebarSearch';
import { createMatcher, findMatches } from '../chapters/search';
import { considerEditionShift } from './edition-offset';
import { verifyDuration } from './duration-check';
import { answerTab } from './tab-state';

/**
 * The sidebar's parts that are not its first paint (the list of chapters): its tools, its rarer
 * panels, chapter search, the comparison of a page's timestamps with the library's chapters, the
 * check of a title match against the media's length, and the tab's answers to the popup and the
 * keyboard commands (tab-state.ts). They are built into their own script
 * (entrypoints/sidebar-extras.ts), which the background runs in the content script's world when the
 * person reaches for the sidebar, or when the popup or a command asks about the tab (extras.ts
 * lists every occasion), so a page that is only watched pays for them only when they have
 * something to say.
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
  verifyDuration,
  answerTab,
  search: { createMatcher, findMatches },
};

export type SidebarExtras = typeof SIDEBAR_EXTRAS;
