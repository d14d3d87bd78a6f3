import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { youtube } from './utils/sites/youtube';

// Chapterbar reads only the pages it decorates, never the network: the host permissions
// come from the content scripts' matches, and `storage` holds the library and settings.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022' },
  }),
  manifest: ({ browser }) => ({
    name: 'Chapterbar',
    description: 'Chapters beside the player for podcast episodes on YouTube and Spotify.',
    permissions: ['storage'],
    // The same hosts as the content scripts (so no new warning): they let the popup read a tab's
    // URL, to tell a supported page whose content script is gone from any other page.
    host_permissions: [...youtube.matches],
    // Defaults avoid YouTube's (Shift+N/P, Shift+,/., Ctrl+arrows, J/K/L) and Spotify's
    // (Alt+Shift+letter navigation) shortcuts; people rebind them in the browser's settings.
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
