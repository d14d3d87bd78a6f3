import { effect, type ReadonlySignal } from '@preact/signals-core';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
// Built into each content script's CSS file, which the background serves (stylesheet.ts).
import '../../assets/sidebar.css';
import { Sidebar } from '../../components/sidebar/Sidebar';
import type { SidebarState } from './state';
import type { Placement } from '../sites/types';
import { loadStylesheet, styleShadowRoot } from './stylesheet';
import { registerOwnShadowRoot } from './own-roots';
import { loadSidebarExtras } from './extras';

/** Events stopped at the shadow root so the site's shortcuts and player clicks never see them. */
const ISOLATED_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'click',
  'dblclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'wheel',
  'contextmenu',
];

/**
 * What says the person reaches for the sidebar: its tools load then (extras.ts), while the pointer
 * is on its way to them or as focus or an activation (a screen reader's click) first lands in it,
 * so a page that is only watched does not load them (about a quarter of a page load's cost:
 * README, Performance).
 */
const REACHING_EVENTS = ['pointerover', 'focusin', 'touchstart', 'click'];
const loadTools = () => void loadSidebarExtras().catch(() => undefined);

interface Shown {
  state: SidebarState;
  placement: () => Placement | null;
}

export interface SidebarMount {
  /** Shows this episode's sidebar where `placement` says, replacing whatever was shown. */
  show(state: SidebarState, placement: () => Placement | null): Promise<void>;
  /** Moves the shown sidebar after its placement changed (theater, fullscreen, narrow window). */
  remount(): Promise<void>;
  /** Removes this episode's sidebar, if it is still the one shown. */
  hide(state: SidebarState): void;
}

interface Root {
  host: HTMLElement;
  body: HTMLElement;
}

/**
 * A closed shadow root holding a `<body>` (styled by stylesheet.ts): the page's styles stop at the
 * host, the sidebar's stay inside, and the events that sites bind shortcuts to stop at the body.
 *
 * Closed, because the page is not a friend: through an open root any page script could read every
 * chapter, description and bullet of the library, and press the sidebar's buttons. Assistive
 * technology still reads it all (the accessibility tree includes closed roots), and so do the
 * end-to-end tests (tests/e2e/harness/ax.ts).
 */
function createRoot(css: string): Root {
  const host = document.createElement('chapterbar-sidebar');
  const body = document.createElement('body');
  const shadow = host.attachShadow({ mode: 'closed' });
  shadow.append(body);
  styleShadowRoot(shadow, css);
  registerOwnShadowRoot(host, shadow);
  for (const type of ISOLATED_EVENTS) body.addEventListener(type, (event) => event.stopPropagation());
  for (const type of REACHING_EVENTS) body.addEventListener(type, loadTools, { passive: true });
  return { host, body };
}

/**
 * One shadow root for the content script's whole life, reused by every episode, so a single-page
 * site never keeps a past episode's detached sidebar alive.
 *
 * Chapterbar builds the root itself instead of through WXT's `createShadowRootUi`: that function's
 * auto-mount machinery (@1natsu/wait-element, many-keys-map, defu) and @webext-core/isolated-element
 * with its custom-element-name check took 2.5 KB of each content script's 20 KB gzipped budget for
 * features unused here (Chapterbar places the sidebar itself whenever the page changes).
 */
export function createSidebarMount(ctx: ContentScriptContext, hidden: ReadonlySignal<boolean>): SidebarMount {
  let shown: Shown | null = null;
  let root: Promise<Root> | null = null;
  let stopHiding: (() => void) | null = null;

  const getRoot = () => {
    root ??= loadStylesheet().then(createRoot);
    // A failed stylesheet request (the extension was just updated) is tried again on the next show.
    root.catch(() => {
      root = null;
    });
    return root;
  };

  const unmount = (host: HTMLElement, body: HTMLElement) => {
    stopHiding?.();
    stopHiding = null;
    // Out of the page first: Preact then takes apart a tree that is no longer laid out (removed
    // while in the page, each of its elements cost a layout detach: 4 ms per navigation).
    host.remove();
    // Through Preact, so the components' clean-ups (timers, listeners) run.
    render(null, body);
  };

  const mountShown = async () => {
    const { host, body } = await getRoot();
    unmount(host, body);
    const placement = shown?.placement();
    if (!shown || !placement || ctx.isInvalid) return;
    if (placement.append === 'after') placement.anchor.after(host);
    else if (placement.append === 'last') placement.anchor.append(host);
    else placement.anchor.prepend(host);
    host.dataset.layout = shown.state.layout.peek();
    render(<Sidebar state={shown.state} />, body);
    stopHiding = effect(() => {
      host.toggleAttribute('hidden', hidden.value);
    });
  };

  // An updated or removed extension leaves no sidebar behind on the page.
  ctx.onInvalidated(() => {
    shown = null;
    void root?.then(({ host, body }) => unmount(host, body));
  });

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
      void root?.then(({ host, body }) => unmount(host, body));
    },
  };
}
