import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Chapter text, titles and links come from files and pages Chapterbar does not control. It only
 * ever reaches the DOM through Preact's text nodes and attributes; nothing in the extension's own
 * code turns a string into markup or code. (addons-linter still reports Preact's internal
 * `dangerouslySetInnerHTML` path and zod's `new Function` feature probe, which the extension's CSP
 * blocks anyway; this test is why those warnings are safe.)
 */

const SOURCE_DIRS = ['components', 'entrypoints', 'utils'];
const FORBIDDEN: Array<[string, RegExp]> = [
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['innerHTML/outerHTML assignment', /\.(inner|outer)HTML\s*[+]?=/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\.write(ln)?\s*\(/],
  ['createContextualFragment', /createContextualFragment/],
  ['DOMParser text/html', /parseFromString\([^)]*text\/html/],
  ['eval', /(^|[^\w.])eval\s*\(/],
  ['new Function', /new\s+Function\s*\(/],
  ['string timers', /set(Timeout|Interval)\(\s*['"`]/],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

describe('no markup or code from text', () => {
  const files = SOURCE_DIRS.flatMap((dir) => sourceFiles(path.resolve(process.cwd(), dir)));

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(FORBIDDEN)('no %s in components/, entrypoints/ or utils/', (_name, pattern) => {
    const hits = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (pattern.test(line) ? [`${path.relative(process.cwd(), file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });

  it('the check can fail', () => {
    expect(FORBIDDEN.find(([, pattern]) => pattern.test('element.innerHTML = chapter.title'))?.[0]).toBe('innerHTML/outerHTML assignment');
  });
});
