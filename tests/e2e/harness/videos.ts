import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SITES_DIR } from './paths.ts';

/**
 * The fixture YouTube's catalogue. One source of truth: `tests/fixtures/sites/youtube/videos.json`
 * is read here for tests and injected by the server into every fixture page (app.js reads it from
 * `<script id="fixture-videos">`), so a test and the page can never disagree about a title.
 */
export interface FixtureVideo {
  id: string;
  title: string;
  channel: string;
  /** Also the true duration of `media`. */
  lengthSeconds: number;
  /** Server path of the media file, e.g. `/media/episode-45min.webm`. */
  media: string;
  views: string;
  /** The description's text; timestamps in it become links, as YouTube makes them. */
  description?: string;
  /** YouTube's chapters (made from the description by YouTube): player-bar marks and a chapters panel. */
  chapters?: Array<{ start: number; title: string }>;
  /** YouTube's auto-generated chapters (the auto-chapters panel). */
  autoChapters?: Array<{ start: number; title: string }>;
  /** "Key moments" markers, which are not chapters. */
  keyMoments?: Array<{ start: number; title: string }>;
}

export const YOUTUBE_VIDEOS_FILE = resolve(SITES_DIR, 'youtube/videos.json');

export const YOUTUBE_VIDEOS: readonly FixtureVideo[] = JSON.parse(readFileSync(YOUTUBE_VIDEOS_FILE, 'utf8'));

/** The bundled episode: No Priors Ep. 3, 2702 s. */
export const EPISODE_VIDEO_ID = 'C6Zpjij5AF4';

export function youtubeVideo(id: string): FixtureVideo {
  const video = YOUTUBE_VIDEOS.find((v) => v.id === id);
  if (!video) throw new Error(`No fixture video ${id} in ${YOUTUBE_VIDEOS_FILE}`);
  return video;
}
