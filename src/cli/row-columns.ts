import { EventEnvelope } from '../core/ledger/event.ts';
import { EVENT_KINDS, EventBodies, type EventKind, EventRef } from '../core/ledger/event-kinds.ts';

/**
 * The columns of a monitor's spreadsheet (or the keys of a JSONL line), derived from the zod
 * schemas of the events: one column per body field of every kind (camelCase field, snake_case
 * column), so a kind added to EventBodies is importable without touching the importer.
 *
 * How a cell spells a field's value:
 * - `text`: as written; `number`: digits; `boolean`: yes or no (true/false also read);
 * - `ref`: the leaf hash of an earlier event, or the `id` of an earlier row or logged event;
 * - `list` / `ref-list`: items separated by `;`;
 * - `counts`: a record of numbers, `living=3;remains=1`;
 * - `scalar`: a number or text (a number-looking text is written in JSON quotes, "2");
 * - `json`: anything else, as JSON.
 */
export type Shape =
  | 'text'
  | 'number'
  | 'boolean'
  | 'ref'
  | 'list'
  | 'ref-list'
  | 'counts'
  | 'scalar'
  | 'json';

export interface FieldColumn {
  /** The field of the body (or of the envelope) the column fills. */
  field: string;
  column: string;
  shape: Shape;
  required: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: zod's internal definition is walked generically.
type Schema = any;

/** The columns of the envelope every row has, whatever its kind. */
export const ENVELOPE_COLUMNS = {
  id: 'Your stable id for the row (letters, digits, . _ : / -): importing the file again adds nothing for it',
  kind: 'The event kind',
  occurred_at: 'When it happened, ISO 8601 with offset (e.g. 2023-11-25T16:00:00+02:00)',
  recorded_at: 'When it was recorded (default: the time of the import)',
  actor: 'The actor that records it: its key is the file ACTOR.key in --keys DIR (default: the --key)',
  refs: 'Earlier events this one rests on: ids of earlier rows or leaf hashes, separated by ;',
  source: 'Who counted the figure (e.g. "UN 2720 mechanism")',
  source_method: 'How it was counted',
  source_url: 'Where it was published',
  signature_key: 'Written by truce export: the key that signed the event',
  signature: 'Written by truce export: the signature, kept on import instead of signing again',
  leaf_hash: 'Written by truce export: the leaf hash, checked on import',
  index: 'Written by truce export: the position in the log it came from (not read)',
} as const;

const ENVELOPE_FIELDS = new Set([
  'v',
  'id',
  'log',
  'kind',
  'occurredAt',
  'recordedAt',
  'actor',
  'body',
  'refs',
  'source',
]);

/** Spreadsheets of earlier releases used these names; they still fill the field. */
const ALIASES: Partial<Record<EventKind, Record<string, string>>> = {
  'violation.alleged': { against: 'party', description: 'text' },
  'deadline.missed': { description: 'text' },
};

export const snakeCase = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function unwrap(s: Schema): { inner: Schema; optional: boolean } {
  let inner = s;
  let optional = false;
  while (['optional', 'default', 'nullable', 'prefault'].includes(inner.def.type)) {
    optional ||= inner.def.type !== 'nullable';
    inner = inner.def.innerType;
  }
  return { inner, optional };
}

function isRef(s: Schema): boolean {
  for (let x = s; x; x = x._zod?.parent) if (x === EventRef) return true;
  return false;
}

export function shapeOf(schema: Schema): Shape {
  const s = unwrap(schema).inner;
  if (isRef(s)) return 'ref';
  switch (s.def.type) {
    case 'string':
    case 'enum':
      return 'text';
    case 'number':
    case 'int':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array': {
      const element = unwrap(s.def.element).inner;
      if (isRef(element)) return 'ref-list';
      return shapeOf(element) === 'text' ? 'list' : 'json';
    }
    case 'record':
      return shapeOf(s.def.valueType) === 'number' ? 'counts' : 'json';
    case 'union':
    case 'literal':
      return 'scalar';
    default:
      return 'json';
  }
}

/** A body field's column: its snake_case name, or body_NAME where the envelope has that column. */
const bodyColumn = (field: string) => {
  const c = snakeCase(field);
  return c in ENVELOPE_COLUMNS ? `body_${c}` : c;
};

const columnsOf = (shape: Record<string, Schema>, name: (f: string) => string): FieldColumn[] =>
  Object.entries(shape).map(([field, s]) => ({
    field,
    column: name(field),
    shape: shapeOf(s),
    required: !unwrap(s).optional,
  }));

/** Fields of the envelope beyond the fixed ones (a note, say), each a column of its own. */
export const EXTRA_ENVELOPE_COLUMNS: FieldColumn[] = columnsOf(
  Object.fromEntries(Object.entries(EventEnvelope.shape).filter(([f]) => !ENVELOPE_FIELDS.has(f))),
  snakeCase,
);

/** The fields of an object schema, through refinements, pipes and wrappers around it. */
function shapeFields(schema: Schema): Record<string, Schema> {
  for (let s = schema; s; s = s.def.in ?? s.def.innerType ?? s.def.schema)
    if (s.def.type === 'object') return s.def.shape;
  throw new Error('an event body schema is an object');
}

/** The body columns of one kind. */
export function bodyColumns(kind: EventKind): FieldColumn[] {
  return columnsOf(shapeFields(EventBodies[kind]), bodyColumn);
}

/** The older column names a kind still reads: field → alias column. */
export function aliasesOf(kind: EventKind): Record<string, string> {
  return ALIASES[kind] ?? {};
}

/** Every body column of every kind, in the order the kinds and their fields are declared. */
export const BODY_COLUMNS: string[] = [
  ...new Set(EVENT_KINDS.flatMap((k) => bodyColumns(k).map((c) => c.column))),
];

/** Every column a file may have. */
export const ALL_COLUMNS: string[] = [
  ...new Set([
    ...Object.keys(ENVELOPE_COLUMNS),
    ...EXTRA_ENVELOPE_COLUMNS.map((c) => c.column),
    ...BODY_COLUMNS,
    ...Object.values(ALIASES).flatMap((a) => Object.values(a ?? {})),
  ]),
];

/** The kinds that have a column, for the documentation: column → kinds. */
export function kindsByColumn(): Map<string, { kinds: EventKind[]; shape: Shape }> {
  const out = new Map<string, { kinds: EventKind[]; shape: Shape }>();
  for (const kind of EVENT_KINDS)
    for (const c of bodyColumns(kind)) {
      const entry = out.get(c.column) ?? { kinds: [], shape: c.shape };
      entry.kinds.push(kind);
      out.set(c.column, entry);
    }
  return out;
}
