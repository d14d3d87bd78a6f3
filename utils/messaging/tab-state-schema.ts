import { z } from 'zod';
import type { TabState } from './protocol';

const seconds = z.number().finite().nonnegative();

/** A content script's reply, checked: a page's script is untrusted ground, and one from an older build fails here as unreachable. */
export const tabStateSchema = z.object({
  site: z.string().min(1),
  media: z.object({
    site: z.string(),
    mediaId: z.string().optional(),
    title: z.string().optional(),
    show: z.string().optional(),
    duration: seconds.optional(),
  }),
  episode: z
    .object({
      id: z.string(),
      show: z.string(),
      title: z.string(),
      linked: z.boolean(),
      chapters: z.array(
        z.object({
          start: seconds,
          end: seconds.nullable(),
          title: z.string(),
          description: z.string().optional(),
          bullets: z.array(z.string()).optional(),
        }),
      ),
      origin: z.string().max(40).optional(),
    })
    .nullable(),
  activeIndex: z.number().int().min(-1),
  currentTime: z.number().finite(),
  paused: z.boolean(),
  playbackRate: z.number().finite().positive(),
  sidebarVisible: z.boolean(),
  typing: z.boolean(),
  sees: z
    .object({
      lookup: z.enum(['pending', 'confident', 'plausible', 'asking', 'none', 'page']),
      player: z.enum(['media', 'bridge', 'text']).nullable(),
      placement: z.string().max(200).nullable(),
      pageNote: z.string().max(1000).optional(),
    })
    .optional(),
}) satisfies z.ZodType<TabState>;

export type TabReply = { kind: 'state'; state: TabState } | { kind: 'no-media' } | { kind: 'unreachable' };

/** Sorts a reply into what the popup shows: chapters, "nothing plays here", or "reload the tab". */
export function readTabReply(reply: unknown): TabReply {
  if (reply === null) return { kind: 'no-media' };
  const parsed = tabStateSchema.safeParse(reply);
  return parsed.success ? { kind: 'state', state: parsed.data } : { kind: 'unreachable' };
}
