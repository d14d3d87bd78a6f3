// @vitest-environment node
// (esbuild's API checks its Uint8Arrays, which a DOM environment's TextEncoder does not make.)
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// Content scripts run on every YouTube and Spotify page, within a size budget. Reading a page's
// chapters is split for it: the content script collects strings, the background parses them
// (utils/page-chapters/reading/readers.ts). This fails when a value import brings a parser back into a content
// script; type imports are erased and do not count.

const ROOT = process.cwd();
const CONTENT_SCRIPTS = ['entrypoints/youtube.content/index.ts', 'entrypoints/spotify.content/index.ts'];

/**
 * Background-only modules: the page-chapter parsers and what only they use, and the Markdown
 * formatter behind "Copy as Markdown" (the sidebar asks the background for it).
 */
const BACKGROUND_ONLY = [
  'utils/background/chapter-markdown.ts',
  'utils/page-chapters/reading/readers.ts',
  'utils/page-chapters/reading/chapter-lists.ts',
  'utils/page-chapters/reading/page-json.ts',
  'utils/page-chapters/reading/youtube.ts',
  'utils/page-chapters/reading/spotify.ts',
  'utils/chapters/formats/timestamp-lines.ts',
  'utils/chapters/formats/html-text.ts',
  'utils/chapters/formats/text-lines.ts',
  'utils/chapters/formats/clock.ts',
];
const BACKGROUND_ONLY_PACKAGES = ['zod'];

/** Module specifiers a file imports for their values (not `import type`, not `export type`). */
function valueImports(source: string): string[] {
  const found: string[] = [];
  const statement = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(statement)) if (!match[1]) found.push(match[2]!);
  for (const match of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1]!);
  return found;
}

function resolveModule(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (/\.(ts|tsx)$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

/** Every project module and package a content script reaches through value imports. */
function reachable(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const queue = [resolve(ROOT, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (modules.has(file)) continue;
    modules.add(file);
    for (const specifier of valueImports(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) {
        packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
        continue;
      }
      const target = resolveModule(file, specifier);
      if (target) queue.push(target);
    }
  }
  return { modules: new Set([...modules].map((file) => relative(ROOT, file))), packages };
}

describe('what the content scripts import', () => {
  it('reads value imports and skips type-only ones', () => {
    expect(valueImports(`import type { A } from './a';\nimport { type B, c } from './c';\nimport {\n  d,\n} from "./d";\nexport type { E } from './e';\nimport './f.css';`)).toEqual(['./c', './d', './f.css']);
  });

  it.each(CONTENT_SCRIPTS)('%s reaches no page-chapter parser, Markdown formatter, nor zod', (entry) => {
    const { modules, packages } = reachable(entry);
    // The walk itself works: it reaches the collecting side.
    expect(modules).toContain('utils/page-chapters/collect.ts');
    expect(modules).toContain('utils/sidebar/page-chapter-request.ts');
    expect(BACKGROUND_ONLY.filter((file) => modules.has(file))).toEqual([]);
    expect(BACKGROUND_ONLY_PACKAGES.filter((name) => packages.has(name))).toEqual([]);
  });
});

/**
 * The entry bundled as the extension's build does, minified, so unused code is shaken out. The
 * stylesheet is left out: the build makes it a file of its own (see sidebar-stylesheet.ts).
 */
async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [resolve(ROOT, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    target: 'es2022',
    minify: true,
    loader: { '.css': 'empty' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/**
 * Strings only the sites' address readers hold (utils/sites/*.ts, `youtubeAddresses` and
 * `spotifyAddresses`): a share link's host, a Spotify URI, an example URL of each site. Content
 * scripts never read an address, and an adapter's members cannot be tree-shaken, so these live
 * beside the adapters; this fails when one moves back onto an adapter object.
 */
const ADDRESS_MARKERS = ['youtu.be', 'embed/C6Zpjij5AF4', 'spotify:episode:', 'open.spotify.com/search'];

/**
 * What only the making of a page's episode holds (createPageEpisode, utils/page-chapters/reading/readers.ts): an
 * episode built from nothing, with no alternative titles. The background makes the episode a
 * page's chapters are shown as, and replies with it; this fails when the content scripts make it again.
 */
const PAGE_EPISODE_MARKERS = ['altTitles:[]'];

describe('what the content scripts bundle', () => {
  it('the background, which reads addresses and makes page episodes, holds every marker', async () => {
    // So the markers are the address readers' and page episodes' own, and their absence below means something.
    const background = await bundle('entrypoints/background.ts');
    expect([...ADDRESS_MARKERS, ...PAGE_EPISODE_MARKERS].filter((marker) => !background.includes(marker))).toEqual([]);
  });

  it.each(CONTENT_SCRIPTS)('%s holds no address reader nor example URL, and makes no page episode', async (entry) => {
    const script = await bundle(entry);
    // The bundle is the real script: it holds its adapter's match patterns.
    expect(script).toMatch(/https:\/\/(www\.youtube|open\.spotify)\.com\/\*/);
    expect(ADDRESS_MARKERS.filter((marker) => script.includes(marker))).toEqual([]);
    expect(PAGE_EPISODE_MARKERS.filter((marker) => script.includes(marker))).toEqual([]);
  });
});
