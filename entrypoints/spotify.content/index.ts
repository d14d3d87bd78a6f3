import { defineContentScript } from 'wxt/utils/define-content-script';
import { runSiteEarly } from '../../utils/sidebar/early-start';
import { spotify } from '../../utils/sites/spotify';

export default defineContentScript({
  matches: spotify.matches,
  // From the start, like the main-world bridge: the bridge reports the media element only when its
  // time jumps or stops, and a report sent before this script listened would not come again.
  runAt: 'document_start',
  // The sidebar's stylesheet goes into its shadow root only (see utils/background/sidebar-stylesheet.ts).
  cssInjectionMode: 'manual',
  main: (ctx) => runSiteEarly(ctx, spotify, { whenParsed: false }),
});
