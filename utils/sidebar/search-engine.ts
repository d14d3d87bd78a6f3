import { signal } from '@preact/signals-core';
import type { createMatcher, findMatches } from '../chapters/search';

/**
 * Chapter search (utils/chapters/search.ts) comes with the sidebar's extras (extras.ts), with the
 * search box a person types in: until they arrive nothing can be searched, and the sidebar state's
 * matcher is null. A signal, so a state made before they arrived searches once they have.
 */
export interface SearchEngine {
  createMatcher: typeof createMatcher;
  findMatches: typeof findMatches;
}

export const searchEngine = signal<SearchEngine | null>(null);
