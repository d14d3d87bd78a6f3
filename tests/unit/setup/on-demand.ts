import { beforeAll } from 'vitest';

/**
 * In the browser the sidebar's extras arrive when the person reaches for it (utils/sidebar/extras.ts,
 * covered by tests/unit/sidebar/on-demand.test.ts, tools-on-reach.test.tsx and the e2e tests); unit tests render the
 * components that use them as if they had already arrived. Imported here, after the test file's
 * own imports and `vi.mock`s, so the extras see the same (mocked) modules as the test.
 */
beforeAll(async () => {
  const [{ SIDEBAR_EXTRAS }, { provideOnDemand, SHARED_GLOBAL }, { ON_DEMAND_SHARED }, { loadSidebarExtras }] = await Promise.all([
    import('../../../utils/sidebar/extras-list'),
    import('../../../utils/sidebar/on-demand-registry'),
    import('../../../utils/sidebar/on-demand-shared'),
    import('../../../utils/sidebar/extras'),
  ]);
  // As the content script does before the background runs the script (on-demand.ts).
  (globalThis as Record<string, unknown>)[SHARED_GLOBAL] = ON_DEMAND_SHARED;
  provideOnDemand('sidebar-extras', SIDEBAR_EXTRAS);
  await loadSidebarExtras();
});
