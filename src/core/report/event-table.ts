import type { SignedEvent } from '../ledger/event.ts';
import type { Cell, Column } from './table.ts';

/** An event of a log with its place in it, as the store and the API give it. */
export interface TableEvent {
  index: number;
  leafHash: string;
  event: SignedEvent;
}

const body = (e: TableEvent) => e.event.event.body as Record<string, unknown>;
const text = (v: unknown): Cell => (typeof v === 'string' ? v : null);
const number = (v: unknown): Cell => (typeof v === 'number' ? v : null);
const field =
  (key: string, as: (v: unknown) => Cell = text) =>
  (e: TableEvent): Cell =>
    as(body(e)[key]);

/** Earlier events this one points at: its refs and the event a correction, dispute or confirmation is about. */
function references(e: TableEvent): string[] {
  const b = body(e);
  const own = [b.of, b.list, b.handover].filter((v): v is string => typeof v === 'string');
  return [...new Set([...(e.event.event.refs ?? []), ...own])];
}

/**
 * The events of a log as a table, one row an event: `truce export --csv` and the API's event
 * exports write it. The first eight columns give every event whole (`body` as JSON); the others
 * lift the fields of common bodies into columns of their own, empty where a kind has no such field.
 * Bodies hold counts and salted commitments, never a person's name or id.
 */
export const EVENT_COLUMNS: readonly Column<TableEvent>[] = [
  { name: 'index', hxl: '#meta+index', description: 'Position in the log, from 0.', value: (e) => e.index },
  {
    name: 'leaf_hash',
    hxl: '#meta+id',
    description: 'Leaf hash of the signed event: its identifier, and what proofs refer to.',
    value: (e) => e.leafHash,
  },
  {
    name: 'occurred_at',
    hxl: '#date+occurred',
    description: 'When it happened, ISO 8601 with offset.',
    value: (e) => e.event.event.occurredAt,
  },
  {
    name: 'recorded_at',
    hxl: '#date+reported',
    description: 'When it was recorded.',
    value: (e) => e.event.event.recordedAt,
  },
  {
    name: 'kind',
    hxl: '#event+type',
    description: 'Event kind (release.completed, aid.delivered, statement…).',
    value: (e) => e.event.event.kind,
  },
  {
    name: 'actor',
    hxl: '#org+reporting+code',
    description: 'The actor that signed and recorded it.',
    value: (e) => e.event.event.actor,
  },
  {
    name: 'source',
    hxl: '#meta+source',
    description: 'Who counted the figure, when the event names a source.',
    value: (e) => e.event.event.source?.name ?? null,
  },
  {
    name: 'body',
    hxl: '#meta+body',
    description: 'The whole body of the event, as JSON.',
    value: (e) => JSON.stringify(body(e)),
    json: (e) => body(e),
  },
  {
    name: 'provision',
    hxl: '#activity+code',
    description: 'Provision of the agreement the event is about.',
    value: field('provision'),
  },
  {
    name: 'phase',
    hxl: '#meta+phase',
    description: 'Phase started, ended or extended.',
    value: field('phase'),
  },
  {
    name: 'batch',
    hxl: '#meta+batch+num',
    description: 'Batch of an exchange.',
    value: field('batch', number),
  },
  {
    name: 'party',
    hxl: '#group+code',
    description: 'For a release, the releasing party; for a registration, the party the actor acts for.',
    value: field('party'),
  },
  {
    name: 'against',
    hxl: '#group+code+against',
    description: 'For an alleged violation, the party it is alleged against.',
    value: field('against'),
  },
  {
    name: 'count',
    hxl: '#affected+ind+num',
    description: 'Persons listed, handed over, confirmed or released.',
    value: field('count', number),
  },
  {
    name: 'category',
    hxl: '#meta+category',
    description: 'Category of persons or of aid, as the agreement names it.',
    value: field('category'),
  },
  {
    name: 'outside_formula',
    hxl: '#meta+outside_formula',
    description: 'For a release: true when outside the exchange formula.',
    value: field('outsideFormula', (v) => (typeof v === 'boolean' ? v : null)),
  },
  {
    name: 'quantity',
    hxl: '#indicator+value+num',
    description: 'For aid delivered: the quantity.',
    value: field('quantity', number),
  },
  {
    name: 'unit',
    hxl: '#indicator+unit',
    description: 'Unit of the quantity: truck, litre, person, patient, tent, home or ship.',
    value: field('unit'),
  },
  {
    name: 'date',
    hxl: '#date',
    description: 'For aid delivered: the day the figure is for (YYYY-MM-DD).',
    value: field('date'),
  },
  {
    name: 'destination',
    hxl: '#loc+dest+code',
    description: 'For aid delivered: where it went.',
    value: field('destination'),
  },
  {
    name: 'crossing',
    hxl: '#loc+code+crossing',
    description: 'For a crossing opened or closed: the crossing.',
    value: field('crossing'),
  },
  {
    name: 'place',
    hxl: '#loc+name',
    description: 'For an alleged violation: the place, as written (any script).',
    value: field('place'),
  },
  {
    name: 'text',
    hxl: '#description',
    description: 'A statement, a description or a reason, as written.',
    value: (e) => text(body(e).text) ?? text(body(e).description) ?? text(body(e).reason),
  },
  {
    name: 'refs',
    hxl: '#meta+ref',
    description: 'Leaf hashes of the earlier events it refers to, separated by spaces.',
    value: (e) => references(e).join(' ') || null,
    json: (e) => references(e),
  },
];
