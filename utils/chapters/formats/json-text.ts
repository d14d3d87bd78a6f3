import type { InputProblem } from '../schema';
import { t } from '../../i18n';

export type JsonReading = { ok: true; value: unknown } | { ok: false; problem: InputProblem };

/**
 * JSON.parse that reports a syntax error as a problem with its line. Engines word the error
 * differently and some (V8's "Unexpected token …") give no position, so the line comes from
 * findJsonSyntaxError; the engine's words are kept as the detail.
 */
export function readJson(text: string): JsonReading {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const offset = findJsonSyntaxError(text) ?? positionIn(detail);
    const problem: InputProblem = { message: t('parseBadJson', detail.slice(0, 200)) };
    if (offset !== null) problem.line = lineAt(text, offset);
    return { ok: false, problem };
  }
}

function positionIn(detail: string): number | null {
  const position = /position (\d+)/.exec(detail);
  return position ? Number(position[1]) : null;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

type Expect = 'value' | 'value-or-end' | 'key' | 'key-or-end' | 'colon' | 'comma-or-end' | 'nothing';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;
const ESCAPE = /["\\/bfnrt]|u[0-9a-fA-F]{4}/y;

/**
 * Offset of the first JSON syntax error, or null when the text is valid JSON. One pass with an
 * explicit stack, so deep nesting cannot overflow the call stack.
 */
export function findJsonSyntaxError(text: string): number | null {
  const stack: string[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const afterValue = (): Expect => (stack.length === 0 ? 'nothing' : 'comma-or-end');
  for (;;) {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
    if (i >= text.length) return expect === 'nothing' ? null : i;
    const c = text[i];
    switch (expect) {
      case 'nothing':
        return i;
      case 'colon':
        if (c !== ':') return i;
        i++;
        expect = 'value';
        break;
      case 'key':
      case 'key-or-end':
        if (expect === 'key-or-end' && c === '}') {
          stack.pop();
          i++;
          expect = afterValue();
        } else if (c === '"') {
          const end = skipString(text, i);
          if (end < 0) return -end - 1;
          i = end;
          expect = 'colon';
        } else return i;
        break;
      case 'comma-or-end': {
        const top = stack[stack.length - 1];
        if (c === ',') {
          i++;
          expect = top === '{' ? 'key' : 'value';
        } else if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
          stack.pop();
          i++;
          expect = afterValue();
        } else return i;
        break;
      }
      case 'value':
      case 'value-or-end':
        if (expect === 'value-or-end' && c === ']') {
          stack.pop();
          i++;
          expect = afterValue();
        } else if (c === '{' || c === '[') {
          stack.push(c);
          i++;
          expect = c === '{' ? 'key-or-end' : 'value-or-end';
        } else if (c === '"') {
          const end = skipString(text, i);
          if (end < 0) return -end - 1;
          i = end;
          expect = afterValue();
        } else {
          const pattern = c === '-' || (c !== undefined && c >= '0' && c <= '9') ? NUMBER : LITERAL;
          pattern.lastIndex = i;
          if (!pattern.test(text)) return i;
          i = pattern.lastIndex;
          expect = afterValue();
        }
        break;
    }
  }
}

/** Index after the closing quote, or -(error offset + 1). */
function skipString(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return -(i + 1);
    if (code === 0x5c) {
      ESCAPE.lastIndex = i + 1;
      if (!ESCAPE.test(text)) return -(i + 1);
      i = ESCAPE.lastIndex - 1;
    }
  }
  return -(text.length + 1);
}
