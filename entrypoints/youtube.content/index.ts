import { defineContentScript } from 'wxt/utils/define-content-script';
import { showProgressMarkers } from '../../utils/sidebar/progress-markers';
import { runSite } from '../../utils/sidebar/run-site';
import { youtube } from '../../utils/sites/youtube';

export default defineContentScript({
  matches: youtube.matches,
  // Embeds run inside other sites' iframes; the chapters belong to the video in that frame.
  allFrames: true,
  runAt: 'document_idle',
  // The sidebar's stylesheet goes into its shadow root only (see utils/background/sidebar-stylesheet.ts).
  cssInjectionMode: 'manual',
  main: (ctx) => runSite(ctx, youtube, { progressMarkers: showProgressMarkers }),
});
