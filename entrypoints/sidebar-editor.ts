import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { SIDEBAR_EDITOR } from '../utils/sidebar/editor/editor-list';
import { provideOnDemand } from '../utils/sidebar/on-demand-registry';

/*
 * The sidebar's editor, run by the background in a content script's isolated world when the
 * person asks for it, never made web-accessible (utils/sidebar/on-demand.ts). Preact and the
 * signals come from the content script (on-demand-shared.ts).
 */
export default defineUnlistedScript(() => provideOnDemand('sidebar-editor', SIDEBAR_EDITOR));
