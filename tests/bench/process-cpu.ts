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

/** What one process had spent at the last look: its threads' nanoseconds and its own tick count. */
interface Seen {
  threads: Map<string, number>;
  ticksMs: number;
}

function threadNs(pid: number): Map<string, number> | null {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return null;
  }
  const threads = new Map<string, number>();
  for (const tid of tids) {
    try {
      threads.set(tid, Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]));
    } catch {
      // exited between the listing and the read
    }
  }
  return threads;
}

/** Per browser process: each process of its tree as last seen, and the CPU counted so far. */
const counters = new Map<number, { seen: Map<number, Seen>; totalMs: number }>();

/**
 * CPU milliseconds spent by `root` and every process under it, counted from the first call: a
 * counter to take differences of. Each thread's time comes from /proc/<pid>/task/<tid>/schedstat,
 * in nanoseconds: the 10-ms ticks of /proc/<pid>/stat, one rounding per process, were about
 * ±1 ms/s over a 20-s span of ten processes, as large as the paused budget. When a process lost
 * threads since the last look (their time is no longer listed), its tick count, which keeps
 * exited threads, decides if it says more.
 */
export function treeCpuMs(root: number): number {
  const stats = allStats();
  const children = new Map<number, Stat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const rootStat = stats.find((s) => s.pid === root);
  if (!rootStat) throw new Error(`bench: Chromium process ${root} is gone`);
  const counter = counters.get(root) ?? { seen: new Map<number, Seen>(), totalMs: 0 };
  counters.set(root, counter);
  const seen = new Map<number, Seen>();
  const stack = [rootStat];
  while (stack.length > 0) {
    const s = stack.pop()!;
    stack.push(...(children.get(s.pid) ?? []));
    const threads = threadNs(s.pid);
    const ticksMs = s.ticks * TICK_MS;
    if (!threads) continue;
    seen.set(s.pid, { threads, ticksMs });
    const before = counter.seen.get(s.pid);
    let ns = 0;
    for (const [tid, now] of threads) ns += now - (before?.threads.get(tid) ?? 0);
    const lostThreads = before !== undefined && [...before.threads.keys()].some((tid) => !threads.has(tid));
    const precise = ns / 1e6;
    counter.totalMs +=
      before === undefined ? Math.max(precise, ticksMs) : lostThreads ? Math.max(precise, ticksMs - before.ticksMs) : precise;
  }
  counter.seen = seen;
  return counter.totalMs;
}
