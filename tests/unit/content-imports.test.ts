// @vitest-environment node
// (esbuild's API checks its Uint8Arrays, which a DOM environment's TextEncoder does not make.)
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { importsOf, reachable, ROOT } from './import-graph';

// Content scripts run on every YouTube and Spotify page, within a size budget, and beside the
// page's own scripts. What they may reach is a folder rule: the folders below hold what only the
// background or the extension's pages run (parsers, the library, zod's schemas). Reading a page's
// chapters is split for it: the content script collects strings (utils/page-chapters/collect.ts),
// the background reads them (utils/page-chapters/reading/). Type imports are erased and do not count.

/** Every content script, found by WXT's naming rule rather than listed, so a new site is covered. */
const CONTENT_SCRIPTS = readdirSync(resolve(ROOT, 'entrypoints'), { withFileTypes: true }).flatMap((entry) => {
  if (entry.isFile() && /\.content\.tsx?$/.test(entry.name)) return [`entrypoints/${entry.name}`];
  if (entry.isDirectory() && entry.name.endsWith('.content')) return [`entrypoints/${entry.name}/index.ts`];
  return [];
});

/** Folders only the background or the extension's pages may use. */
export const NOT_FOR_CONTENT_SCRIPTS = [
  'utils/background/',
  'utils/library/',
  'utils/options/',
  'utils/popup/',
  'utils/page-chapters/reading/',
  'utils/chapters/formats/',
  'components/popup/',
  'components/options/',
];
const NOT_FOR_CONTENT_SCRIPTS_PACKAGES = ['zod', 'webextension-polyfill', '@preact/signals'];

/** The modules of `modules` that the folder rule forbids. */
export const forbiddenIn = (modules: Iterable<string>) => [...modules].filter((file) => NOT_FOR_CONTENT_SCRIPTS.some((folder) => file.startsWith(folder)));

describe('what the content scripts import', () => {
  it('reads value imports and skips type-only ones', () => {
    expect(importsOf(`import type { A } from './a';\nimport { type B, c } from './c';\nimport {\n  d,\n} from "./d";\nexport type { E } from './e';\nimport './f.css';`, { values: true })).toEqual(['./c', './d', './f.css']);
  });

  it('finds every content script', () => {
    expect(CONTENT_SCRIPTS).toEqual(expect.arrayContaining(['entrypoints/youtube.content/index.ts', 'entrypoints/spotify.content/index.ts', 'entrypoints/spotify-bridge.content.ts']));
  });

  it('tells a forbidden folder, whatever the file is called', () => {
    expect(forbiddenIn(['utils/sidebar/run-site.ts', 'utils/library/anything-new.ts', 'utils/chapters/time.ts', 'utils/chapters/formats/new-format.ts'])).toEqual([
      'utils/library/anything-new.ts',
      'utils/chapters/formats/new-format.ts',
    ]);
  });

  it.each(CONTENT_SCRIPTS)('%s reaches no folder of the background or the pages, nor zod', (entry) => {
    const { modules, packages } = reachable(entry);
    // The walk itself works: the sites' scripts reach the collecting side.
    if (entry.includes('/index.ts')) {
      expect(modules).toContain('utils/page-chapters/collect.ts');
      expect(modules).toContain('utils/sidebar/page-chapter-request.ts');
    }
    expect(forbiddenIn(modules)).toEqual([]);
    expect(NOT_FOR_CONTENT_SCRIPTS_PACKAGES.filter((name) => packages.has(name))).toEqual([]);
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
