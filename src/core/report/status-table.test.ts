import { describe, expect, it } from 'vitest';
import { evaluate } from '../compliance/evaluate.ts';
import { FIXTURE_YAML } from '../compliance/fixture-agreement.ts';
import { actors, agreementOf, logged } from '../compliance/test-log.ts';
import { namesOf } from '../words/agreement-names.ts';
import { explain } from '../words/explain.ts';
import { renderPhrase } from '../words/render.ts';
import { STATUS_COLUMNS, statusRows } from './status-table.ts';
import { jsonRecord, tableCsv } from './table.ts';

const agreement = agreementOf(FIXTURE_YAML);

describe('status table', () => {
  const aid = logged(
    'med',
    'aid.delivered',
    '2024-01-01T20:00:00+02:00',
    { date: '2024-01-01', quantity: 6, unit: 'truck', category: 'aid' },
    'UN',
  );
  const ev = evaluate(agreement, [...actors(), aid], '2024-01-02T01:00:00+02:00');
  const rows = statusRows(ev, (x) => explain(x, agreement));

  it('has a row for every provision and every obligation, each provision before its obligations', () => {
    expect(rows.filter((r) => r.level === 'provision')).toHaveLength(ev.provisions.length);
    expect(rows.filter((r) => r.level === 'obligation')).toHaveLength(ev.obligations.length);
    const seen = new Set<string>();
    for (const r of rows) {
      if (r.level === 'provision') seen.add(r.provision.provision);
      else expect(seen.has(r.obligation.obligation.provision)).toBe(true);
    }
  });

  it('gives an obligation its status, figures and evidence', () => {
    const row = rows.find(
      (r) => r.level === 'obligation' && r.obligation.obligation.id === 'aid/admit-aid/1/trucks',
    )!;
    expect(jsonRecord(STATUS_COLUMNS, row)).toMatchObject({
      as_of: '2024-01-02T01:00:00+02:00',
      level: 'obligation',
      provision: 'aid',
      obligation: 'aid/admit-aid/1/trucks',
      status: 'partly-met',
      required: 10,
      done: 6,
      unit: 'truck',
      evidence: [aid.leafHash],
      counts: null,
    });
  });

  it("words an obligation's 'what' as its plan line in the reader's language", () => {
    const id = 'aid/admit-aid/1/trucks';
    const inAr = statusRows(ev, (x) => explain(x, agreement, 'ar'));
    const row = (rs: typeof rows) =>
      rs.find((r) => r.level === 'obligation' && r.obligation.obligation.id === id)!;
    const o = ev.obligations.find((x) => x.obligation.id === id)!.obligation;
    expect(jsonRecord(STATUS_COLUMNS, row(rows)).what).toBe(o.description);
    const what = jsonRecord(STATUS_COLUMNS, row(inAr)).what as string;
    expect(what).toBe(renderPhrase(o.line, { lang: 'ar', names: namesOf(agreement, 'ar') }));
    expect(what).not.toBe(o.description);
    expect(what).toMatch(/[\u0600-\u06FF]/);
  });

  it('leaves done empty for an obligation nothing was recorded for: unrecorded, not 0', () => {
    const row = rows.find(
      (r) => r.level === 'obligation' && r.obligation.obligation.id === 'ex/hand-over/1',
    )!;
    expect(jsonRecord(STATUS_COLUMNS, row)).toMatchObject({ status: 'unrecorded', done: null });
  });

  it('writes one CSV line a row, with the HXL row under the header', () => {
    const lines = tableCsv(STATUS_COLUMNS, rows, true).split('\r\n');
    expect(lines[1]).toBe(STATUS_COLUMNS.map((c) => c.hxl).join(','));
    expect(lines.filter((l) => l !== '')).toHaveLength(rows.length + 2);
  });

  it('gives what is recorded beside a status, the basis of a standing term and the uncertain mark', () => {
    const cap = logged('b', 'aid.capped', '2024-01-01T09:00:00+02:00', {
      provision: 'aid',
      quantity: 5,
      unit: 'truck',
    });
    const capped = statusRows(evaluate(agreement, [...actors(), cap], '2024-01-02T01:00:00+02:00'), (x) =>
      explain(x, agreement),
    );
    const row = (id: string) =>
      capped.find(
        (r) =>
          (r.level === 'obligation' && r.obligation.obligation.id === id) ||
          (r.level === 'provision' && r.provision.provision === id),
      )!;
    const day1 = jsonRecord(STATUS_COLUMNS, row('aid/admit-aid/1/trucks'));
    expect(day1).toMatchObject({
      recorded_beside: { capped: [{ quantity: 5, unit: 'truck', evidence: [cap.leafHash] }] },
    });
    expect(tableCsv(STATUS_COLUMNS, [row('aid/admit-aid/1/trucks')], false)).toContain(',capped,');
    expect(jsonRecord(STATUS_COLUMNS, row('cease'))).toMatchObject({
      basis: 'no-breach-recorded',
      recorded_beside: null,
    });
  });
});
