import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SignedEvent } from './event.ts';
import { EventBodies, type EventKind } from './event-kinds.ts';
import { sameData, schemasGive } from './signed-event-shape.ts';

const H = (n: number) => n.toString(16).padStart(64, '0');

/** Events of several kinds as a log holds them, each member present and absent. */
const valid = (): Record<string, unknown>[] => [
  {
    v: 1,
    log: 'nov-2023-pause',
    kind: 'aid.delivered',
    occurredAt: '2023-11-27T16:53:32.928Z',
    recordedAt: '2023-11-27T16:53:32.928Z',
    actor: 'monitor',
    body: { date: '2023-11-27', quantity: 3, unit: 'truck', provision: 'aid' },
    source: { name: 'UN 2720 mechanism', method: 'trucks counted' },
  },
  {
    v: 1,
    id: 'row:17/a',
    log: 'l',
    kind: 'statement',
    occurredAt: '2023-11-24T07:00:00+02:00',
    recordedAt: '2023-11-24T05:00:00Z',
    actor: 'party-a',
    body: { text: 'Situation update.' },
    refs: [H(1), H(2)],
    note: 'A note.',
  },
  {
    v: 1,
    log: 'l',
    kind: 'acknowledgement',
    occurredAt: '2023-11-24T07:00:00Z',
    recordedAt: '2023-11-24T07:00:00Z',
    actor: 'party-b',
    body: { of: H(3) },
  },
  {
    v: 1,
    log: 'l',
    kind: 'actor.registered',
    occurredAt: '2023-11-22T12:00:00+02:00',
    recordedAt: '2023-11-22T12:00:00+02:00',
    actor: 'operator',
    body: {
      actor: 'icrc',
      key: 'icrc+5a03e294+AV0E4h5whSn6G7SCawVRpH5zSfxqTY5mu7Tt2D57792Y',
      name: 'ICRC',
      role: 'intermediary',
    },
    source: { name: 'A source', url: 'https://example.org/a' },
  },
];
const SIG = {
  key: 'monitor+4dfbcccd',
  sig: 'pWIHm/AoXCB2QgWAUwP+GvaKEC+32mA1v7MFkRLPG/r1eN6DJ9XIdXA0pnsaaYQWmEC7eebBG+6ZvXOa3xX9Bw==',
};

/** Values a member may be given in place of its own: of every JSON type, near the rules' edges. */
const odd = fc.constantFrom<unknown>(
  undefined,
  null,
  0,
  1,
  2,
  -1,
  1.5,
  true,
  '',
  ' ',
  'x',
  'x'.repeat(65),
  'x'.repeat(201),
  'x'.repeat(1001),
  'Monitor',
  'a_b',
  '-a',
  '2023-11-27',
  '2023-11-27T16:53:32Z',
  '2023-02-29T00:00:00Z',
  '2023-11-27T16:53:32',
  'aid.delivered',
  'no.such.kind',
  'truck',
  'ship',
  H(9),
  H(9).toUpperCase(),
  'not base64!',
  'AA==',
  'AB==',
  [],
  [H(1)],
  ['x'],
  Array.from({ length: 101 }, (_, i) => H(i)),
  {},
  { name: 'x' },
  { name: '' },
  { name: 'x', extra: 1 },
  { name: 'x', url: 'not a url' },
  { text: 'x' },
  { of: H(1) },
  { __proto__: null, text: 'x' },
  JSON.parse('{"__proto__": {"text": "x"}}'),
  JSON.parse('{"text": "x", "__proto__": 1}'),
);

/** One change to a value: a member set to another value, removed, or added. */
const edit = fc.tuple(
  fc.constantFrom('event', 'signature', 'body', 'source', 'top'),
  fc.constantFrom(
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
    'note',
    'key',
    'sig',
    'name',
    'method',
    'url',
    'text',
    'of',
    'date',
    'quantity',
    'unit',
    'from',
    'extra',
    'event',
    'signature',
  ),
  fc.oneof(odd, fc.constant('delete')),
);

function apply(value: Record<string, unknown>, [where, key, to]: [string, string, unknown]) {
  const event = (typeof value.event === 'object' && value.event !== null ? value.event : {}) as Record<
    string,
    unknown
  >;
  const target =
    where === 'top'
      ? value
      : where === 'event'
        ? event
        : where === 'signature'
          ? value.signature
          : where === 'body'
            ? event.body
            : event.source;
  if (typeof target !== 'object' || target === null) return;
  const t = target as Record<string, unknown>;
  if (to === 'delete') delete t[key];
  else t[key] = copy(to);
}

/** A copy of an odd value (each run edits its own), an own `__proto__` member and all. */
function copy(v: unknown): unknown {
  if (Array.isArray(v)) return [...v];
  if (typeof v !== 'object' || v === null) return v;
  return Object.defineProperties(
    Object.create(Object.getPrototypeOf(v)),
    Object.getOwnPropertyDescriptors(v),
  );
}

/** What the schemas give, in full: the signed event's, then its body's by its kind. */
function schemas(value: unknown) {
  const signed = SignedEvent.safeParse(value);
  if (!signed.success) return undefined;
  const body = EventBodies[signed.data.event.kind as EventKind].safeParse(signed.data.event.body);
  if (!body.success) return undefined;
  return { event: { ...signed.data.event, body: body.data }, signature: signed.data.signature };
}

describe('schemasGive', () => {
  it('gives an event only when the schemas accept it and give the same data, in their own order', () => {
    let given = 0;
    fc.assert(
      fc.property(fc.nat(3), fc.array(edit, { maxLength: 3 }), (which, edits) => {
        const value = JSON.parse(JSON.stringify({ event: valid()[which], signature: SIG }));
        for (const e of edits) apply(value, e);
        const fast = schemasGive(value);
        if (fast === undefined) return;
        given++;
        const full = schemas(value);
        expect(full).toBeDefined();
        expect(sameData(fast, full)).toBe(true);
        expect(sameData(fast, value)).toBe(true);
        expect(Object.keys(fast.event)).toEqual(Object.keys(full!.event));
      }),
      { seed: 14, numRuns: 5000 },
    );
    // Most values it is given are ones it must give: it leaves few to the schemas in full.
    expect(given).toBeGreaterThan(500);
  });

  it('gives the events a log holds, as the schemas give them', () => {
    for (const event of valid()) {
      const value = { event, signature: SIG };
      const full = schemas(value);
      expect(full).toBeDefined();
      expect(schemasGive(value)).toEqual(full);
    }
  });
});
