import { computed, signal, type ReadonlySignal } from '@preact/signals-core';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { useComputedValue, useSignalValue } from '../../utils/sidebar/signal-hooks';
import { useRenderRoot } from './render-root';

// The hooks stand in for @preact/signals' Preact integration, which this file must not load: with
// it loaded, a component reading `.value` would update through the integration and hide a bug here.

const view = useRenderRoot();
const show = view.show;

describe('useSignalValue', () => {
  function Shown({ source, renders }: { source: ReadonlySignal<number>; renders: () => void }) {
    renders();
    return <p>{useSignalValue(source)}</p>;
  }

  it('re-renders when the signal changes, only then, and shows the new value', () => {
    const count = signal(1);
    const other = signal(1);
    const renders = vi.fn();
    show(<Shown source={count} renders={renders} />);
    expect(view.root.textContent).toBe('1');
    expect(renders).toHaveBeenCalledTimes(1);

    act(() => {
      count.value = 2;
    });
    expect(view.root.textContent).toBe('2');
    expect(renders).toHaveBeenCalledTimes(2);

    act(() => {
      other.value = 5;
      count.value = 2;
    });
    expect(renders).toHaveBeenCalledTimes(2);
  });

  it('re-renders once for changes made together', () => {
    const count = signal(1);
    const renders = vi.fn();
    show(<Shown source={count} renders={renders} />);
    act(() => {
      count.value = 2;
      count.value = 3;
    });
    expect(view.root.textContent).toBe('3');
    expect(renders).toHaveBeenCalledTimes(2);
  });

  it('catches a change made after it rendered and before it subscribed', () => {
    const count = signal(1);
    // A sibling rendered after it changes the signal in the same render, before any effect runs.
    function Changer() {
      count.value = 2;
      return null;
    }
    show(
      <>
        <Shown source={count} renders={() => {}} />
        <Changer />
      </>,
    );
    expect(view.root.textContent).toBe('2');
  });

  it('stops listening when unmounted', () => {
    const count = signal(1);
    const doubling = vi.fn(() => count.value * 2);
    const doubled = computed(doubling);
    const renders = vi.fn();
    show(<Shown source={doubled} renders={renders} />);
    expect(view.root.textContent).toBe('2');
    show(null);
    const computedRuns = doubling.mock.calls.length;
    act(() => {
      count.value = 2;
    });
    // Nothing subscribes to the computed any more, so it does not even recompute.
    expect(doubling).toHaveBeenCalledTimes(computedRuns);
    expect(renders).toHaveBeenCalledTimes(1);
  });

  it('follows a new signal passed in its place, and leaves the old one', () => {
    const first = signal(1);
    const second = signal(10);
    const renders = vi.fn();
    show(<Shown source={first} renders={renders} />);
    show(<Shown source={second} renders={renders} />);
    expect(view.root.textContent).toBe('10');
    const before = renders.mock.calls.length;
    act(() => {
      first.value = 2;
    });
    expect(renders).toHaveBeenCalledTimes(before);
    act(() => {
      second.value = 11;
    });
    expect(view.root.textContent).toBe('11');
  });
});

describe('useComputedValue', () => {
  it('re-renders only when the computed value changes', () => {
    const count = signal(1);
    const renders = vi.fn();
    function Big() {
      renders();
      return <p>{useComputedValue(() => count.value > 5) ? 'big' : 'small'}</p>;
    }
    show(<Big />);
    act(() => {
      count.value = 2;
    });
    expect(renders).toHaveBeenCalledTimes(1);
    act(() => {
      count.value = 6;
    });
    expect(view.root.textContent).toBe('big');
    expect(renders).toHaveBeenCalledTimes(2);
  });

  it('recomputes with the latest closure', () => {
    const count = signal(1);
    function Scaled({ factor }: { factor: number }) {
      return <p>{useComputedValue(() => count.value * factor)}</p>;
    }
    show(<Scaled factor={2} />);
    expect(view.root.textContent).toBe('2');
    // As @preact/signals' useComputed: a new closure alone does not recompute...
    show(<Scaled factor={3} />);
    expect(view.root.textContent).toBe('2');
    // ...but the next recomputation calls it, not the closure of the first render.
    act(() => {
      count.value = 2;
    });
    expect(view.root.textContent).toBe('6');
  });

  it('stops computing when unmounted', () => {
    const count = signal(1);
    const compute = vi.fn(() => count.value + 1);
    function Next() {
      return <p>{useComputedValue(compute)}</p>;
    }
    show(<Next />);
    show(null);
    const runs = compute.mock.calls.length;
    act(() => {
      count.value = 2;
    });
    expect(compute).toHaveBeenCalledTimes(runs);
  });
});
