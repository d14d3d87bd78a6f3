import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

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
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'chapterbar@chapterbar.app', strict_min_version: '115.0' } } }
      : {}),
  }),
});
