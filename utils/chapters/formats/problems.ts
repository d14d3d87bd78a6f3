import type { InputProblem } from '../schema';

/** One line for a person: "line 14: …", "chapters[3].startTime: …", or just the message. */
export function formatProblem(problem: InputProblem): string {
  const where = problem.line !== undefined ? `line ${problem.line}` : problem.field;
  return where ? `${where}: ${problem.message}` : problem.message;
}

/** "chapters[3].startTime" from a zod path, the way people write paths into JSON. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let result = '';
  for (const key of path) {
    if (typeof key === 'number') result += `[${key}]`;
    else result += result ? `.${String(key)}` : String(key);
  }
  return result;
}

/** “text” for a message, shortened: a message quotes the file, it must not repeat a megabyte of it. */
export function quote(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 59)}…` : text;
  return `“${short}”`;
}

/**
 * Where a problem about the whole file points: its first line with any content (1 for an empty
 * file). Every problem names a place, so a person always knows where to start looking.
 */
export function wholeFileLine(text: string): number {
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) line++;
    else if (code === 13) {
      if (text.charCodeAt(i + 1) !== 10) line++;
    } else if (code !== 32 && code !== 9 && code !== 0xfeff) return line;
  }
  return 1;
}

/** The 1-based line of a character offset, whatever the line endings (LF, CRLF or CR). */
export function lineAtOffset(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}
