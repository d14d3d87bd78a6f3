import type { z } from 'zod';
import type { PageChapters } from '../../sites/types';

/** One site's reader of what its adapter collects; the rest of the code never names a site. */
export interface PageReader<Content> {
  /** The adapter's `id`. */
  site: string;
  /** The shape and bounds of what the adapter collects; material that fails it is refused unread. */
  content: z.ZodType<Content>;
  /**
   * The chapters in checked content for `media`, or null when it holds none of this media's. `tell`
   * hears, in words for the person, why some of the content could not be read (PageChaptersReply's note).
   */
  read(content: Content, media: { mediaId: string; duration?: number }, tell: (note: string) => void): PageChapters | null;
  /** Whether the content shows all of this media's page there will be (see PageChaptersReply). */
  settled(content: Content, media: { mediaId: string }): boolean;
}
