import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';

/**
 * A container in the document for each test of the calling file (or describe block), emptied
 * through Preact afterwards so that components run their clean-ups, then removed.
 */
export function useRenderRoot() {
  let root: HTMLElement | null = null;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root!);
    root!.remove();
  });
  return {
    get root(): HTMLElement {
      return root!;
    },
    show: (vnode: ComponentChild) => act(() => render(vnode, root!)),
  };
}
