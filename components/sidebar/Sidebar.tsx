import { t } from '../../utils/i18n';
import type { SidebarState } from '../../utils/sidebar/state';
import { useEffect } from 'preact/hooks';
import { loadSidebarExtras, sidebarExtras } from '../../utils/sidebar/extras';
import { useSignalValue } from '../../utils/sidebar/signal-hooks';
import { ChapterList } from './ChapterList';
import { EditorSlot } from './EditorSlot';
import { Extra } from './Extra';
import { trusted } from './trusted';

function Header({ state }: { state: SidebarState }) {
  const { episode } = state;
  const collapsed = useSignalValue(state.collapsed);
  const overlay = useSignalValue(state.layout) === 'overlay';
  const expandAll = useSignalValue(state.expandAll);
  const editing = useSignalValue(state.editor) !== null;
  return (
    <div class="cb-header">
      <div class="cb-heading">
        <h2>{t('chaptersHeading')}</h2>
        {/* <bdi>: a direction override in the show's name cannot reorder the title after it. */}
        <span class="cb-episode" title={episode.title}>
          {episode.show && !episode.title.startsWith(episode.show) ? (
            <>
              <bdi>{episode.show}</bdi> · <bdi>{episode.title}</bdi>
            </>
          ) : (
            <bdi>{episode.title}</bdi>
          )}
        </span>
      </div>
      {!collapsed && !editing && state.actions.editChapters && (
        <button type="button" class="cb-tool" onClick={trusted(() => state.actions.editChapters?.())}>
          {t('editChapters')}
        </button>
      )}
      {!collapsed && !editing && (
        <button
          type="button"
          class="cb-tool"
          aria-pressed={expandAll}
          onClick={trusted(() => (state.expandAll.value = !state.expandAll.peek()))}
        >
          {t('expandAll')}
        </button>
      )}
      {overlay ? (
        <button type="button" class="cb-tool" onClick={trusted(() => (state.overlayOpen.value = false))}>
          {t('close')}
        </button>
      ) : (
        <button
          type="button"
          class="cb-tool"
          aria-expanded={!collapsed}
          aria-label={collapsed ? t('showChaptersLabel') : t('collapseChaptersLabel')}
          onClick={trusted(() => state.setCollapsed(!collapsed))}
        >
          {/* The visible words begin the accessible name (WCAG 2.5.3, label in name). */}
          {collapsed ? t('showChapters') : t('collapseChapters')}
        </button>
      )}
    </div>
  );
}

function Panel({ state }: { state: SidebarState }) {
  const layout = useSignalValue(state.layout);
  const theme = useSignalValue(state.theme);
  const collapsed = useSignalValue(state.collapsed) && layout !== 'overlay';
  const autoFollow = useSignalValue(state.autoFollow);
  const following = useSignalValue(state.following);
  const editor = useSignalValue(state.editor);
  const tools = useSignalValue(sidebarExtras);
  return (
    <aside
      class={`cb${collapsed ? ' cb-collapsed' : ''}`}
      data-waiting={tools ? undefined : ''}
      aria-label={t('chaptersHeading')}
      // Over the video the panel is dark whatever the page's theme, as players' own menus are.
      data-theme={layout === 'overlay' ? 'dark' : theme}
      data-layout={layout}
    >
      <Header state={state} />
      {!collapsed && editor && <EditorSlot state={state} editor={editor} />}
      {!collapsed && !editor && <Extra name="ChapterSource" props={{ state }} />}
      {/* The search box's place and look are kept until the tools arrive (sidebar.css, .cb-search-slot). */}
      {!collapsed && !editor && (
        <div class="cb-search-slot" data-placeholder={t('searchChapters')}>
          <Extra name="SidebarSearch" props={{ state }} />
        </div>
      )}
      {!editor && autoFollow && !following && (
        <button type="button" class="cb-tool cb-resume" onClick={trusted(() => (state.following.value = true))}>
          {t('backToCurrent')}
        </button>
      )}
      {!collapsed && !editor && <ChapterList state={state} />}
      {!collapsed && !editor && <Extra name="EditionShiftOffer" props={{ state }} />}
      {!collapsed && !editor && <Extra name="OffsetControls" props={{ state }} />}
    </aside>
  );
}

/** The chapter sidebar: a column beside the player, or a toggle and panel over it. */
export function Sidebar({ state }: { state: SidebarState }) {
  const layout = useSignalValue(state.layout);
  const open = useSignalValue(state.overlayOpen);
  const asking = useSignalValue(state.question) !== null;
  // The tools wait for the person to reach for the sidebar (utils/sidebar/mount.tsx). What it says
  // comes at once: a question, a floating frame (the sidebar itself), where chapters come from when
  // they are the page's own, and a notice it shows with them (ChapterSource). Page chapters found
  // later beside a library episode load them with their comparison (episode-session.ts); a notice
  // set later answers something the person did in the sidebar, which loaded them.
  const needed = asking || layout === 'floating' || state.origin !== 'library' || state.notice.peek() !== null;
  useEffect(() => void (needed && loadSidebarExtras().catch(() => undefined)), [needed]);
  const content = asking ? <Extra name="MatchQuestionPanel" props={{ state }} /> : <Panel state={state} />;
  if (layout === 'floating') return <Extra name="FloatingFrame" props={{ state, children: content }} />;
  if (asking && (layout !== 'overlay' || open)) return content;
  if (layout === 'column') return <Panel state={state} />;
  return (
    <>
      {!open && (
        <button type="button" class="cb-overlay-toggle" aria-expanded={false} onClick={trusted(() => (state.overlayOpen.value = true))}>
          {t('chaptersHeading')}
        </button>
      )}
      {open && <Panel state={state} />}
    </>
  );
}
