import { effect, type ReadonlySignal } from '@preact/signals';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import sidebarCss from '../assets/sidebar.css?inline';
import { Sidebar } from '../components/Sidebar';
import type { SidebarState } from './sidebar-state';
import type { Placement } from './sites/types';

/** Events stopped at the shadow root so the site's shortcuts and player clicks never see them. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'click', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'wheel', 'contextmenu'];

interface Shown {
  state: SidebarState;
  placement: () => Placement | null;
}

interface Mounted {
  container: HTMLElement;
  stopHiding: () => void;
}

export interface SidebarMount {
  /** Shows this episode's sidebar where `placement` says, replacing whatever was shown. */
  show(state: SidebarState, placement: () => Placement | null): Promise<void>;
  /** Moves the shown sidebar after its placement changed (theater, fullscreen, narrow window). */
  remount(): Promise<void>;
  /** Removes this episode's sidebar, if it is still the one shown. */
  hide(state: SidebarState): void;
}

/**
 * One shadow-root UI for the content script's whole life, reused by every episode. WXT registers
 * an invalidation clean-up per UI it creates, which would keep every past episode's detached
 * sidebar alive on a single-page site; one UI keeps exactly one.
 */
export function createSidebarMount(ctx: ContentScriptContext, hidden: ReadonlySignal<boolean>): SidebarMount {
  let shown: Shown | null = null;
  let ui: Promise<ShadowRootContentScriptUi<Mounted | undefined>> | null = null;

  const getUi = () =>
    (ui ??= createShadowRootUi<Mounted | undefined>(ctx, {
      name: 'chapterbar-sidebar',
      position: 'inline',
      anchor: () => shown?.placement()?.anchor,
      append: (anchor, host) => {
        const mode = shown?.placement()?.append ?? 'first';
        if (mode === 'first') anchor.prepend(host);
        else if (mode === 'after') anchor.after(host);
        else anchor.append(host);
      },
      css: sidebarCss,
      inheritStyles: true,
      isolateEvents: ISOLATED_EVENTS,
      onMount(container, _shadow, host) {
        if (!shown) return undefined;
        host.dataset.layout = shown.state.layout.peek();
        render(<Sidebar state={shown.state} />, container);
        const stopHiding = effect(() => {
          host.toggleAttribute('hidden', hidden.value);
        });
        return { container, stopHiding };
      },
      // Unmounting through Preact runs the components' clean-ups before WXT empties the root.
      onRemove(mounted) {
        mounted?.stopHiding();
        if (mounted) render(null, mounted.container);
      },
    }));

  const mountShown = async () => {
    const instance = await getUi();
    instance.remove();
    if (shown && shown.placement()) instance.mount();
  };

  return {
    async show(state, placement) {
      shown = { state, placement };
      await mountShown();
    },
    async remount() {
      if (shown) await mountShown();
    },
    hide(state) {
      if (shown?.state !== state) return;
      shown = null;
      void ui?.then((instance) => instance.remove());
    },
  };
}
