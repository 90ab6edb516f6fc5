import type { EventKind } from '../core/ledger/event-kinds.ts';
import type { StoredEntry } from '../store/ledger-store.ts';
import { valueCell } from './row-cells.ts';
import { BODY_COLUMNS, bodyColumns, EXTRA_ENVELOPE_COLUMNS } from './row-columns.ts';

/**
 * The columns `truce export --csv` writes: everything `truce import` needs to give back the same
 * signed events (recorded_at and the signature included), so the file re-imports to the
 * identical log. index and leaf_hash say where each row came from.
 */
export const EXPORT_COLUMNS: string[] = [
  'index',
  'leaf_hash',
  'id',
  'kind',
  'occurred_at',
  'recorded_at',
  'actor',
  ...BODY_COLUMNS,
  ...EXTRA_ENVELOPE_COLUMNS.map((c) => c.column),
  'refs',
  'source',
  'source_method',
  'source_url',
  'signature_key',
  'signature',
];

/** One stored event as a row of EXPORT_COLUMNS (null: an empty cell). */
export function eventRow(entry: StoredEntry): (string | number | null)[] {
  const { event, signature } = entry.event;
  const cells = new Map<string, string | number | null>([
    ['index', entry.index],
    ['leaf_hash', entry.leafHash],
    ['id', event.id ?? null],
    ['kind', event.kind],
    ['occurred_at', event.occurredAt],
    ['recorded_at', event.recordedAt],
    ['actor', event.actor],
    ['refs', event.refs?.join(';') ?? null],
    ['source', event.source?.name ?? null],
    ['source_method', event.source?.method ?? null],
    ['source_url', event.source?.url ?? null],
    ['signature_key', signature.key],
    ['signature', signature.sig],
  ]);
  const body = event.body as Record<string, unknown>;
  for (const c of bodyColumns(event.kind as EventKind))
    cells.set(c.column, valueCell(c.shape, body[c.field]));
  const envelope = event as Record<string, unknown>;
  for (const c of EXTRA_ENVELOPE_COLUMNS) cells.set(c.column, valueCell(c.shape, envelope[c.field]));
  return EXPORT_COLUMNS.map((c) => cells.get(c) ?? null);
}
