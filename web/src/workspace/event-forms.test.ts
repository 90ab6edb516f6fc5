import { describe, expect, it } from 'vitest';
import { EVENT_KINDS, EventBodies } from '../../../src/core/ledger/event-kinds.ts';
import { ar } from '../i18n/messages-ar.ts';
import { en } from '../i18n/messages-en.ts';
import { he } from '../i18n/messages-he.ts';
import { buildEnvelope, FIELDS, fieldsOf, WORKSPACE_KINDS, zonedFromInput } from './event-forms.ts';

const ctx = {
  log: 'nov-2023-pause',
  actor: 'hamas',
  occurredAt: '2023-11-25T20:00:00+02:00',
  recordedAt: '2023-11-25T20:05:00+02:00',
};

describe('forms generated from the core event schemas', () => {
  it('offers every kind of the core but the operator’s, each with exactly its schema’s fields', () => {
    const operator = ['actor.registered', 'actor.revoked', 'agreement.adopted'];
    // correction carries a free-form body (a record), which no form field can ask for.
    expect([...WORKSPACE_KINDS].sort()).toEqual(
      EVENT_KINDS.filter((k) => !operator.includes(k) && k !== 'correction').sort(),
    );
    for (const kind of WORKSPACE_KINDS) {
      const shape = (EventBodies[kind] as unknown as { shape: Record<string, unknown> }).shape;
      // Counts per category and casualty figures by source are optional and left out of the forms.
      expect(
        FIELDS[kind]!.map((f) => f.name),
        kind,
      ).toEqual(Object.keys(shape).filter((f) => f !== 'categories' && f !== 'casualties'));
    }
  });

  it('reads required, type, allowed values and fitting provisions from the schema', () => {
    const aid = fieldsOf('aid.delivered')!;
    expect(aid.find((f) => f.name === 'provision')).toEqual({
      name: 'provision',
      type: 'id',
      required: false,
      choices: 'provision',
      provisionKinds: ['aid'],
    });
    expect(aid.find((f) => f.name === 'date')).toMatchObject({ type: 'date', required: true });
    expect(aid.find((f) => f.name === 'unit')!.options).toEqual(
      (EventBodies['aid.delivered'].shape.unit as unknown as { options: string[] }).options,
    );
    expect(fieldsOf('list.submitted')!.find((f) => f.name === 'provision')!.provisionKinds).toEqual([
      'exchange',
    ]);
    expect(fieldsOf('violation.alleged')!.find((f) => f.name === 'against')!.choices).toBe('party');
    expect(fieldsOf('dispute')!.find((f) => f.name === 'of')!.type).toBe('ref');
    expect(fieldsOf('withdrawal.completed')!.find((f) => f.name === 'zones')!.type).toBe('ids');
    expect(fieldsOf('correction')).toBeNull();
  });

  it('is checked by the core schema: what the schema refuses, the form refuses on that field', () => {
    // A batch is numbered from 1: a whole number, but not one the schema accepts.
    const r = buildEnvelope('list.submitted', { provision: 'exchange', batch: '0', count: '3' }, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => [e.field, e.code])).toEqual([['batch', 'invalid']]);
  });

  it('has every field, value and error of the forms in English, Arabic and Hebrew', () => {
    const fields = new Set(WORKSPACE_KINDS.flatMap((k) => FIELDS[k]!.map((f) => f.name)));
    const options = new Set(WORKSPACE_KINDS.flatMap((k) => FIELDS[k]!.flatMap((f) => f.options ?? [])));
    for (const catalog of [en, ar, he]) {
      for (const f of fields) expect(catalog, f).toHaveProperty([`field.${f}`]);
      for (const o of options) expect(catalog, o).toHaveProperty([`option.${o}`]);
      for (const k of WORKSPACE_KINDS) expect(catalog, k).toHaveProperty([`eventKind.${k}`]);
      expect(catalog).toHaveProperty(['form.invalid']);
    }
  });

  it('reads the time entered as the agreement’s wall clock, with the offset of that day', () => {
    // Gaza is on UTC+2 in November and UTC+3 in October (summer time).
    expect(zonedFromInput('2023-11-25T16:00', 'Asia/Gaza')).toBe('2023-11-25T16:00:00+02:00');
    expect(zonedFromInput('2025-10-13T08:30', 'Asia/Gaza')).toBe('2025-10-13T08:30:00+03:00');
    expect(zonedFromInput('25/11/2023 16:00', 'Asia/Gaza')).toBeNull();
  });
});
