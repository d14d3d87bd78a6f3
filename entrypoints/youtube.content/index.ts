import { defineContentScript } from 'wxt/utils/define-content-script';
import { showProgressMarkers } from '../../utils/sidebar/progress-markers';
import { runSiteEarly } from '../../utils/sidebar/early-start';
import { youtube } from '../../utils/sites/youtube';

export default defineContentScript({
  matches: youtube.matches,
  // Embeds run inside other sites' iframes; the chapters belong to the video in that frame.
  allFrames: true,
  // From the start, so that the episode is looked up while the page loads (early-start.ts).
  runAt: 'document_start',
  // The sidebar's stylesheet goes into its shadow root only (see utils/background/sidebar-stylesheet.ts).
  cssInjectionMode: 'manual',
  main: (ctx) => runSiteEarly(ctx, youtube, { progressMarkers: showProgressMarkers }),
});
