import { describe, expect, it } from 'vitest';
import type { SignedEvent } from '../../core/ledger/event.ts';
import { indexPersons, personIndexer, personVisibility } from './persons-policy.ts';
import type { Principal } from './principal.ts';

const c = (n: number) => n.toString(16).padStart(64, '0');
const h = (n: number) => `f${n.toString(16).padStart(63, '0')}`;
let n = 0;
const entry = (actor: string, kind: string, body: Record<string, unknown>) => {
  const index = n++;
  return {
    index,
    leafHash: h(index),
    event: { event: { actor, kind, body }, signature: { key: 'k', sig: '' } } as unknown as SignedEvent,
  };
};
const who = (role: Principal['role'], actor: string | null, party: string | null = null): Principal => ({
  role,
  actor,
  party,
  log: 'l',
  tokenId: 't',
});

describe('persons policy', () => {
  n = 0;
  const log = [
    entry('op', 'actor.registered', { actor: 'a1', party: 'side-a', role: 'party' }),
    entry('op', 'actor.registered', { actor: 'b1', party: 'side-b', role: 'party' }),
    entry('a1', 'list.submitted', { provision: 'x', batch: 1, count: 2, persons: [c(1), c(2)] }),
    entry('b1', 'list.accepted', { list: h(2) }),
    entry('a1', 'handover.completed', {
      provision: 'x',
      count: 1,
      persons: [c(1)],
      to: 'side-b',
      via: 'icrc',
    }),
    entry('icrc', 'handover.confirmed', { handover: h(4), count: 1 }),
    entry('a1', 'list.submitted', { provision: 'x', batch: 2, count: 1, persons: [c(3)] }),
  ];
  const { references, lists } = indexPersons(log);
  const sideA = who('party', 'a1', 'side-a');
  const sideB = who('party', 'b1', 'side-b');
  const aRecord = { party: 'side-a', addedBy: 'a1' };

  it('indexes lists, their acceptance, handovers and confirmations (a confirmation naming none takes its handover’s)', () => {
    expect(lists.map((l) => [l.batch, l.acceptedAt])).toEqual([
      [1, 3],
      [2, null],
    ]);
    expect(references.get(c(1))).toEqual({
      listedBy: new Set(['side-a']),
      accepted: true,
      handedVia: new Set(['icrc']),
      confirmed: true,
    });
    expect(references.get(c(2))?.confirmed).toBe(false);
    expect(references.get(c(3))?.accepted).toBe(false);
  });

  it('a party sees its own records, and the other side’s only once listed to it', () => {
    expect(personVisibility(sideA, aRecord, references.get(c(9)))).toBe('own');
    expect(personVisibility(sideB, aRecord, undefined)).toBeUndefined();
    expect(personVisibility(sideB, aRecord, references.get(c(3)))).toBe('submitted-to-you');
    expect(personVisibility(sideB, { party: 'side-b', addedBy: 'b1' }, undefined)).toBe('own');
  });

  it('the intermediary sees its manifests, a monitor only confirmed handovers, the public nothing', () => {
    const icrc = who('intermediary', 'icrc');
    expect(personVisibility(icrc, aRecord, references.get(c(2)))).toBe('manifest');
    expect(personVisibility(icrc, aRecord, references.get(c(3)))).toBeUndefined();
    const monitor = who('monitor', 'm');
    expect(personVisibility(monitor, aRecord, references.get(c(1)))).toBe('confirmed');
    expect(personVisibility(monitor, aRecord, references.get(c(2)))).toBeUndefined();
    const pub = { ...who('public', null), log: null, tokenId: null };
    expect(personVisibility(pub, aRecord, references.get(c(1)))).toBeUndefined();
  });

  it('the agreement may hold names back from the other party until confirmation, and from monitors', () => {
    const strict = { counterpart: 'on-confirmation', monitors: 'never' } as const;
    expect(personVisibility(sideB, aRecord, references.get(c(3)), strict)).toBeUndefined();
    expect(personVisibility(sideB, aRecord, references.get(c(1)), strict)).toBe('confirmed');
    expect(personVisibility(sideA, aRecord, references.get(c(3)), strict)).toBe('own');
    expect(personVisibility(who('monitor', 'm'), aRecord, references.get(c(1)), strict)).toBeUndefined();
    expect(personVisibility(who('intermediary', 'icrc'), aRecord, references.get(c(2)), strict)).toBe(
      'manifest',
    );
  });

  it('an indexer fed the log in overlapping parts takes each event once, as a whole read does', () => {
    const indexer = personIndexer();
    indexer.apply(log.slice(0, 4));
    indexer.apply(log.slice(2, 5));
    indexer.apply(log);
    expect(indexer.next).toBe(log.length);
    const { list: _list, ...parts } = indexer.index();
    const { list: _whole, ...whole } = indexPersons(log);
    expect(parts).toEqual(whole);
  });

  it('operator and mediator see every record', () => {
    expect(personVisibility(who('operator', 'op'), aRecord, undefined)).toBe('role');
    expect(personVisibility(who('mediator', 'med'), aRecord, undefined)).toBe('role');
  });
});

describe('the persons policy cannot be gamed', () => {
  const sideA = who('party', 'a1', 'side-a');
  const sideB = who('party', 'b1', 'side-b');
  const icrc = who('intermediary', 'icrc');
  const other = who('intermediary', 'crescent');
  const monitor = who('monitor', 'm');
  const aRecord = { party: 'side-a', addedBy: 'a1' };
  // Names held back from the other party until confirmation: what a confirmation discloses.
  const strict = { counterpart: 'on-confirmation', monitors: 'on-confirmation' } as const;
  const registered = () => [
    entry('op', 'actor.registered', { actor: 'a1', party: 'side-a', role: 'party' }),
    entry('op', 'actor.registered', { actor: 'b1', party: 'side-b', role: 'party' }),
    entry('op', 'actor.registered', { actor: 'icrc', role: 'intermediary' }),
    entry('op', 'actor.registered', { actor: 'crescent', role: 'intermediary' }),
    entry('op', 'actor.registered', { actor: 'med', role: 'mediator' }),
  ];

  it('a party that accepts its own list accepts nothing: its persons reach no manifest', () => {
    n = 0;
    const log = [
      ...registered(),
      entry('a1', 'list.submitted', { provision: 'x', batch: 1, count: 1, persons: [c(1)] }),
      entry('a1', 'list.accepted', { list: h(5) }),
    ];
    const index = indexPersons(log);
    expect(index.lists[0]!.acceptedAt).toBeNull();
    expect(personVisibility(icrc, aRecord, index.references.get(c(1)))).toBeUndefined();
    // The other party, or a mediator, accepts it.
    const byB = indexPersons([...log, entry('b1', 'list.accepted', { list: h(5) })]);
    expect(personVisibility(icrc, aRecord, byB.references.get(c(1)))).toBe('manifest');
    n = 0;
    const byMediator = indexPersons([
      ...registered(),
      entry('a1', 'list.submitted', { provision: 'x', batch: 1, count: 1, persons: [c(1)] }),
      entry('med', 'list.accepted', { list: h(5) }),
    ]);
    expect(byMediator.lists[0]!.acceptedAt).toBe(6);
  });

  it('an intermediary confirms only a handover made through it, of persons on an accepted list', () => {
    n = 0;
    const log = [
      ...registered(),
      entry('a1', 'list.submitted', { provision: 'x', batch: 1, count: 2, persons: [c(1), c(2)] }),
      entry('b1', 'list.accepted', { list: h(5) }),
      // Through icrc, naming a person on no accepted list besides one that is.
      entry('a1', 'handover.completed', {
        provision: 'x',
        count: 2,
        persons: [c(1), c(3)],
        to: 'side-b',
        via: 'icrc',
      }),
      // Another intermediary confirms it: nothing is confirmed.
      entry('crescent', 'handover.confirmed', { handover: h(7), count: 2 }),
    ];
    let index = indexPersons(log);
    expect(index.confirmed.size).toBe(0);
    for (const k of [1, 3])
      expect(personVisibility(sideB, aRecord, index.references.get(c(k)), strict)).toBeUndefined();
    expect(personVisibility(other, aRecord, index.references.get(c(1)))).toBe('manifest'); // accepted list
    expect(personVisibility(other, aRecord, index.references.get(c(3)))).toBeUndefined();
    // The person on no accepted list reaches no manifest through the handover.
    expect(personVisibility(icrc, aRecord, index.references.get(c(3)))).toBeUndefined();
    // icrc confirms it: only the person on the accepted list is confirmed.
    index = indexPersons([...log, entry('icrc', 'handover.confirmed', { handover: h(7), count: 2 })]);
    expect([...index.confirmed]).toEqual([c(1)]);
    expect(personVisibility(sideB, aRecord, index.references.get(c(1)), strict)).toBe('confirmed');
    expect(personVisibility(monitor, aRecord, index.references.get(c(3)))).toBeUndefined();
    // A confirmation naming persons names only those of its handover.
    n = 0;
    const named = indexPersons([
      ...registered(),
      entry('a1', 'list.submitted', { provision: 'x', batch: 1, count: 2, persons: [c(1), c(2)] }),
      entry('b1', 'list.accepted', { list: h(5) }),
      entry('a1', 'handover.completed', {
        provision: 'x',
        count: 1,
        persons: [c(1)],
        to: 'side-b',
        via: 'icrc',
      }),
      entry('icrc', 'handover.confirmed', { handover: h(7), count: 2, persons: [c(1), c(2)] }),
    ]);
    expect([...named.confirmed]).toEqual([c(1)]);
  });

  it("a list discloses only the lister's own records: not another side's, and not an actor's acting for no party", () => {
    n = 0;
    const log = [
      ...registered(),
      entry('op', 'actor.registered', { actor: 'op2', role: 'operator' }),
      // side-b lists side-a's commitment (it can read commitments in the log): side-a's record stays embargoed for c.
      entry('b1', 'list.submitted', { provision: 'x', batch: 1, count: 1, persons: [c(1)] }),
      // An operator lists it: no party listed it.
      entry('op2', 'list.submitted', { provision: 'x', batch: 1, count: 1, persons: [c(2)] }),
    ];
    const index = indexPersons(log);
    const sideC = who('party', 'c1', 'side-c');
    expect(personVisibility(sideC, aRecord, index.references.get(c(1)))).toBeUndefined();
    expect(personVisibility(sideB, aRecord, index.references.get(c(2)))).toBeUndefined();
    expect(index.references.get(c(2))?.listedBy.size ?? 0).toBe(0);
    // side-a's own list discloses its record to side-b.
    const own = indexPersons([
      ...log,
      entry('a1', 'list.submitted', { provision: 'x', batch: 2, count: 1, persons: [c(1)] }),
    ]);
    expect(personVisibility(sideB, aRecord, own.references.get(c(1)))).toBe('submitted-to-you');
    expect(personVisibility(sideA, aRecord, own.references.get(c(1)))).toBe('own');
  });
});

describe('a handover to the intermediary itself', () => {
  it('is made through it: that intermediary, and no other, confirms it', () => {
    n = 0;
    const log = [
      entry('op', 'actor.registered', { actor: 'a1', party: 'side-a', role: 'party' }),
      entry('op', 'actor.registered', { actor: 'b1', party: 'side-b', role: 'party' }),
      entry('op', 'actor.registered', { actor: 'icrc', role: 'intermediary' }),
      entry('a1', 'list.submitted', { provision: 'x', batch: 1, count: 1, persons: [c(1)] }),
      entry('b1', 'list.accepted', { list: h(3) }),
      entry('a1', 'handover.completed', { provision: 'x', count: 1, persons: [c(1)], to: 'icrc' }),
    ];
    expect(
      indexPersons([...log, entry('b1', 'handover.confirmed', { handover: h(5), count: 1 })]).confirmed.size,
    ).toBe(0);
    n = 6;
    expect([
      ...indexPersons([...log, entry('icrc', 'handover.confirmed', { handover: h(5), count: 1 })]).confirmed,
    ]).toEqual([c(1)]);
  });
});
