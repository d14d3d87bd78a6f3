import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_PATH, ROOT } from './paths.ts';

/**
 * Vitest globalSetup of the e2e project: builds the extension once for all e2e files, so every
 * test runs against what `wxt build` ships, not against source. E2E_SKIP_BUILD=1 reuses the last
 * build (quick reruns, or when someone's half-written code does not build yet).
 */
export default function setup(): void {
  if (process.env.E2E_SKIP_BUILD === '1') {
    if (!existsSync(join(EXTENSION_PATH, 'manifest.json'))) {
      throw new Error(`E2E_SKIP_BUILD=1 but there is no build at ${EXTENSION_PATH}: run \`npx wxt build\` first`);
    }
    console.log(`[e2e] E2E_SKIP_BUILD=1: testing the existing build in ${EXTENSION_PATH}`);
    return;
  }
  const started = Date.now();
  // Output is captured and shown only on failure: a green run stays quiet.
  // NODE_ENV=test (vitest's) would make Preact's Vite preset keep hook names and debug hooks in the
  // bundle: about 1 KB more per content script than `npm run build` ships.
  const env = { ...process.env, NODE_ENV: 'production' };
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, encoding: 'utf8', timeout: 600_000, env });
  if (build.status !== 0 || !existsSync(join(EXTENSION_PATH, 'manifest.json'))) {
    const output = `${build.stdout ?? ''}${build.stderr ?? ''}`.trim();
    const reason = build.error ? String(build.error) : `exit code ${build.status}`;
    throw new Error(`[e2e] \`npx wxt build\` failed (${reason}); no e2e test can run.\n${output}`);
  }
  console.log(`[e2e] built the extension in ${Date.now() - started} ms -> ${EXTENSION_PATH}`);
}
