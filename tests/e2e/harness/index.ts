// The e2e harness in one import: `import { startServer, launchBrowser, ... } from './harness/index.ts'`.
export {
  startServer,
  serveFile,
  FIXTURE_HOSTS,
  type FixtureServer,
  type RecordedRequest,
  type RouteHandler,
  type FixtureResponse,
} from './server.ts';
export {
  launchBrowser,
  extensionId,
  screenshot,
  chromiumPath,
  chromiumArgs,
  type LaunchedBrowser,
  type LaunchOptions,
  type ConsoleError,
} from './browser.ts';
export { YOUTUBE_VIDEOS, EPISODE_VIDEO_ID, youtubeVideo, type FixtureVideo } from './videos.ts';
export { EXTENSION_PATH, ROOT } from './paths.ts';
export { fixture, type FixtureApi } from './youtube.ts';
export { useFileBrowser, type FileBrowser } from './file-browser.ts';
export { ax, axSidebar, AxLocator, type RoleOptions, type NameMatch } from './ax.ts';
export { cdpOf } from './ax-session.ts';
export { contentScriptContext, extensionWorker, sendAsContentScript, watchLongestTask } from './content-world.ts';
export { axeAudit, evaluateRevealed, type AxeViolation } from './revealed.ts';
export { tabState, settledLookup, settledNoMedia, animationFrames, timeUpdate, postedMessagesHandled, reachForSidebar } from './settled.ts';
export { layersInside } from './layers.ts';
