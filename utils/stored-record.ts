import type { z } from 'zod';
import { fieldPath } from './chapters/formats/problems';

/**
 * Versioned records in storage. Every library value carries its format version in the value
 * itself (`{ v: 1, … }`) rather than in WXT's separate `key$` meta entry: the version then travels
 * with the value when it is copied, quarantined or restored, and a value and its version can never
 * be half written apart. Reading one is: check the version, run the migrations from its version
 * to the current one, then validate with zod. Anything that fails becomes a reason a person can read.
 */

/** `migrations[n]` turns a record of version n - 1 into version n. */
export type Migrations = Readonly<Record<number, (previous: Record<string, unknown>) => Record<string, unknown>>>;

export interface RecordFormat<T> {
  /** What the record is, for messages: "an episode", "the list of your episodes". */
  label: string;
  current: number;
  migrations: Migrations;
  schema: z.ZodType<T>;
}

export type RecordRead<T> =
  | { ok: true; value: T; /** A migration ran: the caller should write the value back. */ upgraded: boolean }
  | { ok: false; reason: string };

const kindOf = (value: unknown) =>
  value === null ? 'nothing' : Array.isArray(value) ? 'a list' : typeof value === 'string' ? 'text' : `a ${typeof value}`;

export function readRecord<T>(raw: unknown, format: RecordFormat<T>): RecordRead<T> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: `it is not ${format.label} as Chapterbar writes it (it holds ${kindOf(raw)})` };
  }
  let value = raw as Record<string, unknown>;
  const version = value.v;
  if (version === undefined) {
    return { ok: false, reason: `it has no version number, so Chapterbar did not write it (another tool may have)` };
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: `its version number (${JSON.stringify(version)}) is not one Chapterbar ever wrote` };
  }
  if (version > format.current) {
    return {
      ok: false,
      reason: `a newer Chapterbar wrote it (format ${version}; this one reads up to ${format.current}). Update Chapterbar to use it`,
    };
  }
  for (let next = version + 1; next <= format.current; next++) {
    const migrate = format.migrations[next];
    if (!migrate) return { ok: false, reason: `Chapterbar has no way to convert it from format ${next - 1}` };
    try {
      value = { ...migrate(value), v: next };
    } catch (error) {
      return { ok: false, reason: `Chapterbar could not convert it from format ${next - 1} (${String(error).slice(0, 120)})` };
    }
  }
  const parsed = format.schema.safeParse(value);
  if (!parsed.success) {
    const details = parsed.error.issues.slice(0, 3).map(describeIssue).join('; ');
    return { ok: false, reason: `it is damaged: ${details}` };
  }
  return { ok: true, value: parsed.data, upgraded: version !== format.current };
}

const KIND_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
};

/** "episode.chapters should be a list", "episode.id is missing": zod's issues in plain words. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const field = fieldPath(issue.path) || 'the value';
  if (issue.code === 'invalid_type') {
    // zod leaves the input out of its issues; its message says what it received.
    if (/received undefined$/.test(issue.message)) return `${field} is missing`;
    return `${field} should be ${KIND_NAMES[issue.expected] ?? issue.expected}`;
  }
  return `${field}: ${issue.message}`;
}
