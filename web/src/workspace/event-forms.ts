import type { EventEnvelope, FigureSource } from '../../../src/core/ledger/event.ts';

/** The kinds of event the workspace records, in the order its actions are offered. */
export const WORKSPACE_KINDS = [
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
] as const;
export type WorkspaceKind = (typeof WORKSPACE_KINDS)[number];

export type FieldType = 'text' | 'int' | 'ref' | 'id' | 'date' | 'bool' | 'unit' | 'persons';

export interface FieldSpec {
  name: string;
  type: FieldType;
  required: boolean;
  /** Where the choices come from, for an id: the agreement's parties or provisions. */
  choices?: 'party' | 'provision' | 'exchange';
}

const f = (name: string, type: FieldType, required = true, choices?: FieldSpec['choices']): FieldSpec =>
  choices ? { name, type, required, choices } : { name, type, required };

/** The fields of each kind's body (src/core/ledger/event-kinds.ts), as the form asks for them. */
export const FIELDS: Record<WorkspaceKind, FieldSpec[]> = {
  'list.submitted': [
    f('provision', 'id', true, 'exchange'),
    f('batch', 'int'),
    f('count', 'int'),
    f('persons', 'persons', false),
  ],
  'list.accepted': [f('list', 'ref')],
  'list.rejected': [f('list', 'ref'), f('reason', 'text')],
  'handover.completed': [
    f('provision', 'id', true, 'exchange'),
    f('batch', 'int', false),
    f('count', 'int'),
    f('to', 'id', true, 'party'),
    f('via', 'id', false, 'party'),
    f('persons', 'persons', false),
  ],
  'handover.confirmed': [f('handover', 'ref'), f('count', 'int'), f('persons', 'persons', false)],
  'release.completed': [
    f('provision', 'id', false, 'exchange'),
    f('batch', 'int', false),
    f('party', 'id', true, 'party'),
    f('count', 'int'),
    f('category', 'id', false),
    f('outsideFormula', 'bool', false),
    f('countsTowardQuota', 'bool', false),
  ],
  'aid.delivered': [
    f('provision', 'id', false, 'provision'),
    f('date', 'date'),
    f('quantity', 'int'),
    f('unit', 'unit'),
    f('category', 'id', false),
    f('destination', 'id', false),
  ],
  'violation.alleged': [
    f('against', 'id', true, 'party'),
    f('provision', 'id', false, 'provision'),
    f('description', 'text'),
    f('place', 'text', false),
  ],
  acknowledgement: [f('of', 'ref')],
  dispute: [f('of', 'ref'), f('reason', 'text'), f('figure', 'int', false)],
};

/** Kinds whose figure needs a source: who counted it and how. */
export const NEEDS_SOURCE: ReadonlySet<WorkspaceKind> = new Set(['aid.delivered']);

export const UNITS = ['truck', 'litre', 'person', 'patient', 'tent', 'home'] as const;

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
  | 'source-required';

const ID = /^[a-z0-9][a-z0-9-]*$/;
const HASH = /^[0-9a-f]{64}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The fields that are one line of text in a fixed form: the pattern and what a mismatch says. */
const TEXT_FORMS: Record<
  'ref' | 'id' | 'unit' | 'date',
  { pattern: RegExp; code: FormErrorCode; message: string }
> = {
  ref: { pattern: HASH, code: 'not-ref', message: 'must be the leaf hash of an event (64 hex digits)' },
  id: { pattern: ID, code: 'not-id', message: 'must be an id: lower-case letters, digits, hyphens' },
  unit: { pattern: ID, code: 'not-id', message: 'must be an id: lower-case letters, digits, hyphens' },
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
  for (const spec of FIELDS[kind]) {
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
      case 'unit':
      case 'date': {
        const { pattern, code, message } = TEXT_FORMS[spec.type];
        const text = String(raw).trim();
        const value = spec.type === 'ref' ? text.toLowerCase() : text;
        if (!pattern.test(value)) errors.push({ field: spec.name, code, message });
        else body[spec.name] = value;
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
