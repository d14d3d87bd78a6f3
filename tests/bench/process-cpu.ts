import { readFileSync, readdirSync } from 'node:fs';
import { execSync } from 'node:child_process';

/*
 * What the machine feels: the CPU time of every process of one Chromium (browser, zygotes,
 * renderers, the extension's worker, GPU and utility processes), read from /proc. A page's own
 * main-thread metrics miss the compositor, the GPU process and the browser process, which is where
 * a running animation spends most of what it costs.
 */

const TICK_MS = 1000 / Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim() || 100);

interface Stat {
  pid: number;
  ppid: number;
  /** utime + stime + cutime + cstime, in clock ticks: children that exited and were reaped count too. */
  ticks: number;
  start: number;
}

function readStat(pid: number): Stat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null; // exited between the listing and the read
  }
  // The command name is in parentheses and may hold spaces: fields are counted after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const num = (field: number) => Number(fields[field - 3]);
  return { pid, ppid: num(4), ticks: num(14) + num(15) + num(16) + num(17), start: num(22) };
}

function allStats(): Stat[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((s): s is Stat => s !== null);
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/**
 * The browser process of the Chromium launched with `marker` on its command line (an extension's
 * or profile's unique temporary path): the newest such process whose parent is not one too.
 */
export function findBrowserPid(marker: string): number {
  const stats = allStats();
  const matching = new Set(stats.filter((s) => cmdline(s.pid).includes(marker)).map((s) => s.pid));
  const roots = stats.filter((s) => matching.has(s.pid) && !matching.has(s.ppid)).sort((a, b) => b.start - a.start);
  if (!roots[0]) throw new Error(`bench: no Chromium process with ${marker} on its command line`);
  return roots[0].pid;
}

/** CPU milliseconds spent so far by `root` and every process under it (and those that exited under it). */
export function treeCpuMs(root: number): number {
  const stats = allStats();
  const children = new Map<number, Stat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const rootStat = stats.find((s) => s.pid === root);
  if (!rootStat) throw new Error(`bench: Chromium process ${root} is gone`);
  let ticks = 0;
  const stack = [rootStat];
  while (stack.length > 0) {
    const s = stack.pop()!;
    ticks += s.ticks;
    stack.push(...(children.get(s.pid) ?? []));
  }
  return ticks * TICK_MS;
}
