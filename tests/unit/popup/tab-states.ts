import type { TabState } from '../../../utils/messaging/protocol';

/** A tab's report to the popup, paused at the start with nothing matched, but for `overrides`. */
export const tabState = (overrides: Partial<TabState> & Pick<TabState, 'site' | 'media'>): TabState => ({
  episode: null,
  activeIndex: -1,
  currentTime: 0,
  paused: true,
  playbackRate: 1,
  sidebarVisible: true,
  typing: false,
  ...overrides,
});
