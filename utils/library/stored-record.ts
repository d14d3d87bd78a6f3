import type { z } from 'zod';
import { fieldPath } from '../chapters/formats/problems';
import { t, type MessageKey } from '../i18n';

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
  /** What the record is, for messages ("an episode"): a message key. */
  label: MessageKey;
  current: number;
  migrations: Migrations;
  schema: z.ZodType<T>;
}

export type RecordRead<T> =
  { ok: true; value: T; /** A migration ran: the caller should write the value back. */ upgraded: boolean } | { ok: false; reason: string };

const kindOf = (value: unknown) =>
  value === null
    ? t('kindNothing')
    : Array.isArray(value)
      ? t('kindList')
      : typeof value === 'string'
        ? t('kindText')
        : t('kindOther', typeof value);

export function readRecord<T>(raw: unknown, format: RecordFormat<T>): RecordRead<T> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: t('recordNotObject', t(format.label), kindOf(raw)) };
  }
  let value = raw as Record<string, unknown>;
  const version = value.v;
  if (version === undefined) {
    return { ok: false, reason: t('recordNoVersion') };
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: t('recordBadVersion', JSON.stringify(version)) };
  }
  if (version > format.current) {
    return {
      ok: false,
      reason: t('recordNewer', version, format.current),
    };
  }
  for (let next = version + 1; next <= format.current; next++) {
    const migrate = format.migrations[next];
    if (!migrate) return { ok: false, reason: t('recordNoMigration', next - 1) };
    try {
      value = { ...migrate(value), v: next };
    } catch (error) {
      return { ok: false, reason: t('recordMigrationFailed', next - 1, String(error).slice(0, 120)) };
    }
  }
  const parsed = format.schema.safeParse(value);
  if (!parsed.success) {
    const details = parsed.error.issues.slice(0, 3).map(describeIssue).join('; ');
    return { ok: false, reason: t('recordDamaged', details) };
  }
  return { ok: true, value: parsed.data, upgraded: version !== format.current };
}

const KIND_NAMES: Record<string, MessageKey> = {
  string: 'kindText',
  number: 'kindNumber',
  boolean: 'kindBoolean',
  array: 'kindList',
  object: 'kindObject',
};

/** "episode.chapters should be a list", "episode.id is missing": zod's issues in plain words. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const field = fieldPath(issue.path) || t('theValue');
  if (issue.code === 'invalid_type') {
    // zod leaves the input out of its issues; its message says what it received.
    if (/received undefined$/.test(issue.message)) return t('fieldMissing', field);
    const kind = Object.hasOwn(KIND_NAMES, issue.expected) ? t(KIND_NAMES[issue.expected]!) : issue.expected;
    return t('fieldShouldBe', field, kind);
  }
  return `${field}: ${issue.message}`;
}
