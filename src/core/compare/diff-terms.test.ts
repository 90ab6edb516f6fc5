import { describe, expect, it } from 'vitest';
import type { Agreement, ProvisionOf } from '../agreement/types.ts';
import { pause } from '../plan/fixtures/pause.ts';
import { diffTerms } from './diff-terms.ts';

function provision<K extends Agreement['provisions'][number]['kind']>(a: Agreement, kind: K): ProvisionOf<K> {
  const p = a.provisions.find((x) => x.kind === kind);
  if (!p) throw new Error(`fixture has no ${kind}`);
  return p as ProvisionOf<K>;
}

const byPath = (a: Agreement, b: Agreement) => new Map(diffTerms(a, b).map((c) => [c.path, c]));

describe('diffTerms', () => {
  it('given the same agreement twice, finds no change', () => {
    expect(diffTerms(pause(), pause())).toEqual([]);
  });

  it('given a longer phase, reports the length keyed by the phase id', () => {
    const b = pause();
    b.phases[0]!.lengthDays = 5;
    expect(diffTerms(pause(), b).map(({ line: _line, ...t }) => t)).toEqual([
      {
        path: 'phases[pause].lengthDays',
        change: 'changed',
        before: 4,
        after: 5,
        label: 'Phase 1 length: 4 → 5 days',
      },
    ]);
  });

  it('given a changed aid quota, names the provision and the quota by id, with the unit', () => {
    const b = pause();
    provision(b, 'aid').perDay[0]!.quantity = 250;
    const change = byPath(pause(), b).get('provisions[aid].perDay[aid-trucks].quantity');
    expect(change).toMatchObject({ change: 'changed', before: 200, after: 250 });
    expect(change?.label).toBe('Aid (aid) per-day quota aid-trucks quantity: 200 → 250 trucks');
  });

  it('given a provision added and one removed, reports each once as a whole', () => {
    const b = pause();
    b.provisions = b.provisions.filter((p) => p.kind !== 'cessation');
    b.provisions.push({ id: 'medevac', kind: 'medical-evacuation', phase: 'pause', party: 'a', perDay: 50 });
    const changes = diffTerms(pause(), b);
    expect(changes.map((c) => [c.change, c.path])).toEqual([
      ['removed', 'provisions[ceasefire]'],
      ['added', 'provisions[medevac]'],
    ]);
    expect(changes[0]!.label).toMatch(/^Cessation of hostilities \(ceasefire\) removed/);
    expect(changes[1]!.label).toBe(
      'Medical evacuation (medevac) added: {phase: pause, party: a, perDay: 50}',
    );
    expect(changes[1]!.after).toEqual(b.provisions.at(-1));
  });

  it('given renamed ids, matches phases by position and provisions by kind, and says so', () => {
    const b = pause();
    b.phases[0]!.id = 'truce';
    b.phases[0]!.extension!.per.provision = 'hostages';
    for (const p of b.provisions) p.phase = 'truce';
    provision(b, 'exchange').id = 'hostages';
    const aid = provision(b, 'aid');
    aid.id = 'humanitarian-aid';
    aid.perDay[1]!.quantity = 5;
    const changes = diffTerms(pause(), b);
    expect(changes.map((c) => c.path)).toEqual([
      'phases[pause→truce].id',
      'provisions[exchange→hostages].id',
      'provisions[aid→humanitarian-aid].id',
      'provisions[aid→humanitarian-aid].perDay[fuel-trucks].quantity',
    ]);
    expect(changes[0]!.label).toBe('Phase 1 id: pause → truce (matched by position: pause→truce)');
    expect(changes[3]!.label).toBe(
      'Aid (aid→humanitarian-aid) per-day quota fuel-trucks quantity: 4 → 5 trucks (matched by kind)',
    );
  });

  it('when two provisions of one kind are renamed, pairs them in order within their phase', () => {
    const a = pause();
    a.provisions.push({ ...provision(pause(), 'aid'), id: 'aid-2', fromDay: 2 });
    const b = structuredClone(a);
    b.provisions[1]!.id = 'aid-one';
    b.provisions[3]!.id = 'aid-two';
    const ids = diffTerms(a, b).filter((c) => c.path.endsWith('.id'));
    expect(ids.map((c) => [c.before, c.after])).toEqual([
      ['aid', 'aid-one'],
      ['aid-2', 'aid-two'],
    ]);
  });

  it('compares lists of plain values and localized texts as whole values', () => {
    const b = pause();
    b.title = { en: 'Test pause', ar: 'هدنة' };
    provision(b, 'cessation').parties = ['b', 'a'];
    const changes = byPath(pause(), b);
    expect(changes.get('title')).toMatchObject({
      before: 'Test pause',
      after: { en: 'Test pause', ar: 'هدنة' },
    });
    expect(changes.get('provisions[ceasefire].parties')).toMatchObject({
      before: ['a', 'b'],
      after: ['b', 'a'],
    });
    expect(changes.get('provisions[ceasefire].parties')?.label).toBe(
      'Cessation of hostilities (ceasefire) parties: Party A, Party B → Party B, Party A',
    );
  });

  it('reports a change of order among matched items, since order carries meaning', () => {
    const b = pause();
    provision(b, 'exchange').release.categories.reverse();
    b.provisions.reverse();
    expect(diffTerms(pause(), b).map((c) => c.label)).toEqual([
      'Provisions order: exchange, aid, ceasefire → ceasefire, aid, exchange',
      'Exchange (exchange) release side categories order: women, minors → minors, women',
    ]);
  });

  it('ignores $schema and members set to undefined', () => {
    const b = pause({ $schema: '../schema/agreement.schema.json' });
    provision(b, 'exchange').release.order = undefined;
    expect(diffTerms(pause(), b)).toEqual([]);
  });

  it('reports nested fields added or removed with their words', () => {
    const b = pause();
    provision(b, 'exchange').release.total = 60;
    provision(b, 'exchange').counterpart.order = undefined;
    b.phases[0]!.extension!.maxDays = 3;
    expect(diffTerms(pause(), b).map((c) => c.label)).toEqual([
      'Phase 1 extension rule maximum extra days added: 3 days',
      'Exchange (exchange) release side total: 50 → 60 persons',
      'Exchange (exchange) counterpart order removed: "by seniority"',
    ]);
  });

  it('given the same inputs, gives the same changes in the same order', () => {
    const b = pause({ version: 2, kind: 'proposal' });
    b.phases[0]!.lengthDays = 6;
    expect(diffTerms(pause(), b)).toEqual(diffTerms(pause(), b));
    expect(diffTerms(pause(), b).map((c) => c.path)).toEqual(['version', 'kind', 'phases[pause].lengthDays']);
  });
});
