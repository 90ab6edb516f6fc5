import { describe, expect, it } from 'vitest';
import type { Agreement, ProvisionOf } from '../agreement/types.ts';
import { pause } from '../plan/fixtures/pause.ts';
import { planAgreement } from '../plan/plan-agreement.ts';
import type { PlanOptions } from '../plan/types.ts';
import { summarize } from './summary.ts';

function exchange(a: Agreement): ProvisionOf<'exchange'> {
  return a.provisions.find((p) => p.kind === 'exchange') as ProvisionOf<'exchange'>;
}
function aid(a: Agreement): ProvisionOf<'aid'> {
  return a.provisions.find((p) => p.kind === 'aid') as ProvisionOf<'aid'>;
}

function rows(a: Agreement, b: Agreement, optionsB: PlanOptions = {}) {
  const summary = summarize(a, b, planAgreement(a), planAgreement(b, optionsB));
  return new Map(summary.map((r) => [r.term, r]));
}

describe('summarize', () => {
  it('given the same pause twice, every headline term is the same', () => {
    const summary = summarize(pause(), pause(), planAgreement(pause()), planAgreement(pause()));
    expect(summary.map((r) => r.term)).toEqual([
      'Phase 1 (Pause) duration',
      'Total duration',
      'Exchange (exchange) released by Party B',
      'Exchange (exchange) released by Party A',
      'Exchange (exchange) ratio for Women',
      'Exchange (exchange) ratio for Minors',
      'Aid (aid) aid-trucks per day',
      'Aid (aid) fuel-trucks per day',
    ]);
    expect(summary.every((r) => r.same)).toBe(true);
    expect(summary[2]).toMatchObject({
      term: 'Exchange (exchange) released by Party B',
      a: '50 persons',
      b: '50 persons',
      same: true,
    });
  });

  it('when B is extended by 3 days, shows the longer phase and the larger totals', () => {
    const r = rows(pause(), pause(), { extend: 3 });
    expect(r.get('Phase 1 (Pause) duration')).toMatchObject({
      a: '4 days, days 1–4',
      b: '7 days (4 + 3 extended), days 1–7',
      same: false,
    });
    expect(r.get('Total duration')).toMatchObject({ a: '4 days', b: '7 days' });
    expect(r.get('Exchange (exchange) released by Party B')).toMatchObject({
      a: '50 persons',
      b: '80 persons',
    });
    expect(r.get('Exchange (exchange) released by Party A')).toMatchObject({
      a: '150 persons',
      b: '240 persons',
    });
  });

  it('given mixed ratios and an unknown mix, gives the counterpart total as a range', () => {
    const b = pause();
    exchange(b).release.categories[1]!.ratio = 5;
    const r = rows(pause(), b);
    expect(r.get('Exchange (exchange) released by Party A')).toMatchObject({
      a: '150 persons',
      b: '150–250 persons',
    });
    expect(r.get('Exchange (exchange) ratio for Minors')).toMatchObject({
      a: '3 for 1',
      b: '5 for 1',
      same: false,
    });
  });

  it('given no total and no ratio, says "not stated"; with only a minimum per batch, "at least"', () => {
    const b = pause();
    exchange(b).release.total = undefined;
    exchange(b).release.categories[0]!.ratio = undefined;
    const r = rows(pause(), b);
    expect(r.get('Exchange (exchange) released by Party B')).toMatchObject({ b: 'at least 40 persons' });
    expect(r.get('Exchange (exchange) released by Party A')).toMatchObject({ b: 'not stated' });
    expect(r.get('Exchange (exchange) ratio for Women')).toMatchObject({ b: 'not stated' });
  });

  it('shows aid quotas per day with "at least" marks, and terms only one side has as "none"', () => {
    const b = pause();
    aid(b).perDay[0] = { ...aid(b).perDay[0]!, quantity: 600, atLeast: true };
    aid(b).perDay.splice(1, 1);
    b.provisions.push({
      id: 'medevac',
      kind: 'medical-evacuation',
      phase: 'pause',
      party: 'a',
      perDay: 50,
      uncertain: true,
    });
    const r = rows(pause(), b);
    expect(r.get('Aid (aid) aid-trucks per day')).toMatchObject({
      a: '200 trucks',
      b: 'at least 600 trucks',
    });
    expect(r.get('Aid (aid) fuel-trucks per day')).toMatchObject({ a: '4 trucks', b: 'none', same: false });
    expect(r.get('Medical evacuation (medevac) per day')).toMatchObject({
      a: 'none',
      b: '50 patients (uncertain)',
    });
  });

  it('given renamed ids, pairs terms by position and kind and names both (one name when both are the same)', () => {
    const b = pause();
    b.phases[0]!.id = 'truce';
    b.phases[0]!.extension!.per.provision = 'hostages';
    for (const p of b.provisions) p.phase = 'truce';
    exchange(b).id = 'hostages';
    const r = rows(pause(), b);
    expect(r.get('Phase 1 (Pause) duration')).toMatchObject({ a: '4 days, days 1–4', same: true });
    expect(r.get('Exchange (exchange / hostages) released by Party B')).toMatchObject({
      a: '50 persons',
      b: '50 persons',
    });
  });

  it('gives a phase with no length as open-ended from its first day, and the total duration as open-ended', () => {
    const b = pause();
    b.phases[0]!.lengthDays = undefined;
    const r = rows(pause(), b);
    expect(r.get('Phase 1 (Pause) duration')).toMatchObject({ b: 'open-ended, from day 1' });
    expect(r.get('Total duration')).toMatchObject({ b: 'open-ended' });
  });
  it('gives a phase that continues while talks go on as its stated length, then open-ended', () => {
    const b = pause();
    b.phases[0]!.continuesWhile = 'talks go on';
    expect(rows(pause(), b).get('Phase 1 (Pause) duration')).toMatchObject({
      a: '4 days, days 1–4',
      b: 'open-ended (4 days stated, then continues), from day 1',
    });
  });
  it('lines categories up by what their persons are, and shows stated figures with their sources', () => {
    const b = pause();
    const ex = b.provisions[0] as ProvisionOf<'exchange'>;
    ex.release.categories[0]!.meaning = ['women'];
    ex.release.categories[0]!.label = 'Women of all ages';
    ex.counterpart.total = [{ value: 160, source: 'a draft' }];
    const a = pause();
    (a.provisions[0] as ProvisionOf<'exchange'>).release.categories[0]!.meaning = ['women'];
    const r = rows(a, b);
    expect(r.get('Exchange (exchange) category: women')).toMatchObject({
      a: 'Women, 3 for 1',
      b: 'Women of all ages, 3 for 1',
    });
    expect(r.get('Exchange (exchange) released by Party A')!.b).toBe('150 persons; stated 160 (a draft)');
  });
});

describe('summarize, an exchange stated but not scheduled', () => {
  it('shows the stated total, marked as not scheduled', () => {
    const b: Agreement = pause();
    const ex = b.provisions[0] as ProvisionOf<'exchange'>;
    ex.release.cadence = undefined;
    ex.counterpart.total = 1500;
    ex.release.total = undefined;
    const rows = summarize(pause(), b, planAgreement(pause()), planAgreement(b));
    expect(rows.find((r) => r.term.endsWith('released by Party A'))).toMatchObject({
      a: '150 persons',
      b: '1,500 persons (stated, not scheduled)',
    });
    expect(rows.find((r) => r.term.endsWith('released by Party B'))).toMatchObject({
      a: '50 persons',
      b: 'not stated',
    });
  });
});
