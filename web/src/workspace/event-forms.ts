import type { EventEnvelope, FigureSource } from '../../../src/core/ledger/event.ts';
import { EVENT_KINDS, EventBodies, type EventKind } from '../../../src/core/ledger/event-kinds.ts';
import { isoInZone, localToEpoch } from '../../../src/core/time/zoned-time.ts';

export type FieldType = 'text' | 'int' | 'ref' | 'id' | 'ids' | 'date' | 'bool' | 'enum' | 'persons';

export interface FieldSpec {
  name: string;
  type: FieldType;
  required: boolean;
  /** Where the choices come from, for an id: the agreement's parties or provisions. */
  choices?: 'party' | 'provision';
  /** For a provision: the kinds of provision that fit this event (all when absent). */
  provisionKinds?: readonly string[];
  /** For an enum: the values the schema allows. */
  options?: readonly string[];
}

/** The few parts of a zod 4 schema's definition the form reads (its public `def`). */
interface ZodLike {
  def: {
    type: string;
    innerType?: ZodLike;
    element?: ZodLike;
    format?: string;
    entries?: Record<string, string>;
    checks?: { _zod: { def: { check: string; format?: string; pattern?: RegExp } } }[];
  };
}

const ID_SOURCE = '^[a-z0-9][a-z0-9-]*$';
const HEX64_SOURCE = '^[0-9a-f]{64}$';

/** The pattern a string schema must match, if it has one. */
function patternOf(x: ZodLike): string | undefined {
  return x.def.checks?.find((c) => c._zod.def.check === 'string_format' && c._zod.def.format === 'regex')
    ?._zod.def.pattern?.source;
}

/** Fields naming a party of the agreement. */
const PARTY_FIELDS = new Set(['against', 'party', 'to', 'via']);

/**
 * The kinds of provision an event can be about, by the family of its kind (`aid.delivered` →
 * aid). A family not listed here (a kind added later) is offered every provision.
 */
const PROVISION_FIT: Record<string, readonly string[]> = {
  list: ['exchange'],
  handover: ['exchange'],
  release: ['exchange'],
  aid: ['aid'],
  crossing: ['crossing'],
  withdrawal: ['withdrawal'],
  talks: ['negotiation'],
  return: ['displaced-return'],
};

/** One field of a form from its schema; null for a shape the form cannot ask for (a union, a record). */
function fieldOf(kind: string, name: string, schema: ZodLike): FieldSpec | null {
  let x = schema;
  let required = true;
  while (x.def.type === 'optional' && x.def.innerType) {
    required = false;
    x = x.def.innerType;
  }
  let type: FieldType;
  let options: readonly string[] | undefined;
  switch (x.def.type) {
    case 'number':
      type = 'int';
      break;
    case 'boolean':
      type = 'bool';
      break;
    case 'enum':
      type = 'enum';
      options = Object.values(x.def.entries ?? {});
      break;
    case 'array': {
      const element = x.def.element ? patternOf(x.def.element) : undefined;
      if (element === HEX64_SOURCE) type = 'persons';
      else if (element === ID_SOURCE) type = 'ids';
      else return null;
      break;
    }
    case 'string': {
      const pattern = patternOf(x);
      type =
        x.def.format === 'date'
          ? 'date'
          : pattern === HEX64_SOURCE
            ? 'ref'
            : pattern === ID_SOURCE
              ? 'id'
              : pattern === undefined
                ? 'text'
                : 'id';
      break;
    }
    default:
      return null;
  }
  const spec: FieldSpec = { name, type, required };
  if (options) spec.options = options;
  if (type === 'id' && name === 'provision') {
    spec.choices = 'provision';
    const fit = PROVISION_FIT[kind.split('.')[0]!];
    if (fit) spec.provisionKinds = fit;
  } else if (type === 'id' && PARTY_FIELDS.has(name)) spec.choices = 'party';
  return spec;
}

/** A record of anything (a correction's new body): the point of its event, which no form can ask for. */
function freeForm(x: ZodLike): boolean {
  return x.def.type === 'record' && (x.def as { valueType?: ZodLike }).valueType?.def.type === 'unknown';
}

/**
 * The fields of one kind's body, generated from its schema; null when one cannot be asked for.
 * An optional field of a shape a form cannot ask for (counts per category, casualty figures by
 * source) is left out, as the event is complete without it.
 */
export function fieldsOf(kind: EventKind): FieldSpec[] | null {
  const shape = (EventBodies[kind] as unknown as { shape: Record<string, ZodLike> }).shape;
  const out: FieldSpec[] = [];
  for (const [name, schema] of Object.entries(shape)) {
    const spec = fieldOf(kind, name, schema);
    // An optional field of a shape a form cannot ask for (counts per category, casualty figures
    // by source) is left out: the event is complete without it. A required one hides the kind.
    if (!spec) {
      if (schema.def.type === 'optional' && !freeForm(schema.def.innerType!)) continue;
      return null;
    }
    out.push(spec);
  }
  return out;
}

/** Kinds only the operator records (registering keys, adopting the agreement): not the workspace's. */
const OPERATOR_KINDS: ReadonlySet<string> = new Set([
  'actor.registered',
  'actor.revoked',
  'agreement.adopted',
]);

/** The actions most recorded, offered first; every other kind the form can ask for follows. */
const FIRST: readonly string[] = [
  'list.submitted',
  'list.accepted',
  'list.rejected',
  'handover.completed',
  'handover.confirmed',
  'release.completed',
  'aid.delivered',
  'violation.alleged',
  'acknowledgement',
  'dispute',
];

/** The kinds of event the workspace records, in the order its actions are offered: every kind of the core's schemas but the operator's (and one whose body is free-form). */
export const WORKSPACE_KINDS: readonly EventKind[] = EVENT_KINDS.filter(
  (k) => !OPERATOR_KINDS.has(k) && fieldsOf(k) !== null,
).sort((a, b) => rank(a) - rank(b));

function rank(k: string): number {
  const i = FIRST.indexOf(k);
  return i === -1 ? FIRST.length : i;
}

export type WorkspaceKind = EventKind;

/** The fields of each kind's body (src/core/ledger/event-kinds.ts), as the form asks for them. */
export const FIELDS: Readonly<Partial<Record<EventKind, FieldSpec[]>>> = Object.fromEntries(
  WORKSPACE_KINDS.map((k) => [k, fieldsOf(k)!]),
);

/** Kinds whose figure needs a source: who counted it and how. */
export const NEEDS_SOURCE: ReadonlySet<WorkspaceKind> = new Set(['aid.delivered']);

export type FormValues = Record<string, string | boolean | string[]>;

export interface BuildContext {
  log: string;
  actor: string;
  occurredAt: string;
  recordedAt: string;
  source?: FigureSource | undefined;
}

/** What is wrong with a field: `code` for the form's words, `message` in English, `params` for both. */
export interface FormError {
  field: string;
  code: FormErrorCode;
  message: string;
  params?: Record<string, string | number>;
}

export type FormErrorCode =
  | 'required'
  | 'not-count'
  | 'not-ref'
  | 'not-id'
  | 'not-date'
  | 'not-commitment'
  | 'too-long'
  | 'count-mismatch'
  | 'source-required'
  | 'invalid';

const ID = /^[a-z0-9][a-z0-9-]*$/;
const HASH = /^[0-9a-f]{64}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The fields that are one line of text in a fixed form: the pattern and what a mismatch says. */
const TEXT_FORMS: Record<
  'ref' | 'id' | 'enum' | 'date',
  { pattern: RegExp; code: FormErrorCode; message: string }
> = {
  ref: { pattern: HASH, code: 'not-ref', message: 'must be the leaf hash of an event (64 hex digits)' },
  id: { pattern: ID, code: 'not-id', message: 'must be an id: lower-case letters, digits, hyphens' },
  enum: { pattern: ID, code: 'not-id', message: 'must be an id: lower-case letters, digits, hyphens' },
  date: { pattern: DATE, code: 'not-date', message: 'must be a date YYYY-MM-DD' },
};

/**
 * The envelope of an event from the form's values, or the problems with them (field: message). The
 * ledger's own schema checks it again when it is signed; this says what to fix in the form's terms.
 */
export function buildEnvelope(
  kind: WorkspaceKind,
  values: FormValues,
  ctx: BuildContext,
): { ok: true; envelope: EventEnvelope } | { ok: false; errors: FormError[] } {
  const errors: FormError[] = [];
  const body: Record<string, unknown> = {};
  for (const spec of FIELDS[kind] ?? []) {
    const raw = values[spec.name];
    const empty =
      raw === undefined || raw === '' || raw === false || (Array.isArray(raw) && raw.length === 0);
    if (empty) {
      if (spec.required) errors.push({ field: spec.name, code: 'required', message: 'is required' });
      continue;
    }
    switch (spec.type) {
      case 'int': {
        const text = String(raw).trim();
        if (!/^\d+$/.test(text) || Number(text) > 10_000_000)
          errors.push({ field: spec.name, code: 'not-count', message: 'must be a whole number ≥ 0' });
        else body[spec.name] = Number(text);
        break;
      }
      case 'bool':
        body[spec.name] = raw === true || raw === 'true';
        break;
      case 'ref':
      case 'id':
      case 'enum':
      case 'date': {
        const { pattern, code, message } = TEXT_FORMS[spec.type];
        const text = String(raw).trim();
        const value = spec.type === 'ref' ? text.toLowerCase() : text;
        if (!pattern.test(value)) errors.push({ field: spec.name, code, message });
        else body[spec.name] = value;
        break;
      }
      case 'ids': {
        const list = (Array.isArray(raw) ? raw : String(raw).split(/[\s,]+/)).filter(Boolean);
        const bad = list.find((c) => !ID.test(c));
        if (bad)
          errors.push({
            field: spec.name,
            code: 'not-id',
            message: 'must be ids: lower-case letters, digits, hyphens',
          });
        else body[spec.name] = list;
        break;
      }
      case 'persons': {
        const list = Array.isArray(raw)
          ? raw
          : String(raw)
              .split(/[\s,]+/)
              .filter(Boolean);
        const bad = list.find((c) => !HASH.test(c));
        if (bad)
          errors.push({
            field: spec.name,
            code: 'not-commitment',
            message: `"${bad.slice(0, 16)}" is not a commitment (64 hex digits)`,
            params: { value: bad.slice(0, 16) },
          });
        else body[spec.name] = list;
        break;
      }
      case 'text': {
        const text = String(raw).trim();
        if (text.length > 4000)
          errors.push({ field: spec.name, code: 'too-long', message: 'is longer than 4000 characters' });
        else body[spec.name] = text;
        break;
      }
    }
  }
  const persons = body.persons as string[] | undefined;
  if (persons && typeof body.count === 'number' && persons.length !== body.count) {
    errors.push({
      field: 'count',
      code: 'count-mismatch',
      message: `is ${body.count} but the list names ${persons.length} persons`,
      params: { count: body.count, listed: persons.length },
    });
  }
  if (NEEDS_SOURCE.has(kind) && !ctx.source?.name)
    errors.push({ field: 'source', code: 'source-required', message: 'is required: who gave this figure' });
  // The core's own schema has the last word: what it refuses, the form refuses, field by field.
  if (errors.length === 0) {
    const checked = EventBodies[kind].safeParse(body);
    if (!checked.success)
      for (const issue of checked.error.issues)
        errors.push({ field: String(issue.path[0] ?? ''), code: 'invalid', message: issue.message });
  }
  if (errors.length > 0) return { ok: false, errors };
  const envelope: EventEnvelope = {
    v: 1,
    log: ctx.log,
    kind,
    occurredAt: ctx.occurredAt,
    recordedAt: ctx.recordedAt,
    actor: ctx.actor,
    body,
    ...(ctx.source?.name ? { source: ctx.source } : {}),
  };
  return { ok: true, envelope };
}

/** An instant as ISO 8601 with the offset of `offsetMinutes` east of UTC, to the second. */
export function isoWithOffset(instant: Date, offsetMinutes: number): string {
  const local = new Date(instant.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A datetime-local value read as the agreement's wall clock, as ISO 8601 with its offset; null if not one. */
export function zonedFromInput(value: string, timeZone: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(value.trim());
  if (!m) return null;
  const epoch = localToEpoch(m[1]!, `${m[2]}${m[3] ?? ':00'}`, timeZone);
  return Number.isNaN(epoch) ? null : isoInZone(epoch, timeZone);
}
