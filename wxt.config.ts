import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { spotify } from './utils/sites/spotify';
import { youtube } from './utils/sites/youtube';

// Chapterbar reads only the pages it decorates, never the network: the host permissions
// come from the content scripts' matches, and `storage` holds the library and settings.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({
    plugins: [preact()],
    build: {
      target: 'es2022',
      // Terser's extra passes take about 1 KB (gzipped) more off each content script than esbuild,
      // and content scripts are paid for on every YouTube and Spotify page.
      minify: 'terser',
      terserOptions: { compress: { passes: 3, pure_getters: true, unsafe_arrows: true }, format: { comments: false } },
    },
  }),
  manifest: ({ browser }) => ({
    name: 'Chapterbar',
    description: 'Chapters beside the player for podcast episodes on YouTube and Spotify.',
    // Chrome caps storage.local at 10 MB; a library of a few thousand episodes with descriptions
    // is more (see utils/library-store.ts and its 10,000-episode test). `unlimitedStorage` lifts
    // the cap there without an install warning. Firefox measures storage.local against its much
    // larger IndexedDB limits and would show a warning, so it is asked for on Chrome only.
    permissions: browser === 'firefox' ? ['storage'] : ['storage', 'unlimitedStorage'],
    // The same hosts as the content scripts (so no new warning): they let the popup read a tab's
    // URL, to tell a supported page whose content script is gone from any other page.
    host_permissions: [...youtube.matches, ...spotify.matches],
    // Defaults avoid YouTube's (Shift+N/P, Shift+,/., Ctrl+arrows, J/K/L) and Spotify's
    // (Alt+Shift+letter navigation) shortcuts; people rebind them in the browser's settings.
    // No remote code, no eval, no inline script, nothing loaded from elsewhere, for every page.
    content_security_policy:
      browser === 'firefox'
        ? "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
        : { extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'" },
    commands: {
      'next-chapter': { suggested_key: { default: 'Alt+Shift+Period' }, description: 'Next chapter' },
      'previous-chapter': { suggested_key: { default: 'Alt+Shift+Comma' }, description: 'Previous chapter' },
      'toggle-sidebar': { suggested_key: { default: 'Alt+Shift+0' }, description: 'Show or hide the chapter sidebar' },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'chapterbar@chapterbar.app', strict_min_version: '115.0' } } }
      : {}),
  }),
});
