import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

// Every path the harness touches, relative to the repository root, so tests and scripts (vitest,
// `node --import tsx`) agree whatever their working directory.
export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
/** Where `wxt build` puts the Chrome MV3 extension; global-setup builds it there. */
export const EXTENSION_PATH = resolve(ROOT, '.output/chrome-mv3');
export const SITES_DIR = resolve(ROOT, 'tests/fixtures/sites');
export const MEDIA_DIR = resolve(ROOT, 'tests/fixtures/media');
/** Gitignored (`tests/.artifacts/`): screenshots of every run. */
export const SCREENSHOT_DIR = resolve(ROOT, 'tests/.artifacts/screenshots');
/** Committed screenshots (README, store listing); written only with UPDATE_SCREENSHOTS=1. */
export const ASSET_SCREENSHOT_DIR = resolve(ROOT, 'assets/screenshots');
