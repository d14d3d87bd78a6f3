import { z } from 'zod';
import { readDescriptionChapters } from './chapter-lists';
import { PAGE_LIMITS } from '../collect';
import type { PageReader } from './page-reader';
import { spotify } from '../../sites/spotify';
import { showNotesSettled, type ShowNotesMaterial } from '../../sites/spotify-material';

/*
 * The chapters an episode page on Spotify publishes: the timestamps in its show notes, which
 * spotify.ts collects as text on the episode's own page. The Spotify adapter's reader, run in the
 * background only, through page-readers.ts.
 */

const showNotesMaterial: z.ZodType<ShowNotesMaterial> = z.object({ notes: z.string().max(PAGE_LIMITS.maxTextChars) });

export const spotifyPageReader: PageReader<ShowNotesMaterial> = {
  site: spotify.id,
  content: showNotesMaterial,
  read({ notes }, media) {
    const chapters = readDescriptionChapters(notes, media.duration);
    return chapters ? { source: 'description', chapters } : null;
  },
  // The episode's page shows its notes whole once they are there.
  settled: showNotesSettled,
};
