import { z } from 'zod';

/** What the background accepts as a page's episode description; anything else is ignored. */
export const episodeRefSchema = z.object({
  site: z.string().min(1).max(40),
  mediaId: z.string().max(200).optional(),
  title: z.string().max(2000).optional(),
  show: z.string().max(2000).optional(),
  duration: z.number().finite().nonnegative().optional(),
});
