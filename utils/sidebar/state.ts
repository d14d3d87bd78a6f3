import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals-core';
import type { ChapterClock } from './chapter-clock';
import type { Episode } from '../chapters/schema';
import type { MatchReasonReport } from '../messaging/protocol';
import type { OffsetCorrection } from './offset-correction';
import type { TextMatcher } from '../chapters/search';
import { searchEngine } from './search-engine';
import type { EditorState } from './editor/editor';
import type { Layout, PageChapterSource, Theme } from '../sites/types';

/** Where the chapters shown come from: the person's library, or the page itself. */
export type ChapterOrigin = 'library' | PageChapterSource;

/** The site, as the sidebar names it ("YouTube's chapters", "the video's description"). */
export interface SidebarSite {
  name: string;
  mediaKind: 'video' | 'episode';
}

/** What the sidebar can ask of its session; each is absent where it does not apply. */
export interface SidebarActions {
  /** Shows the other chapters this media has: the library's instead of the page's, or back. */
  switchOrigin?(): void;
  /** Saves the page's chapters to the library (the background validates and stores them). */
  saveToLibrary?(): Promise<{ ok: true } | { ok: false; message: string }>;
  /** Opens the library (the options page), where saved chapters are renamed, linked, exported. */
  openLibrary?(): void;
  /** The address that opens this media at a moment of the chapters' timeline, or null. */
  linkAt?(documentSeconds: number): string | null;
  /** "Edit chapters": the sidebar's editor, on a copy of the person's own when the chapters are not. */
  editChapters?(): void;
}

/**
 * A plausible match, asked about before its chapters show: which library episode it may be, the
 * signals it was judged by (the panel names those that agree and differ), and what the session
 * does with the answer (match-question.ts).
 */
export interface MatchQuestion {
  title: string;
  show: string;
  reasons: readonly MatchReasonReport[];
  /** Where the background keeps the answer; null when the page names no media. */
  answerFor: { site: string; mediaId: string; episodeId: string } | null;
  accepted(): void;
  refused(): void;
  /** Once the background has kept the answer. */
  answered(accept: boolean): void;
}

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
  origin: ChapterOrigin;
  /** The other origin this media has chapters from, to switch to; null while there is none. */
  alternative: Signal<ChapterOrigin | null>;
  site: SidebarSite;
  actions: SidebarActions;
  /** A short message for the person (after saving), shown until dismissed. */
  notice: Signal<string | null>;
  /** The search box's text. */
  query: Signal<string>;
  matcher: ReadonlySignal<TextMatcher | null>;
  /** Indexes of the chapters that match the search, or null when nothing is searched. */
  matches: ReadonlySignal<ReadonlySet<number> | null>;
  setCollapsed(collapsed: boolean): void;
  /** Set while the sidebar asks whether this is the episode; the chapters show once it is null. */
  question: Signal<MatchQuestion | null>;
  /** The player and its controls, which the floating layout must not cover. */
  keepClear(): Element[];
  /** An offset the page's own timestamps suggest (edition-shift.ts), offered in one click; null for none. */
  shiftOffer: Signal<{ offset: number; text: string } | null>;
  /** The sidebar's editor while the person edits the chapters (issue 16), else null. */
  editor: Signal<EditorState | null>;
}

export interface SidebarStateOptions {
  layout: Layout;
  theme: Theme;
  collapsed: boolean;
  linked?: boolean;
  expandAll?: boolean;
  autoFollow?: boolean;
  onCollapsedChange?: (collapsed: boolean) => void;
  offsetCorrection?: OffsetCorrection;
  origin?: ChapterOrigin;
  alternative?: ChapterOrigin | null;
  site?: SidebarSite;
  actions?: SidebarActions;
  notice?: string | null;
  question?: MatchQuestion | null;
  keepClear?: () => Element[];
}

export function createSidebarState(episode: Episode, clock: ChapterClock, options: SidebarStateOptions): SidebarState {
  const collapsed = signal(options.collapsed);
  const query = signal('');
  const matcher = computed(() => searchEngine.value?.createMatcher(query.value) ?? null);
  const matches = computed(() => {
    const current = matcher.value;
    const engine = searchEngine.value;
    return current && engine ? new Set(engine.findMatches(clock.chapters.value, current)) : null;
  });
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
    origin: options.origin ?? 'library',
    alternative: signal(options.alternative ?? null),
    site: options.site ?? { name: '', mediaKind: 'video' },
    actions: options.actions ?? {},
    notice: signal(options.notice ?? null),
    query,
    matcher,
    matches,
    question: signal(options.question ?? null),
    keepClear: options.keepClear ?? (() => []),
    shiftOffer: signal<{ offset: number; text: string } | null>(null),
    editor: signal<EditorState | null>(null),
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
