import { EventEnvelope, type FigureSource } from '../core/ledger/event.ts';
import { EVENT_KINDS, EventBodies, type EventKind } from '../core/ledger/event-kinds.ts';
import { checkEnvelope } from '../core/ledger/event-sign.ts';
import { CellError, cellValue, isBlank } from './row-cells.ts';
import {
  aliasesOf,
  bodyColumns,
  ENVELOPE_COLUMNS,
  EXTRA_ENVELOPE_COLUMNS,
  type FieldColumn,
} from './row-columns.ts';

/** One row of a monitor's file: a CSV record or a JSONL object, keyed by column. */
export interface Row {
  /** The line the row starts on. */
  line: number;
  cells: Map<string, unknown>;
}

/** A row that cannot become an event, with the column at fault (none: the row as a whole). */
export class RowError extends Error {
  override name = 'RowError';
  readonly column: string | undefined;
  constructor(column: string | undefined, message: string) {
    super(message);
    this.column = column;
  }
}

export interface RowContext {
  log: string;
  /** When the import records the rows that have no recorded_at of their own. */
  recordedAt: string;
  /** The actor of rows that name none (the --key's), if any. */
  defaultActor: string | undefined;
  /** The leaf hash of an earlier row or logged event with this id. */
  leafOfId(id: string): string | undefined;
}

const HEX64 = /^[0-9a-f]{64}$/;
const FIELD_COLUMN: Record<string, string> = {
  id: 'id',
  occurredAt: 'occurred_at',
  recordedAt: 'recorded_at',
  actor: 'actor',
  refs: 'refs',
  kind: 'kind',
};
const SOURCE_COLUMN: Record<string, string> = { name: 'source', method: 'source_method', url: 'source_url' };

function read(
  row: Row,
  c: FieldColumn,
  alias: string | undefined,
  ctx: RowContext,
  into: Record<string, unknown>,
) {
  const column = isBlank(row.cells.get(c.column)) && alias ? alias : c.column;
  const raw = row.cells.get(column);
  if (isBlank(raw)) return;
  try {
    into[c.field] = cellValue(c.shape, raw, (ref) => resolveRef(ref, ctx));
  } catch (e) {
    if (e instanceof CellError) throw new RowError(column, e.message);
    throw e;
  }
  return column;
}

function resolveRef(ref: string, ctx: RowContext): string {
  const leaf = ctx.leafOfId(ref) ?? (HEX64.test(ref) ? ref : undefined);
  if (leaf) return leaf;
  throw new CellError(
    `"${ref}" is neither the id of an earlier row (or of an event in the log) nor a leaf hash of 64 hex digits`,
  );
}

const text = (row: Row, column: string): string | undefined => {
  const v = row.cells.get(column);
  if (isBlank(v)) return undefined;
  if (typeof v !== 'string') throw new RowError(column, `expected text, got ${JSON.stringify(v)}`);
  return v.trim();
};

/** The envelope a row records, checked against its kind's schema (strings in NFC), or a RowError. */
export function rowEnvelope(row: Row, ctx: RowContext): EventEnvelope {
  const kind = text(row, 'kind');
  if (!kind) throw new RowError('kind', 'the kind is missing');
  if (!(EVENT_KINDS as string[]).includes(kind))
    throw new RowError('kind', `"${kind}" is not an event kind; the kinds: ${EVENT_KINDS.join(', ')}`);
  const fields = bodyColumns(kind as EventKind);
  const aliases = aliasesOf(kind as EventKind);
  const used = new Set<string>(Object.keys(ENVELOPE_COLUMNS));
  const body: Record<string, unknown> = {};
  for (const c of fields) {
    used.add(c.column);
    if (aliases[c.field]) used.add(aliases[c.field]!);
    read(row, c, aliases[c.field], ctx, body);
  }
  const extra: Record<string, unknown> = {};
  for (const c of EXTRA_ENVELOPE_COLUMNS) {
    used.add(c.column);
    read(row, c, undefined, ctx, extra);
  }
  for (const [column, raw] of row.cells)
    if (!used.has(column) && !isBlank(raw))
      throw new RowError(
        column,
        `a ${kind} event has no such field; its columns: ${fields.map((f) => f.column).join(', ') || '(none)'}`,
      );
  const refsCell = row.cells.get('refs');
  const refs = isBlank(refsCell)
    ? undefined
    : (() => {
        try {
          return cellValue('ref-list', refsCell, (ref) => resolveRef(ref, ctx)) as string[];
        } catch (e) {
          throw e instanceof CellError ? new RowError('refs', e.message) : e;
        }
      })();
  const name = text(row, 'source');
  const method = text(row, 'source_method');
  const url = text(row, 'source_url');
  if (!name && (method || url))
    throw new RowError('source', 'a source method or address needs the name of the source');
  const source: FigureSource | undefined = name
    ? { name, ...(method ? { method } : {}), ...(url ? { url } : {}) }
    : undefined;
  const actor = text(row, 'actor') ?? ctx.defaultActor;
  if (!actor) throw new RowError('actor', 'no actor: fill the actor column, or give --key');
  const id = text(row, 'id');
  const envelope = {
    v: 1,
    ...(id ? { id } : {}),
    log: ctx.log,
    kind,
    occurredAt: text(row, 'occurred_at'),
    recordedAt: text(row, 'recorded_at') ?? ctx.recordedAt,
    actor,
    body,
    ...(refs ? { refs } : {}),
    ...(source ? { source } : {}),
    ...extra,
  };
  let failure: Error;
  try {
    return checkEnvelope(envelope);
  } catch (e) {
    // Checked again field by field, only to name the column at fault.
    failure = e as Error;
  }
  const checked = EventEnvelope.safeParse(envelope);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const [top, next] = issue.path.map(String);
    const column =
      top === 'source'
        ? SOURCE_COLUMN[next ?? 'name']
        : (FIELD_COLUMN[top ?? ''] ?? EXTRA_ENVELOPE_COLUMNS.find((c) => c.field === top)?.column);
    throw new RowError(
      column,
      top === 'occurredAt' && !envelope.occurredAt
        ? 'the time is missing'
        : issueWords(issue, (envelope as Record<string, unknown>)[top ?? '']),
    );
  }
  const parsed = EventBodies[kind as EventKind].safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? '');
    const c = fields.find((f) => f.field === field);
    const alias = aliases[field];
    const fromAlias = c && alias && isBlank(row.cells.get(c.column)) && !isBlank(row.cells.get(alias));
    const column = fromAlias ? alias : c?.column;
    throw new RowError(
      column,
      // A rule across fields (a count, or undisclosed: true) says itself what to write.
      issue.code !== 'custom' && body[field] === undefined
        ? `a ${kind} event needs it`
        : issueWords(issue, body[field]),
    );
  }
  throw new RowError(undefined, failure.message);
}

/** What is wrong with a cell, with the value and how to write it: zod's words say neither. */
function issueWords(issue: { code: string; message: string; format?: string }, value: unknown): string {
  const given = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
  if (issue.code === 'invalid_format' && issue.format === 'datetime')
    return `${given} is not a date and time in ISO 8601 with its offset (write it as 2025-01-19T16:15:00+02:00)`;
  if (issue.code === 'invalid_format' && issue.format === 'date')
    return `${given} is not a day written as YEAR-MONTH-DAY (write it as 2025-01-25)`;
  // An id written with capitals or spaces: the id it may have meant.
  if (typeof value === 'string' && /lower-case letters/.test(issue.message)) {
    const id = value.trim().toLowerCase().replace(/\s+/g, '-');
    return /^[a-z0-9][a-z0-9-]*$/.test(id) && id !== value
      ? `${given}: ${issue.message} (write it "${id}")`
      : `${given}: ${issue.message}`;
  }
  return issue.message;
}
