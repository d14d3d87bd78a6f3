import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from './import-graph';

/** Small modules: a file past this many lines is split along its seams (stylesheets and data aside). */
const MAX_LINES = 300;

describe('source files', () => {
  it(`stay within ${MAX_LINES} lines`, () => {
    const files = sourceFiles('utils', 'components', 'entrypoints');
    expect(files.length).toBeGreaterThan(100);
    const long = files
      .map((file) => ({ file, lines: readFileSync(resolve(ROOT, file), 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
