import type { InputProblem } from '../schema';
import { lineAtOffset } from './problems';
import { stripBom } from './text-lines';
import { t } from '../../i18n';

/** Chapter files are a few kilobytes; anything this big is the wrong file, and refusing it early keeps the page responsive. */
export const MAX_INPUT_CHARS = 5 * 1024 * 1024;
/** Far more than any real episode has; past it the list is useless and the work is wasted. */
export const MAX_CHAPTERS = 5000;

export interface Failure {
  ok: false;
  problems: InputProblem[];
}

export function failure(...problems: InputProblem[]): Failure {
  return { ok: false, problems };
}

/**
 * The common front door of every parser: refuses what is not text, too big or empty, and turns an
 * unexpected exception into a problem, because a parser of untrusted input must never throw.
 */
export function guardParse<R>(text: unknown, parse: (text: string) => R): R | Failure {
  if (typeof text !== 'string') return failure({ message: t('parseNotText') });
  if (text.length > MAX_INPUT_CHARS) {
    const megabytes = (text.length / (1024 * 1024)).toFixed(1);
    // The place is where the file passes the limit: what lies beyond it is what cannot be read.
    return failure({ line: lineAtOffset(text, MAX_INPUT_CHARS), message: t('parseTooLarge', megabytes) });
  }
  if (stripBom(text).trim() === '') return failure({ line: 1, message: t('parseEmpty') });
  try {
    return parse(text);
  } catch (error) {
    return failure({ message: t('parseCrashed', String(error).slice(0, 200)) });
  }
}
