import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MEDIA_DIR } from '../e2e/harness/paths.ts';

/*
 * The episode's fixture video with a sound a person would hear, for the bench's hidden tab. In
 * probes (2026-12-05, Chromium 156) Chromium paused a muted video, or one without sound, the moment
 * its tab hid; with a silent sound track it kept playing but throttled the page's timers to one a
 * second, as for any silent hidden tab; with a quiet tone (-20 dB) its timers ran unthrottled, as
 * an audible tab's do (my reading of why), and as a podcast listener's tab does. The tone is asked of libopus at
 * 2.5 kbps (at 1.2 kbps and below it wrote silence) and comes to about 4.4 with its variable rate:
 * 1.5 MB for 45 minutes, so it is made here with ffmpeg (a test dependency already,
 * tests/setup/ensure-ffmpeg.mjs) rather than committed.
 */

const FFMPEG = process.env.FFMPEG_PATH ?? '/usr/bin/ffmpeg';
/** The fixture episode's true length, less libopus' padding of its last frame (media/generate.sh). */
const SECONDS = '2701.992';

/** Writes the sounding episode to a temporary folder; `remove` deletes it. */
export function makeSoundingEpisode(): { file: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'chapterbar-sound-'));
  const tone = join(dir, 'tone.webm');
  const file = join(dir, 'episode-sound.webm');
  const remove = () => rmSync(dir, { recursive: true, force: true });
  // Switches written as text for reading; paths passed whole, whatever they hold.
  const flags = (text: string) => text.split(' ');
  const ffmpeg = (args: string[]) => execFileSync(FFMPEG, [...flags('-hide_banner -loglevel error -y'), ...args], { stdio: 'inherit' });
  try {
    const sine = flags(`-f lavfi -i sine=frequency=220:sample_rate=48000 -af volume=-20dB -ac 1 -t ${SECONDS}`);
    ffmpeg([...sine, ...flags('-c:a libopus -b:a 2500 -application voip -frame_duration 120 -vbr on'), tone]);
    ffmpeg(['-i', join(MEDIA_DIR, 'episode-45min.webm'), '-i', tone, ...flags('-map 0:v -map 1:a -c copy -map_metadata -1'), file]);
  } catch (error) {
    remove();
    throw error;
  }
  return { file, remove };
}
