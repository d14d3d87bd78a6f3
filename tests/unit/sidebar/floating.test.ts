import { describe, expect, it } from 'vitest';
import { floatingBox, placeOrFloat, type Box } from '../../../utils/sidebar/floating';

const overlaps = (a: Box, b: Box) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

describe('the floating panel’s place', () => {
  it('takes the right edge above Spotify’s player bar', () => {
    const bar = { left: 0, top: 810, width: 1400, height: 90 };
    const box = floatingBox({ width: 1400, height: 900 }, [bar]);
    expect(overlaps(box, bar)).toBe(false);
    expect(box.left + box.width).toBe(1392);
    expect(box.height).toBe(810 - 8 - 8);
  });

  it('goes beside a YouTube player, or under a wide one', () => {
    const player = { left: 24, top: 56, width: 900, height: 506 };
    const beside = floatingBox({ width: 1400, height: 900 }, [player]);
    expect(overlaps(beside, player)).toBe(false);
    expect(beside.height).toBe(900 - 16);
    const wide = { left: 0, top: 56, width: 1400, height: 600 };
    const under = floatingBox({ width: 1400, height: 900 }, [wide]);
    expect(overlaps(under, wide)).toBe(false);
    expect(under.top).toBe(664);
  });

  it('covers the page rather than shrinking to nothing when nothing is free', () => {
    const box = floatingBox({ width: 1000, height: 700 }, [{ left: 0, top: 0, width: 1000, height: 700 }]);
    expect(box.height).toBeGreaterThanOrEqual(160);
  });
});

describe('placeOrFloat', () => {
  it('takes the adapter’s anchor when it comes, and floats when it never does', async () => {
    const anchor = document.createElement('div');
    const found = placeOrFloat(
      () => (anchor.isConnected ? { layout: 'column', anchor, append: 'first' } : null),
      new AbortController().signal,
      10_000,
    );
    document.body.append(anchor);
    expect((await found).anchor).toBe(anchor);
    anchor.remove();
    const floated = await placeOrFloat(() => null, new AbortController().signal, 0);
    expect(floated).toMatchObject({ layout: 'floating', anchor: document.body });
  });
});
