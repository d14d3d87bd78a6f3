import { signal, type Signal } from '@preact/signals';
import type { ChapterClock } from './chapter-clock';
import type { Episode } from './chapters/schema';
import type { OffsetCorrection } from './offsets';
import type { Layout, Theme } from './sites/types';

/** Everything the sidebar shows or toggles; one per episode on a page, shared by its views. */
export interface SidebarState {
  episode: Episode;
  /** The episode was attached to this media by the person, not matched. */
  linked: boolean;
  clock: ChapterClock;
  layout: Signal<Layout>;
  theme: Signal<Theme>;
  /** Remembered across pages through the preferences item. */
  collapsed: Signal<boolean>;
  /** Whether the compact overlay's panel is open (embeds, mobile, fullscreen). */
  overlayOpen: Signal<boolean>;
  /** Whether the list keeps the current chapter in view; a person scrolling the list pauses it. */
  following: Signal<boolean>;
  /** The person's setting: when off, the list never scrolls by itself (the highlight still moves). */
  autoFollow: Signal<boolean>;
  expandAll: Signal<boolean>;
  /** Chapters the person opened by hand, besides the current one. */
  expanded: Signal<ReadonlySet<number>>;
  /** Present where the media may run on another timeline than the chapters (another edition). */
  offsetCorrection: OffsetCorrection | null;
  setCollapsed(collapsed: boolean): void;
}

export function createSidebarState(
  episode: Episode,
  clock: ChapterClock,
  options: { layout: Layout; theme: Theme; collapsed: boolean; linked?: boolean; expandAll?: boolean; autoFollow?: boolean; onCollapsedChange?: (collapsed: boolean) => void; offsetCorrection?: OffsetCorrection },
): SidebarState {
  const collapsed = signal(options.collapsed);
  return {
    episode,
    linked: options.linked ?? false,
    clock,
    layout: signal(options.layout),
    theme: signal(options.theme),
    collapsed,
    overlayOpen: signal(false),
    following: signal(true),
    autoFollow: signal(options.autoFollow ?? true),
    expandAll: signal(options.expandAll ?? false),
    expanded: signal<ReadonlySet<number>>(new Set()),
    offsetCorrection: options.offsetCorrection ?? null,
    setCollapsed(value) {
      collapsed.value = value;
      options.onCollapsedChange?.(value);
    },
  };
}

export function toggleExpanded(state: SidebarState, index: number): void {
  const next = new Set(state.expanded.value);
  if (next.has(index)) next.delete(index);
  else next.add(index);
  state.expanded.value = next;
}
