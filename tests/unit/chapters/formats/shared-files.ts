import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The shared folder sits beside the repository (/work/shared locally, ../shared in CI), so it is
 * found from the project root, where vitest runs.
 */
export const SHARED_DIR = path.resolve(process.cwd(), '../shared');
export const REAL_WORLD_DIR = path.join(SHARED_DIR, 'fixtures/real-world');
export const SEED_PATH = path.join(SHARED_DIR, 'episodes/no-priors-ep3-emad-mostaque.txt');
/** Chapter files written for these tests (valid and broken). */
export const OWN_FIXTURES_DIR = path.resolve(process.cwd(), 'tests/fixtures/chapters');

export function readSeed(): string {
  return readFileSync(SEED_PATH, 'utf8');
}

export function readRealWorld(relativePath: string): string {
  return readFileSync(path.join(REAL_WORLD_DIR, relativePath), 'utf8');
}

export function readOwnFixture(name: string): string {
  return readFileSync(path.join(OWN_FIXTURES_DIR, name), 'utf8');
}

/** File names in a real-world folder, so a new fixture is tested without editing the tests. */
export function listRealWorld(folder: string, extension: string): string[] {
  return readdirSync(path.join(REAL_WORLD_DIR, folder))
    .filter((name) => name.endsWith(extension))
    .sort();
}
