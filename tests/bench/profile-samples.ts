import { summarize } from './stats.ts';

/*
 * Reading a V8 CPU profile (DevTools' Profiler domain) by who ran: the extensions' scripts, each
 * by its origin, and the garbage collector. Used by own-script.ts (the bench's page-script rows)
 * and profile-cpu.ts (a tool).
 */

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export const originOf = (url: string) => /^chrome-extension:\/\/[a-p]+/.exec(url)?.[0];

/**
 * Milliseconds of the profile spent in each extension's scripts (by origin), counting a native
 * frame (DOM, messaging, storage) for the nearest extension script above it; and in the
 * garbage collector, which every world of the page shares.
 *
 * `period` (the bench's rows): each sample counts one sampling period, the profile's median gap. A
 * gap is wall time: while the thread is descheduled (a background tab's renderer runs at a lower
 * priority; a busy machine) no sample is taken, and weighed by its gap the next one carried the
 * whole wait to whatever ran then (a one-line event listener once weighed 1.2 ms). `gap` weighs
 * each sample by the time since the one before, as DevTools does (profile-cpu.ts's tables).
 */
export function extensionMs(profile: Profile, weigh: 'period' | 'gap' = 'period'): { byOrigin: Map<string, number>; gc: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const owners = new Map<number, string | undefined>();
  const owner = (id: number): string | undefined => {
    if (!owners.has(id)) {
      const up = parent.get(id);
      owners.set(id, originOf(byId.get(id)!.callFrame.url) ?? (up === undefined ? undefined : owner(up)));
    }
    return owners.get(id);
  };
  const gaps = profile.timeDeltas.filter((d) => d > 0);
  const period = gaps.length > 0 ? summarize(gaps).median / 1000 : 0;
  const byOrigin = new Map<string, number>();
  let gc = 0;
  profile.samples.forEach((id, i) => {
    const ms = weigh === 'period' ? period : (profile.timeDeltas[i] ?? 0) / 1000;
    const origin = owner(id);
    if (origin) byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + ms);
    else if (byId.get(id)!.callFrame.functionName === '(garbage collector)') gc += ms;
  });
  return { byOrigin, gc };
}

/** Every extension's milliseconds together (profile-cpu.ts: one extension loaded). */
export const ownMs = (profile: Profile, weigh: 'period' | 'gap' = 'period') =>
  [...extensionMs(profile, weigh).byOrigin.values()].reduce((a, b) => a + b, 0);
