import { z } from 'zod';
import { formatClock } from '../chapters/time';

/*
 * "Copy as Markdown", formatted in the background: the sidebar sends the chapter
 * (`formatChapterMarkdown` in messaging.ts) and copies the reply, so the escaping and layout stay
 * out of the content scripts' size budget. Imported by the background only
 * (tests/unit/content-imports.test.ts checks that).
 */

/** Characters that would turn a title into formatting, a link or HTML in Markdown. */
const MARKDOWN_SPECIAL = /[\\`*_[\]<>|]/g;
const escapeMarkdown = (text: string) => text.replace(MARKDOWN_SPECIAL, '\\$&').replace(/^(\s*)([#>+-]|\d+\.)(?=\s)/gm, '$1\\$2');

export interface MarkdownChapter {
  start: number;
  /** Infinity for a last chapter of unknown length. */
  end: number;
  title: string;
  description: string;
  bullets: readonly string[];
}

/**
 * A chapter's summary as Markdown: the title as a heading, its time range (a link to that moment
 * when there is one), the description and the bullets. Chapter text is escaped, so a title like
 * "[click](javascript:…)" stays text wherever the Markdown is pasted.
 */
export function formatChapterMarkdown(chapter: MarkdownChapter, link: string | null): string {
  const start = formatClock(chapter.start);
  const range = Number.isFinite(chapter.end) ? `${start}–${formatClock(chapter.end)}` : start;
  const lines = [`### ${escapeMarkdown(chapter.title)}`, '', link ? `[${range}](<${link.replace(/[<>\s]/g, encodeURIComponent)}>)` : range];
  const description = chapter.description.trim();
  if (description) lines.push('', ...description.split(/\r?\n/).map(escapeMarkdown));
  const bullets = chapter.bullets.map((bullet) => bullet.trim()).filter(Boolean);
  if (bullets.length > 0) lines.push('', ...bullets.map((bullet) => `- ${escapeMarkdown(bullet)}`));
  return `${lines.join('\n')}\n`;
}

const seconds = z.number().finite().nonnegative();

/**
 * A content script's request (untrusted: the page may have fooled it), bounded so a request cannot
 * make the service worker build megabytes, and generously: library chapters have no length limits
 * of their own, and any real chapter must copy. `end` is null for an open last chapter: JSON
 * messaging has no Infinity.
 */
const markdownRequest = z.object({
  chapter: z
    .object({
      start: seconds,
      end: seconds.nullable(),
      title: z.string().max(10_000),
      description: z.string().max(200_000),
      bullets: z.array(z.string().max(20_000)).max(1_000),
    })
    .refine((chapter) => chapter.end === null || chapter.end >= chapter.start, { message: 'ends before it starts', path: ['end'] }),
  // The sites' own addresses (mediaUrlAt): https only, so the copied link cannot be a script.
  link: z
    .string()
    .max(2_000)
    .regex(/^https:\/\//i)
    .nullable(),
});

/** The background's answer to `formatChapterMarkdown`: the Markdown, or a throw (a rejection) for a bad request. */
export function answerMarkdownRequest(value: unknown): string {
  const request = markdownRequest.safeParse(value);
  if (!request.success) {
    const issue = request.error.issues[0];
    throw new Error(`Unreadable Markdown request (${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'unreadable'})`);
  }
  const { chapter, link } = request.data;
  return formatChapterMarkdown({ ...chapter, end: chapter.end ?? Infinity }, link);
}
