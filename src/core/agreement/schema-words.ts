import type { Path } from './agreement-error.ts';

/**
 * Reading the zod schema itself: which schema applies at a path, and what it expects, in words.
 * zod 4 keeps a schema's definition in `_zod.def`; only the parts used here are typed.
 */
export interface SchemaLike {
  _zod: { def: SchemaDef };
}
interface SchemaDef {
  type: string;
  innerType?: SchemaLike;
  in?: SchemaLike;
  shape?: Record<string, SchemaLike>;
  element?: SchemaLike;
  options?: SchemaLike[];
  discriminator?: string;
  entries?: Record<string, string | number>;
  values?: unknown[];
  format?: string;
  checks?: { _zod: { def: { check?: string; format?: string; pattern?: RegExp } } }[];
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

export function unwrap(schema: SchemaLike): SchemaLike {
  let s = schema;
  for (;;) {
    const def = s._zod.def;
    if (WRAPPERS.has(def.type) && def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else return s;
  }
}

export function isOptional(schema: SchemaLike): boolean {
  return schema._zod.def.type === 'optional' || schema._zod.def.type === 'default';
}

function literalValues(schema: SchemaLike): unknown[] {
  const def = unwrap(schema)._zod.def;
  if (def.type === 'literal') return def.values ?? [];
  if (def.type === 'enum') return Object.values(def.entries ?? {});
  return [];
}

/** The branch of a union that `value` was meant for: by discriminator, or the object branch with `key`. */
export function unionBranch(
  union: SchemaLike,
  value: unknown,
  key?: string | number,
): SchemaLike | undefined {
  const def = union._zod.def;
  const options = (def.options ?? []).map(unwrap);
  if (def.discriminator && value && typeof value === 'object') {
    const tag = (value as Record<string, unknown>)[def.discriminator];
    return options.find((o) => literalValues(o._zod.def.shape?.[def.discriminator!] ?? o).includes(tag));
  }
  if (typeof key === 'string') return options.find((o) => o._zod.def.shape && key in o._zod.def.shape);
  if (typeof key === 'number') return options.find((o) => o._zod.def.type === 'array');
  return undefined;
}

/** The schema that applies at `path` below `schema`, following the data through unions. */
export function schemaAt(schema: SchemaLike, path: Path, data: unknown): SchemaLike | undefined {
  let s: SchemaLike | undefined = schema;
  let value = data;
  for (const segment of path) {
    if (!s) return undefined;
    s = unwrap(s);
    if (s._zod.def.type === 'union') s = unionBranch(s, value, segment);
    if (!s) return undefined;
    const def = unwrap(s)._zod.def;
    if (def.type === 'object') s = def.shape?.[String(segment)];
    else if (def.type === 'array') s = def.element;
    else return undefined;
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
  }
  return s;
}

/** For a union, the mapping branch that has most of the keys `value` has; otherwise the schema itself. */
export function mappingBranch(schema: SchemaLike, value: unknown): SchemaLike {
  const s = unwrap(schema);
  if (s._zod.def.type !== 'union') return s;
  const keys = value && typeof value === 'object' ? Object.keys(value) : [];
  const options = (s._zod.def.options ?? []).map(unwrap).filter((o) => o._zod.def.type === 'object');
  const score = (o: SchemaLike) => keys.filter((k) => k in (o._zod.def.shape ?? {})).length;
  return (
    options.reduce<SchemaLike | undefined>(
      (best, o) => (!best || score(o) > score(best) ? o : best),
      undefined,
    ) ?? s
  );
}

/** The keys a mapping schema allows, required ones first as written, optional ones marked `?`. */
export function allowedKeys(schema: SchemaLike): string[] {
  const shape = unwrap(schema)._zod.def.shape ?? {};
  return Object.entries(shape).map(([k, v]) => (isOptional(v) ? `${k}?` : k));
}

export const ID_PATTERN = '^[a-z0-9][a-z0-9-]*$';
export const TIME_PATTERN = '^([01]\\d|2[0-3]):[0-5]\\d$';

export const FORMAT_WORDS: Record<string, string> = {
  id: 'an id of lower-case letters, digits and hyphens, starting with a letter or digit (e.g. phase-1)',
  time: 'a time of day as HH:MM on a 24-hour clock (e.g. 16:00)',
  datetime: 'a date-time with an offset (e.g. 2023-11-24T07:00:00+02:00)',
  date: 'a date as YYYY-MM-DD (e.g. 2023-11-22)',
};

/** `id`, `time`, `datetime`, `date` or undefined for other text. */
export function textFormat(format: string | undefined, pattern: string | undefined): string | undefined {
  if (format === 'datetime' || format === 'date') return format;
  if (pattern === ID_PATTERN || pattern === `/${ID_PATTERN}/`) return 'id';
  if (pattern === TIME_PATTERN || pattern === `/${TIME_PATTERN}/`) return 'time';
  return undefined;
}

function stringWords(def: SchemaDef): string {
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  const regex = checks.find((c) => c.format === 'regex')?.pattern?.source;
  const format = textFormat(def.format ?? checks.find((c) => c.check === 'string_format')?.format, regex);
  return format ? FORMAT_WORDS[format]! : 'text';
}

/** What a schema expects, in a few plain words. */
export function describeSchema(schema: SchemaLike | undefined, depth = 0): string {
  if (!schema) return 'a value';
  const def = unwrap(schema)._zod.def;
  switch (def.type) {
    case 'string':
      return stringWords(def);
    case 'number':
      return def.format?.includes('int') || def.checks?.some((c) => c._zod.def.format?.includes('int'))
        ? 'a whole number'
        : 'a number';
    case 'boolean':
      return 'true or false';
    case 'literal':
    case 'enum':
      return literalValues(schema)
        .map((v) => JSON.stringify(v))
        .join(' or ');
    case 'array':
      return depth > 1 ? 'a list' : `a list of ${describeSchema(def.element, depth + 1)}`;
    case 'object':
      return `a mapping with keys ${allowedKeys(schema).join(', ')}`;
    case 'union':
      return (def.options ?? []).map((o) => describeSchema(o, depth + 1)).join(', or ');
    default:
      return 'a value';
  }
}
