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
    expect(indexer.index()).toEqual(indexPersons(log));
  });

  it('operator and mediator see every record', () => {
    expect(personVisibility(who('operator', 'op'), aRecord, undefined)).toBe('role');
    expect(personVisibility(who('mediator', 'med'), aRecord, undefined)).toBe('role');
  });
});
