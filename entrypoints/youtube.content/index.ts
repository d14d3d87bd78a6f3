import { defineContentScript } from 'wxt/utils/define-content-script';
import { runSite } from '../../utils/run-site';
import { youtube } from '../../utils/sites/youtube';

export default defineContentScript({
  matches: youtube.matches,
  // Embeds run inside other sites' iframes; the chapters belong to the video in that frame.
  allFrames: true,
  runAt: 'document_idle',
  main: (ctx) => runSite(ctx, youtube),
});
