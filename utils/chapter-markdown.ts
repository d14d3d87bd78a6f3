import { formatClock } from './chapters/time';

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
