// Runs before the test suites (`npm test`), like ensure-chromium.mjs: one end-to-end file drives
// Debian's Firefox ESR (over WebDriver BiDi), which is not an npm dependency. On CI (root, Debian)
// it installs it; elsewhere it says what to do.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const candidates = [process.env.FIREFOX_PATH, '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox-esr'];
const found = () => candidates.some((path) => path && existsSync(path));
const MISSING = "Firefox is missing: install Debian's package (sudo apt-get install firefox-esr) or set FIREFOX_PATH";

if (found()) process.exit(0);

const isRoot = process.getuid?.() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!isRoot || !hasApt) {
  console.error(MISSING);
  process.exit(1);
}

console.error("Firefox is missing: installing Debian's firefox-esr package (apt-get)...");
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update'], ['install', '-y', 'firefox-esr']]) {
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
