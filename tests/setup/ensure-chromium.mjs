// Runs before the test suites (`npm test`): the end-to-end tests drive Debian's Chromium.
import { ensureDebianPackage } from './ensure-debian-package.mjs';

ensureDebianPackage({
  name: 'Chromium',
  debianPackage: 'chromium',
  envVar: 'CHROMIUM_PATH',
  paths: ['/usr/lib/chromium/chromium', '/usr/bin/chromium'],
});
