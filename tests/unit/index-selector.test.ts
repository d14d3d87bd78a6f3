import { effect, signal } from '@preact/signals-core';
import { describe, expect, it } from 'vitest';
import { createIndexSelector } from '../../utils/sidebar/index-selector';

describe('createIndexSelector', () => {
  it('tells each index whether it is the selected one, and a change reaches only the two it concerns', () => {
    const source = signal(3);
    const isSelected = createIndexSelector(source, new AbortController().signal);
    const runs = new Map<number, number>();
    const seen = new Map<number, boolean>();
    for (let i = 0; i < 1000; i++) {
      effect(() => {
        seen.set(i, isSelected(i).value);
        runs.set(i, (runs.get(i) ?? 0) + 1);
      });
    }
    expect([...seen].filter(([, on]) => on).map(([i]) => i)).toEqual([3]);
    runs.clear();
    source.value = 700;
    expect([...runs.keys()].sort((a, b) => a - b)).toEqual([3, 700]);
    expect([...seen].filter(([, on]) => on).map(([i]) => i)).toEqual([700]);
  });

  it('answers an index first asked after a change, and stops following once its lifetime ends', () => {
    const source = signal(-1);
    const lifetime = new AbortController();
    const isSelected = createIndexSelector(source, lifetime.signal);
    source.value = 5;
    expect(isSelected(5).value).toBe(true);
    expect(isSelected(4).value).toBe(false);
    lifetime.abort();
    source.value = 4;
    expect(isSelected(5).value).toBe(true);
  });
});
