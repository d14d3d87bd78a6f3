// Runs before the test suites (`npm test`): the end-to-end tests drive Debian's Chromium, which
// is not an npm dependency. On CI (root, Debian) it installs it; elsewhere it says what to do.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'];
const found = () => candidates.some((path) => path && existsSync(path));
const MISSING = 'Chromium is missing: install Debian\'s package (sudo apt-get install chromium) or set CHROMIUM_PATH';

if (found()) process.exit(0);

const isRoot = process.getuid?.() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!isRoot || !hasApt) {
  console.error(MISSING);
  process.exit(1);
}

console.error('Chromium is missing: installing Debian\'s chromium package (apt-get)...');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update'], ['install', '-y', 'chromium']]) {
  // Streamed: an install takes a minute and CI logs should show where it stands.
  const { status } = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (status !== 0) {
    console.error(`apt-get ${args.join(' ')} failed (exit ${status}). ${MISSING}`);
    process.exit(1);
  }
}
if (!found()) {
  console.error(MISSING);
  process.exit(1);
}
