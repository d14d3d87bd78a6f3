// Runs before the test suites (`npm test`): the end-to-end test of chapters inside audio files
// makes its MP3 and M4A with Debian's ffmpeg, the tool podcasters' pipelines use to write them.
import { ensureDebianPackage } from './ensure-debian-package.mjs';

ensureDebianPackage({
  name: 'ffmpeg',
  debianPackage: 'ffmpeg',
  envVar: 'FFMPEG_PATH',
  paths: ['/usr/bin/ffmpeg'],
});
