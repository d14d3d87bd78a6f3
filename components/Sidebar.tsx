import type { SidebarState } from '../utils/sidebar-state';
import { ChapterList } from './ChapterList';
import { OffsetControls } from './OffsetControls';

function Header({ state }: { state: SidebarState }) {
  const { episode } = state;
  const collapsed = state.collapsed.value;
  const overlay = state.layout.value === 'overlay';
  return (
    <div class="cb-header">
      <div class="cb-heading">
        <h2>Chapters</h2>
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
      {!collapsed && (
        <button
          type="button"
          class="cb-tool"
          aria-pressed={state.expandAll.value}
          onClick={() => (state.expandAll.value = !state.expandAll.value)}
        >
          Expand all
        </button>
      )}
      {overlay ? (
        <button type="button" class="cb-tool" onClick={() => (state.overlayOpen.value = false)}>
          Close
        </button>
      ) : (
        <button
          type="button"
          class="cb-tool"
          aria-expanded={!collapsed}
          aria-label={collapsed ? 'Show chapters' : 'Collapse chapters'}
          onClick={() => state.setCollapsed(!collapsed)}
        >
          {collapsed ? 'Show' : 'Hide'}
        </button>
      )}
    </div>
  );
}

function Panel({ state }: { state: SidebarState }) {
  const collapsed = state.collapsed.value && state.layout.value === 'column';
  return (
    <aside
      class={`cb${collapsed ? ' cb-collapsed' : ''}`}
      aria-label="Chapters"
      // Over the video the panel is dark whatever the page's theme, as players' own menus are.
      data-theme={state.layout.value === 'overlay' ? 'dark' : state.theme.value}
      data-layout={state.layout.value}
    >
      <Header state={state} />
      {state.autoFollow.value && !state.following.value && (
        <button
          type="button"
          class="cb-tool cb-resume"
          onClick={() => (state.following.value = true)}
        >
          Back to current
        </button>
      )}
      {!collapsed && <ChapterList state={state} />}
      {!collapsed && <OffsetControls state={state} />}
    </aside>
  );
}

/** The chapter sidebar: a column beside the player, or a toggle and panel over it. */
export function Sidebar({ state }: { state: SidebarState }) {
  if (state.layout.value === 'column') return <Panel state={state} />;
  const open = state.overlayOpen.value;
  return (
    <>
      {!open && (
        <button
          type="button"
          class="cb-overlay-toggle"
          aria-expanded={false}
          onClick={() => (state.overlayOpen.value = true)}
        >
          Chapters
        </button>
      )}
      {open && <Panel state={state} />}
    </>
  );
}
