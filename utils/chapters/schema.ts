import { z } from 'zod';
import { t } from '../i18n';

/** Seconds from the start of the media; fractions are kept (Podcasting 2.0 uses them). */
export const secondsSchema = z.number().finite().nonnegative();

export const chapterSchema = z.object({
  start: secondsSchema,
  /** Absent when the source leaves it open: the next start or the media's duration closes it. */
  end: secondsSchema.optional(),
  title: z.string().trim().min(1, t('chapterNeedsTitle')),
  description: z.string().default(''),
  bullets: z.array(z.string()).default([]),
  /**
   * Only http(s) links: a link becomes a clickable anchor, so javascript:, data: and the like are
   * refused here, at the gate every source passes, and dropped with a warning by the parsers.
   */
  url: z
    .string()
    .url()
    .refine((url) => /^https?:\/\//i.test(url), t('onlyHttpLinks'))
    .optional(),
});

/**
 * An id the library can keep. Each episode is stored under a key made of its id, and WXT's storage
 * keeps its own metadata under "<key>$": an id ending in "$" reads as metadata and is skipped when
 * the index is rebuilt from the stored episodes (the episode would vanish). The index holds ids as
 * an object's keys, where "__proto__" sets the prototype instead of adding a key. Both are refused.
 */
export const episodeIdSchema = z
  .string()
  .min(1)
  .refine((id) => !id.endsWith('$') && id !== '__proto__', t('episodeIdUnstorable'));

/** Site ids ("youtube", "spotify", ...) are data here, so the schema never names a site. */
const siteKeyedSchema = <T extends z.ZodType>(value: T) => z.record(z.string().min(1), value);

export const episodeSchema = z
  .object({
    /** Stable key in the library; derived from show and title when a source has none. */
    id: episodeIdSchema,
    show: z.string().default(''),
    title: z.string().trim().min(1, t('requestNeedsTitle')),
    altTitles: z.array(z.string()).default([]),
    /** Media ids per site, e.g. { youtube: ['C6Zpjij5AF4'] }. */
    ids: siteKeyedSchema(z.array(z.string().min(1))).default({}),
    /** Seconds to add to a site's media time to reach the document's timeline. */
    offsets: siteKeyedSchema(z.number().finite()).default({}),
    duration: secondsSchema.optional(),
    chapters: z.array(chapterSchema).min(1, t('episodeNeedsChapter')),
  })
  .superRefine((episode, ctx) => {
    episode.chapters.forEach((chapter, i) => {
      const next = episode.chapters[i + 1];
      if (chapter.end !== undefined && chapter.end <= chapter.start) {
        ctx.addIssue({ code: 'custom', path: ['chapters', i, 'end'], message: t('chapterEndsAfterStart') });
      }
      if (next && next.start < chapter.start) {
        ctx.addIssue({ code: 'custom', path: ['chapters', i + 1, 'start'], message: t('chaptersInOrder') });
      }
      if (next && chapter.end !== undefined && chapter.end > next.start) {
        ctx.addIssue({ code: 'custom', path: ['chapters', i, 'end'], message: t('chapterOverlaps') });
      }
    });
  });

export type Chapter = z.infer<typeof chapterSchema>;
export type Episode = z.infer<typeof episodeSchema>;
/** What a parser builds before validation fills the defaults. */
export type EpisodeInput = z.input<typeof episodeSchema>;

/** A problem found in untrusted input, with where it is so a person can fix it. */
export interface InputProblem {
  message: string;
  line?: number;
  field?: string;
}

export type ParseResult = { ok: true; episode: Episode; warnings: InputProblem[] } | { ok: false; problems: InputProblem[] };

/** Turns zod's issues into problems a person can act on: "chapters.3.title: a chapter needs a title". */
export function describeZodIssues(issues: readonly z.core.$ZodIssue[]): InputProblem[] {
  return issues.map((issue) => ({
    field: issue.path.map(String).join('.') || undefined,
    message: issue.message,
  }));
}

/** Validates what a parser built; the single gate every source passes through. */
export function validateEpisode(input: unknown, warnings: InputProblem[] = []): ParseResult {
  const result = episodeSchema.safeParse(input);
  return result.success ? { ok: true, episode: result.data, warnings } : { ok: false, problems: describeZodIssues(result.error.issues) };
}

/** Lowercase slug from show and title, so re-importing the same episode replaces it. */
export function episodeIdFrom(show: string, title: string): string {
  const slug = `${show} ${title}`
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return slug || 'episode';
}
