import { describe, expect, it } from 'vitest';
import { findCircles, importGraph, sourceFiles } from './import-graph';

describe('the import graph', () => {
  it('finds a circle where there is one', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(findCircles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('has no circle among the project modules, type imports included', () => {
    const graph = importGraph(sourceFiles('utils', 'components', 'entrypoints'));
    expect(graph.size).toBeGreaterThan(100);
    expect(findCircles(graph)).toEqual([]);
  });

  it('has no chapter parser that loads a site adapter', () => {
    const graph = importGraph(sourceFiles('utils', 'components', 'entrypoints'));
    const adapters = ['utils/sites/youtube.ts', 'utils/sites/spotify.ts', 'utils/sites/registry.ts'];
    const parsersOnAdapters = [...graph].filter(([file, targets]) => file.startsWith('utils/chapters/') && targets.some((target) => adapters.includes(target)));
    expect(parsersOnAdapters).toEqual([]);
  });
});
