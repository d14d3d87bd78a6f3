import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { SIDEBAR_EXTRAS } from '../utils/sidebar/extras-list';
import { provideOnDemand } from '../utils/sidebar/on-demand-registry';

/*
 * The sidebar's tools and rarer panels, run by the background in a content script's isolated
 * world, never made web-accessible (utils/sidebar/on-demand.ts). Preact and the signals come from
 * the content script (on-demand-shared.ts).
 */
export default defineUnlistedScript(() => provideOnDemand('sidebar-extras', SIDEBAR_EXTRAS));
