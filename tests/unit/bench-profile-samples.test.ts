import { describe, expect, it } from 'vitest';
import { extensionMs, ownMs, type Profile } from '../bench/profile-samples';

const OURS = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/content-scripts/youtube.js';
const CHECK = 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/bar.js';
const PAGE = 'https://www.youtube.com/__fixture/app.js';

/** A profile tree: root → page function → our listener → native querySelector; root → check; root → GC. */
function profile(samples: number[], timeDeltas: number[]): Profile {
  const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0, columnNumber: 0 });
  return {
    nodes: [
      { id: 1, callFrame: frame('(root)'), children: [2, 5, 6, 7] },
      { id: 2, callFrame: frame('dispatch', PAGE), children: [3] },
      { id: 3, callFrame: frame('listener', OURS), children: [4] },
      { id: 4, callFrame: frame('querySelector') },
      { id: 5, callFrame: frame('slice', CHECK) },
      { id: 6, callFrame: frame('(garbage collector)') },
      { id: 7, callFrame: frame('(idle)') },
    ],
    samples,
    timeDeltas,
    startTime: 0,
    endTime: timeDeltas.reduce((a, b) => a + b, 0),
  };
}

describe("the bench's own-script count", () => {
  it('charges a native frame to the extension script above it, and a page frame above it to no one', () => {
    const { byOrigin, gc } = extensionMs(profile([2, 3, 4, 4, 5, 6, 7], [100, 100, 100, 100, 100, 100, 100]));
    expect(byOrigin.get('chrome-extension://abcdefghijklmnopabcdefghijklmnop')).toBeCloseTo(0.3);
    expect(byOrigin.get('chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba')).toBeCloseTo(0.1);
    expect(gc).toBeCloseTo(0.1);
  });

  it('counts each sample one median period, not the wall-time gap before it', () => {
    // The listener's sample came after a 5-ms wait (a descheduled thread): one period by default.
    const spans = profile([7, 7, 3, 7], [100, 100, 5000, 100]);
    expect(ownMs(spans)).toBeCloseTo(0.1);
    expect(ownMs(spans, 'gap')).toBeCloseTo(5);
  });
});
