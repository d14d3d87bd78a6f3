// The end-to-end tests drive browsers from Debian's packages, which are not npm dependencies.
// Run as root on Debian (CI, a fresh machine) it installs what is missing; elsewhere it says, in
// one line, what to install.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/**
 * @param {{ name: string, debianPackage: string, envVar: string, paths: string[] }} browser
 */
export function ensureDebianPackage({ name, debianPackage, envVar, paths }) {
  const candidates = [process.env[envVar], ...paths];
  const found = () => candidates.some((path) => path && existsSync(path));
  const missing = `${name} is missing: install Debian's package (sudo apt-get install ${debianPackage}) or set ${envVar}`;
  if (found()) return;

  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    console.error(missing);
    process.exit(1);
  }
  console.error(`${name} is missing: installing Debian's ${debianPackage} package (apt-get)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', debianPackage]]) {
    // Streamed: an install takes a minute and CI logs should show where it stands.
    const { status } = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed (exit ${status}). ${missing}`);
      process.exit(1);
    }
  }
  if (!found()) {
    console.error(missing);
    process.exit(1);
  }
}
