import type { z } from 'zod';
import { describeValue, type Path } from './agreement-error.ts';
import {
  allowedKeys,
  describeSchema,
  FORMAT_WORDS,
  mappingBranch,
  type SchemaLike,
  schemaAt,
  textFormat,
  unwrap,
} from './schema-words.ts';

/** A schema problem in words, at a path; `at: 'key'` points at the key rather than its value. */
export interface IssueDraft {
  code: string;
  message: string;
  path: Path;
  at: 'key' | 'value';
  expected?: string;
}

type Issue = z.core.$ZodIssue;

function valueAt(data: unknown, path: Path): unknown {
  let v = data;
  for (const segment of path) {
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[segment];
  }
  return v;
}

const isMapping = (v: unknown) => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * Turns zod issues into plain-English drafts. `schema` and `data` are those the issue paths are
 * relative to (the whole agreement, or one branch of a union), `base` the absolute path of `data`.
 */
export function describeIssues(
  issues: readonly Issue[],
  schema: SchemaLike,
  data: unknown,
  base: Path = [],
): IssueDraft[] {
  const out: IssueDraft[] = [];
  for (const issue of issues) out.push(...describeIssue(issue, schema, data, base));
  return out;
}

function describeIssue(issue: Issue, root: SchemaLike, data: unknown, base: Path): IssueDraft[] {
  const rel = issue.path as Path;
  const path = [...base, ...rel];
  const value = valueAt(data, rel);
  const here = schemaAt(root, rel, data);
  const draft = (
    code: string,
    message: string,
    expected?: string,
    at: 'key' | 'value' = 'value',
  ): IssueDraft[] => [{ code, message, path, at, ...(expected ? { expected } : {}) }];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = here ? allowedKeys(mappingBranch(here, value)).map((k) => k.replace(/\?$/, '')) : [];
      return issue.keys.map((key) => ({
        code: 'unknown-key',
        message: `Unknown key "${key}". Allowed keys here: ${allowed.join(', ')}.`,
        path: [...path, key],
        at: 'key' as const,
        expected: `one of ${allowed.join(', ')}`,
      }));
    }
    case 'invalid_type': {
      const expected = describeSchema(here);
      if (value === undefined) {
        const name = String(rel[rel.length - 1] ?? 'value');
        return draft(
          'missing-field',
          `Missing required field "${name}": expected ${expected}.`,
          expected,
          'key',
        );
      }
      return draft('wrong-type', `Expected ${expected}, found ${describeValue(value)}.`, expected);
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      const many = issue.values.length > 1;
      return draft(
        'bad-enum',
        many
          ? `Found ${describeValue(value)}, which is not allowed here. Allowed values: ${allowed}.`
          : `Expected ${allowed}, found ${describeValue(value)}.`,
        many ? `one of ${allowed}` : allowed,
      );
    }
    case 'invalid_format': {
      const format = textFormat(issue.format, 'pattern' in issue ? String(issue.pattern) : undefined);
      const words = format ? FORMAT_WORDS[format]! : issue.message;
      const code = { id: 'bad-id', time: 'bad-time-of-day', datetime: 'bad-date-time', date: 'bad-date' }[
        format ?? ''
      ];
      return draft(code ?? 'bad-format', `Expected ${words}, found ${describeValue(value)}.`, words);
    }
    case 'too_small':
    case 'too_big':
      return describeSize(issue, value, draft);
    case 'invalid_union':
      return describeUnion(issue, root, data, base, draft);
    default:
      return draft('invalid', `${issue.message} (found ${describeValue(value)}).`);
  }
}

type Draft = (code: string, message: string, expected?: string, at?: 'key' | 'value') => IssueDraft[];

function describeSize(
  issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig,
  value: unknown,
  draft: Draft,
) {
  const small = issue.code === 'too_small';
  const limit = Number(
    small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum,
  );
  const bound = `${small ? 'at least' : 'at most'} ${limit}`;
  if (issue.origin === 'array') {
    const n = Array.isArray(value) ? value.length : 0;
    return draft(
      small ? 'too-few' : 'too-many',
      `Expected ${bound} item${limit === 1 ? '' : 's'} in this list, found ${n}.`,
      `${bound} items`,
    );
  }
  if (issue.origin === 'string') {
    if (small && limit === 1)
      return draft('empty-text', 'This text must not be empty.', 'text that is not empty');
    return draft(
      'too-long',
      `Expected text of ${bound} characters, found ${String(value).length}.`,
      `${bound} characters`,
    );
  }
  return draft(
    'out-of-range',
    `Expected a number ${bound}, found ${describeValue(value)}.`,
    `a number ${bound}`,
  );
}

function describeUnion(
  issue: z.core.$ZodIssueInvalidUnion,
  root: SchemaLike,
  data: unknown,
  base: Path,
  draft: Draft,
) {
  const rel = issue.path as Path;
  const tagged = issue as z.core.$ZodIssueInvalidUnion & { discriminator?: string; options?: unknown[] };
  if (tagged.discriminator) {
    const kinds = (tagged.options ?? []).map(String).join(', ');
    const found = valueAt(data, rel);
    if (found === undefined) {
      return draft(
        'missing-field',
        `Missing required field "${tagged.discriminator}": one of ${kinds}.`,
        `one of ${kinds}`,
        'key',
      );
    }
    return draft(
      'unknown-kind',
      `Unknown ${tagged.discriminator} ${JSON.stringify(found)}. Known kinds: ${kinds}.`,
      `one of ${kinds}`,
    );
  }
  const value = valueAt(data, rel);
  const union = schemaAt(root, rel, data);
  const options = union ? (unwrap(union)._zod.def.options ?? []) : [];
  const expected = describeSchema(union);
  // Branches that accept this sort of value: their failure is not at the union itself.
  const fits = issue.errors
    .map((errors, i) => ({ errors, branch: options[i] }))
    .filter(
      (b) =>
        !b.errors.some(
          (e) => e.path.length === 0 && (e.code === 'invalid_type' || e.code === 'invalid_value'),
        ),
    );
  fits.sort((a, b) => a.errors.length - b.errors.length);
  const best = fits[0];
  const clear = best?.branch && (fits.length === 1 || best.errors.length < fits[1]!.errors.length);
  if (clear && best?.branch) return describeIssues(best.errors, best.branch, value, [...base, ...rel]);
  const code = isMapping(value)
    ? 'no-matching-form'
    : typeof value === 'string' && expected.includes('"')
      ? 'bad-enum'
      : 'wrong-type';
  return draft(code, `Expected ${expected}; found ${describeValue(value)}.`, expected);
}
