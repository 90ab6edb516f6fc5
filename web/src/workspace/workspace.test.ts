import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../../src/core/ledger/canonical-json.ts';
import { checkEnvelope } from '../../../src/core/ledger/event-sign.ts';
import { buildEnvelope, FIELDS, isoWithOffset, WORKSPACE_KINDS } from './event-forms.ts';
import { namesOfRecord, personsFromCsv } from './person-csv.ts';

const ctx = {
  log: 'nov-2023-pause',
  actor: 'hamas',
  occurredAt: '2023-11-25T20:00:00+02:00',
  recordedAt: '2023-11-25T20:05:00+02:00',
};
const H = 'c'.repeat(64);

describe('event forms', () => {
  it('builds a list.submitted envelope the ledger schema accepts', () => {
    const r = buildEnvelope(
      'list.submitted',
      { provision: 'exchange', batch: '2', count: '2', persons: [H, 'd'.repeat(64)] },
      ctx,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.envelope.body).toEqual({
      provision: 'exchange',
      batch: 2,
      count: 2,
      persons: [H, 'd'.repeat(64)],
    });
    expect(canonicalize(checkEnvelope(r.envelope))).toContain('"kind":"list.submitted"');
  });

  it('every kind with its required fields filled gives an envelope the ledger accepts', () => {
    const sample: Record<string, string> = {
      text: 'A reason.',
      int: '3',
      ref: H,
      id: 'israel',
      date: '2023-11-25',
      unit: 'truck',
    };
    for (const kind of WORKSPACE_KINDS) {
      // A handover or release gives its number or says it was not disclosed: `count`, though
      // optional, is filled here (the ledger refuses neither, and says which to give).
      const values = Object.fromEntries(
        (FIELDS[kind] ?? [])
          .filter((s) => s.required || s.name === 'count')
          .map((s) => [
            s.name,
            s.options ? s.options[0]! : s.type === 'ids' ? 'zone-a' : (sample[s.type] ?? ''),
          ]),
      );
      const r = buildEnvelope(kind, values, { ...ctx, source: { name: 'UNRWA' } });
      expect(r.ok, kind).toBe(true);
      if (r.ok) expect(() => checkEnvelope(r.envelope), kind).not.toThrow();
    }
  });

  it('says which field is wrong and why', () => {
    const r = buildEnvelope('dispute', { of: 'xyz', reason: '', figure: '-3' }, ctx);
    expect(r).toEqual({
      ok: false,
      errors: [
        { field: 'of', code: 'not-ref', message: 'must be the leaf hash of an event (64 hex digits)' },
        { field: 'reason', code: 'required', message: 'is required' },
        { field: 'figure', code: 'not-count', message: 'must be a whole number ≥ 0' },
      ],
    });
    const count = buildEnvelope(
      'list.submitted',
      { provision: 'exchange', batch: '1', count: '3', persons: [H] },
      ctx,
    );
    expect(count.ok ? [] : count.errors).toEqual([
      {
        field: 'count',
        code: 'count-mismatch',
        message: 'is 3 but the list names 1 persons',
        params: { count: 3, listed: 1 },
      },
    ]);
    const bad = buildEnvelope(
      'list.submitted',
      { provision: 'exchange', batch: '1', count: '1', persons: ['xyz'] },
      ctx,
    );
    expect(bad.ok ? [] : bad.errors.map((e) => [e.code, e.params])).toEqual([
      ['not-commitment', { value: 'xyz' }],
    ]);
  });

  it('aid needs its source, and carries it', () => {
    const values = { date: '2023-11-25', quantity: '200', unit: 'truck' };
    const without = buildEnvelope('aid.delivered', values, ctx);
    expect(without.ok ? [] : without.errors).toEqual([
      { field: 'source', code: 'source-required', message: 'is required: who gave this figure' },
    ]);
    const r = buildEnvelope('aid.delivered', values, {
      ...ctx,
      source: { name: 'UN 2720 mechanism', method: 'trucks collected' },
    });
    expect(r.ok && r.envelope.source).toEqual({ name: 'UN 2720 mechanism', method: 'trucks collected' });
  });

  it('writes instants with the offset given', () => {
    const t = new Date('2023-11-25T18:05:09Z');
    expect(isoWithOffset(t, 120)).toBe('2023-11-25T20:05:09+02:00');
    expect(isoWithOffset(t, -330)).toBe('2023-11-25T12:35:09-05:30');
    expect(isoWithOffset(t, 0)).toBe('2023-11-25T18:05:09+00:00');
  });
});

describe('person CSV', () => {
  it('reads names in three scripts, variants and age, in NFC', () => {
    const csv =
      'name_ar,name_he,name_en,variants,age,category\n"محمد علي","מוחמד עלי","Muhammad Ali","Mohammed Ali; Mohamad Aly",17,minors-under-19\n';
    const r = personsFromCsv(csv);
    expect(r).toEqual({
      ok: true,
      records: [
        {
          names: { ar: 'محمد علي', he: 'מוחמד עלי', en: 'Muhammad Ali' },
          variants: ['Mohammed Ali', 'Mohamad Aly'],
          age: 17,
          category: 'minors-under-19',
        },
      ],
    });
    if (r.ok)
      expect(namesOfRecord(r.records[0]!)).toEqual([
        'محمد علي',
        'מוחמד עלי',
        'Muhammad Ali',
        'Mohammed Ali',
        'Mohamad Aly',
      ]);
    const nfd = personsFromCsv('name_en\nJose\u0301\n');
    expect(nfd.ok && (nfd.records[0]!.names as { en: string }).en).toBe('José');
  });

  it('refuses rows without a name, bad ages and files without a name column, by line', () => {
    expect(personsFromCsv('name_en,age\nA,x\n,3\n')).toEqual({
      ok: false,
      errors: ['Line 2: age "x" is not a whole number.', 'Line 3: no name in any script.'],
    });
    expect(personsFromCsv('first,last\nA,B\n')).toEqual({
      ok: false,
      errors: ['Line 1: the header names no name column (name_ar, name_he, name_en, name_latin).'],
    });
    expect(personsFromCsv('')).toMatchObject({ ok: false });
  });
});
