/** Editors on Windows often save UTF-8 with a byte order mark; it is not part of the text. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Lines of a text file whatever its line endings (LF, CRLF, or old Mac CR). */
export function splitLines(text: string): string[] {
  return stripBom(text).split(/\r\n|\r|\n/);
}

/**
 * Longer than any real chapter line (a title, a description paragraph). Longer lines are skipped
 * before any regular expression sees them: a line of megabytes can overflow a backtracking
 * engine's stack, and it is never a chapter.
 */
export const MAX_LINE_CHARS = 4000;
