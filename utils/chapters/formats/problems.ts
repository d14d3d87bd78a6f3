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
