import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { SITES } from './utils/sites/registry';
import { ON_DEMAND_SHARED } from './utils/sidebar/on-demand-shared';
import { ON_DEMAND, SHARED_GLOBAL } from './utils/sidebar/on-demand-registry';

/**
 * Content scripts get the browser's own `browser` (Firefox) or `chrome` (Chrome) object where the
 * rest of the extension gets webextension-polyfill. The polyfill wraps callback APIs in promises;
 * every API a content script calls (storage, runtime.getURL/id, i18n) already returns promises in
 * Chrome MV3, and the polyfill's 3 KB (gzipped) would be paid on every YouTube and Spotify page.
 * As in WXT's own `wxt/browser`, `browser` counts only when it is the extension API: an element
 * with `id="browser"` on the page would otherwise stand in for it.
 */
const CONTENT_CONTEXT = fileURLToPath(new URL('./utils/sidebar/content-context.ts', import.meta.url));

function nativeBrowserInContentScripts(): Plugin {
  const NATIVE = '\0chapterbar-native-browser';
  const SHARED = '\0chapterbar-shared:';
  let contentScript = false;
  let onDemand = false;
  return {
    name: 'chapterbar:native-browser-in-content-scripts',
    enforce: 'pre',
    configResolved(config) {
      const entry = config.build.lib ? config.build.lib.entry : undefined;
      const entries = typeof entry === 'string' ? [entry] : entry ? Object.values(entry) : [];
      onDemand = entries.some((path) => ON_DEMAND.some((name) => new RegExp(`[\\\\/]${name}\\.tsx?$`).test(path)));
      contentScript = onDemand || entries.some((path) => /\.content([\\/]index)?\.tsx?$/.test(path));
    },
    resolveId(id) {
      if (!contentScript) return null;
      if (onDemand && Object.hasOwn(ON_DEMAND_SHARED, id)) return SHARED + id;
      if (id === 'webextension-polyfill') return NATIVE;
      // WXT's context announces the extension to the page and stops on an event the page can fire:
      // content scripts get Chapterbar's own (utils/sidebar/content-context.ts explains).
      if (id === 'wxt/utils/content-script-context') return CONTENT_CONTEXT;
      return null;
    },
    load(id) {
      if (id === NATIVE) return 'export default globalThis.browser?.runtime?.id ? globalThis.browser : globalThis.chrome;';
      if (!id.startsWith(SHARED)) return null;
      // On-demand scripts take Preact and the signals from the content script that ran them
      // (utils/sidebar/on-demand.ts): only the names on-demand-shared.ts lists; a missing one fails here.
      const names = Object.keys(ON_DEMAND_SHARED[id.slice(SHARED.length) as keyof typeof ON_DEMAND_SHARED]);
      const from = `globalThis[${JSON.stringify(SHARED_GLOBAL)}][${JSON.stringify(id.slice(SHARED.length))}]`;
      return `const shared = ${from};\n${names.map((name) => `export const ${name} = shared.${name};`).join('\n')}`;
    },
  };
}

/**
 * JSX as Preact's own `createElement` calls (`h(type, props, ...children)`), not the automatic
 * runtime's `jsx(type, { ...props, children })`: Preact's `render` needs createElement anyway, so
 * the content scripts do without `preact/jsx-runtime` and its calls are shorter (0.2 KB gzipped
 * off each). On-demand scripts share it from the content script (on-demand-shared.ts).
 */
function classicJsx(): Plugin {
  return {
    name: 'chapterbar:classic-jsx',
    config: () => ({
      esbuild: {
        jsx: 'transform',
        jsxFactory: '__cbH',
        jsxFragment: '__cbFragment',
        jsxInject: "import { createElement as __cbH, Fragment as __cbFragment } from 'preact';",
      },
    }),
  };
}

// Chapterbar reads only the pages it decorates, never the network: the host permissions
// come from the content scripts' matches, and `storage` holds the library and settings.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({
    plugins: [preact(), classicJsx(), nativeBrowserInContentScripts()],
    build: {
      target: 'es2022',
      // Terser's extra passes take about 1 KB (gzipped) more off each content script than esbuild,
      // and content scripts are paid for on every YouTube and Spotify page.
      // NOMINIFY=1 npx wxt build: readable bundles, for trying minifier settings on them directly.
      minify: process.env.NOMINIFY === '1' ? false : 'terser',
      // SOURCEMAP=1 npx wxt build: maps for finding what takes the content scripts' bytes.
      sourcemap: process.env.SOURCEMAP === '1',
      // `ecma: 2020` and `unsafe` (`throw Error(…)`, `x + ""` for a template or String(x)): 0.1 KB off each
      // content script. `unsafe` assumes the built-ins are the browser's own, which they are in every
      // world Chapterbar's scripts run in (a content script's isolated world cannot see the page's).
      terserOptions: {
        ecma: 2020,
        compress: { passes: 3, pure_getters: true, unsafe_arrows: true, unsafe: true },
        format: { comments: false },
      },
    },
  }),
  // The sources zip that Firefox's add-on review rebuilds from: what git tracks, not local outputs.
  zip: { excludeSources: ['bench-results.json', 'tests/.artifacts/**', '**/*.log'] },
  manifest: ({ browser }) => ({
    // Every text a person reads is in public/_locales/<lang>/messages.json (English complete).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Chrome caps storage.local at 10 MB; a library of a few thousand episodes with descriptions
    // is more (see utils/library/store.ts and its 10,000-episode test). `unlimitedStorage` lifts
    // the cap there without an install warning. Firefox measures storage.local against its much
    // larger IndexedDB limits and would show a warning, so it is asked for on Chrome only.
    // `scripting` (Chrome only, no install warning): after an update the background runs the new
    // content scripts in tabs already open (utils/background/reinject.ts); Firefox does that by itself.
    permissions: browser === 'firefox' ? ['storage'] : ['storage', 'unlimitedStorage', 'scripting'],
    // The same hosts as the content scripts (so no new warning): they let the popup read a tab's
    // URL, to tell a supported page whose content script is gone from any other page.
    host_permissions: SITES.flatMap((site) => site.matches),
    // Defaults avoid YouTube's (Shift+N/P, Shift+,/., Ctrl+arrows, J/K/L) and Spotify's
    // (Alt+Shift+letter navigation) shortcuts; people rebind them in the browser's settings.
    // No remote code, no eval, no inline script, nothing loaded from elsewhere, for every page.
    content_security_policy:
      browser === 'firefox'
        ? "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
        : { extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'" },
    commands: {
      'next-chapter': { suggested_key: { default: 'Alt+Shift+Period' }, description: '__MSG_commandNextChapter__' },
      'previous-chapter': { suggested_key: { default: 'Alt+Shift+Comma' }, description: '__MSG_commandPreviousChapter__' },
      'toggle-sidebar': { suggested_key: { default: 'Alt+Shift+0' }, description: '__MSG_commandToggleSidebar__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'chapterbar@chapterbar.app',
              strict_min_version: '115.0',
              // Firefox's declaration for add-on listings: Chapterbar collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
