import type { EventEnvelope } from '../core/ledger/event.ts';
import type { CsvRecord } from '../core/report/csv-parse.ts';

/**
 * The columns of an events CSV for monitors who keep spreadsheets. One row is one event; the
 * importer signs each row with its own key and keeps the source columns as the figure's source.
 */
export const EVENT_CSV_COLUMNS = {
  kind: 'Event kind: aid.delivered, release.completed, statement, violation.alleged, crossing.opened, crossing.closed, deadline.missed',
  occurred_at: 'When it happened, ISO 8601 with offset (e.g. 2023-11-25T16:00:00+02:00)',
  provision: 'Provision id in the agreement (optional)',
  party: 'For release.completed: the releasing party; for violation.alleged: the party accused',
  count: 'For release.completed: persons released',
  category: 'Category id (optional)',
  quantity: 'For aid.delivered: the quantity',
  unit: 'For aid.delivered: truck, litre, person, patient, tent or home',
  destination: 'For aid.delivered: destination id (optional)',
  date: 'For aid.delivered: the day the figure is for (YYYY-MM-DD)',
  crossing: 'For crossing.opened / crossing.closed: the crossing id',
  outside_formula: 'For release.completed: yes if released outside the formula',
  text: 'For statement: the text; for violation.alleged and deadline.missed: the description',
  source: 'Who counted the figure (e.g. "UN 2720 mechanism")',
  source_method: 'How it was counted (optional)',
  source_url: 'Where it was published (optional)',
} as const;

type Column = keyof typeof EVENT_CSV_COLUMNS;

const num = (v: string) => (v === '' ? undefined : Number(v));
const opt = (v: string) => (v === '' ? undefined : v);

function body(kind: string, get: (c: Column) => string): Record<string, unknown> {
  switch (kind) {
    case 'aid.delivered':
      return {
        provision: opt(get('provision')),
        date: get('date'),
        quantity: num(get('quantity')),
        unit: get('unit'),
        category: opt(get('category')),
        destination: opt(get('destination')),
      };
    case 'release.completed':
      return {
        provision: opt(get('provision')),
        party: get('party'),
        count: num(get('count')),
        category: opt(get('category')),
        ...(get('outside_formula') ? { outsideFormula: /^(yes|true|1)$/i.test(get('outside_formula')) } : {}),
      };
    case 'statement':
      return { text: get('text') };
    case 'violation.alleged':
      return { against: get('party'), provision: opt(get('provision')), description: get('text') };
    case 'deadline.missed':
      return { provision: get('provision'), description: get('text') };
    case 'crossing.opened':
    case 'crossing.closed':
      return { crossing: get('crossing'), provision: opt(get('provision')) };
    default:
      throw new Error(
        `kind "${kind}" cannot be imported from CSV; use one of: ${EVENT_CSV_COLUMNS.kind.split(': ')[1]}`,
      );
  }
}

/** Turns CSV records (the first is the header) into unsigned envelopes, or throws "line N: …". */
export function csvToEnvelopes(
  records: CsvRecord[],
  log: string,
  actor: string,
  recordedAt: string,
): EventEnvelope[] {
  const [header, ...rows] = records;
  if (!header) throw new Error('line 1: the file is empty; the first line names the columns');
  const names = header.cells.map((c) => c.trim());
  const unknown = names.filter((n) => !(n in EVENT_CSV_COLUMNS));
  if (unknown.length)
    throw new Error(
      `line ${header.line}: unknown column ${unknown.map((u) => JSON.stringify(u)).join(', ')}; known: ${Object.keys(EVENT_CSV_COLUMNS).join(', ')}`,
    );
  for (const need of ['kind', 'occurred_at'] as const)
    if (!names.includes(need)) throw new Error(`line ${header.line}: the column "${need}" is required`);
  // Two identical rows would sign to one event, which the log keeps once: refused, never merged.
  const seen = new Map<string, number>();
  return rows.map((r) => {
    if (r.cells.length !== names.length)
      throw new Error(`line ${r.line}: ${r.cells.length} cells, but the header has ${names.length}`);
    const get = (c: Column) => {
      const i = names.indexOf(c);
      return i < 0 ? '' : r.cells[i]!.trim().replace(/^'(?=[=+\-@\t\r])/, '');
    };
    let b: Record<string, unknown>;
    try {
      b = JSON.parse(JSON.stringify(body(get('kind'), get)));
    } catch (e) {
      throw new Error(`line ${r.line}: ${(e as Error).message}`);
    }
    const source = get('source');
    const envelope = {
      v: 1,
      log,
      kind: get('kind'),
      occurredAt: get('occurred_at'),
      recordedAt,
      actor,
      body: b,
      ...(source
        ? {
            source: {
              name: source,
              ...(get('source_method') ? { method: get('source_method') } : {}),
              ...(get('source_url') ? { url: get('source_url') } : {}),
            },
          }
        : {}),
    } as EventEnvelope;
    const key = JSON.stringify(envelope);
    const same = seen.get(key);
    if (same !== undefined)
      throw new Error(
        `line ${r.line}: the same event as line ${same}, which the log would keep once; if both happened, tell them apart (e.g. the time in occurred_at, or the destination), or delete the copy`,
      );
    seen.set(key, r.line);
    return envelope;
  });
}
