import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Two tiers: fast unit tests with WXT's fake browser, and end-to-end tests that load the built
// extension into real Chromium (they build it once in globalSetup).
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          // The fake browser has no i18n.getMessage: this one reads public/_locales/en.
          setupFiles: ['tests/unit/setup/i18n.ts', 'tests/unit/setup/on-demand.ts', 'tests/unit/setup/idle-callback.ts'],
          // A guard against hangs only: a busy two-core machine (CI runs on one) may take several
          // seconds for the 10,000-episode and fuzz tests. Speed is the bench's to measure.
          testTimeout: 60_000,
          // The same guard for hooks: the on-demand setup imports the sidebar's extras in a beforeAll.
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/harness/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A test polls for the state it means; the time limit only guards against a hang. Vitest's
          // 1 s default fails tests on a busy two-core machine, where a sidebar can take seconds.
          expect: { poll: { timeout: 15_000 } },
          // One Chromium at a time: the machines have two cores.
          fileParallelism: false,
          // Node 20's built-in WebSocket, for driving Firefox over WebDriver BiDi (harness/firefox.ts).
          execArgv: ['--experimental-websocket', '--disable-warning=ExperimentalWarning'],
        },
      },
    ],
  },
});
