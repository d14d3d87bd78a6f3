import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Reads the project's own import graph from its sources, as text: no bundler, no type checker. */

export const ROOT = process.cwd();

/** Module specifiers a file imports; `values` leaves out `import type` and `export type`. */
export function importsOf(source: string, { values }: { values: boolean }): string[] {
  const found: string[] = [];
  const statement = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(statement)) if (!values || !match[1]) found.push(match[2]!);
  for (const match of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1]!);
  return found;
}

export function resolveModule(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (/\.(ts|tsx)$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

const packageName = (specifier: string) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);

/** Every project module (relative path) and package an entry reaches through value imports. */
export function reachable(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const queue = [resolve(ROOT, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (modules.has(file)) continue;
    modules.add(file);
    for (const specifier of importsOf(readFileSync(file, 'utf8'), { values: true })) {
      if (!specifier.startsWith('.')) {
        packages.add(packageName(specifier));
        continue;
      }
      const target = resolveModule(file, specifier);
      if (target) queue.push(target);
    }
  }
  return { modules: new Set([...modules].map((file) => relative(ROOT, file))), packages };
}

/** Every .ts/.tsx file below the given folders, as paths relative to the root. */
export function sourceFiles(...folders: string[]): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(resolve(ROOT, folder), { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  folders.forEach(walk);
  return files;
}

/** Project files each file imports, type imports included (a circle of types is a circle too). */
export function importGraph(files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const absolute = resolve(ROOT, file);
    const targets = importsOf(readFileSync(absolute, 'utf8'), { values: false })
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => resolveModule(absolute, specifier))
      .filter((target): target is string => target !== null)
      .map((target) => relative(ROOT, target));
    graph.set(file, targets);
  }
  return graph;
}

/** The circles in a graph: each strongly connected group of two or more files (Tarjan's algorithm). */
export function findCircles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) circles.push(group.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return circles;
}
