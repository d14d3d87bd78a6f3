import { onMessage } from '../messaging/protocol';
import { loadSidebarExtras } from './extras';
import { ownShadowRoot } from './own-roots';
import { TAB_MESSAGES, type TabControlAccess } from './tab-state';

/**
 * Answers the popup and the keyboard commands for this tab. The answers come with the sidebar's
 * extras (tab-state.ts), loaded by the first question if the person has not reached for the
 * sidebar yet: the popup and the commands ask only when a person opens one or presses a key. A
 * tab that plays nothing says so at once.
 */
export function serveTabControl(access: TabControlAccess, signal: AbortSignal): void {
  const removers = TAB_MESSAGES.map((type) =>
    onMessage(type, ({ data }) =>
      type === 'getTabState' && !access.session()
        ? null
        : (loadSidebarExtras().then((extras) => extras.answerTab(access, type, data, ownShadowRoot)) as never),
    ),
  );
  signal.addEventListener('abort', () => removers.forEach((remove) => remove()), { once: true });
}
