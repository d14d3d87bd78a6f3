// Runs before the test suites (`npm test`): one end-to-end file drives Debian's Firefox ESR over
// WebDriver BiDi.
import { ensureDebianPackage } from './ensure-debian-package.mjs';

ensureDebianPackage({
  name: 'Firefox',
  debianPackage: 'firefox-esr',
  envVar: 'FIREFOX_PATH',
  paths: ['/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox-esr'],
});
