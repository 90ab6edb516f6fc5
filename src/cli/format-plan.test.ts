import { describe, expect, it } from 'vitest';
import { FIXTURE_YAML } from '../core/compliance/fixture-agreement.ts';
import { agreementOf } from '../core/compliance/test-log.ts';
import { pause } from '../core/plan/fixtures/pause.ts';
import { planAgreement } from '../core/plan/plan-agreement.ts';
import { planInWords } from '../core/plan/plan-in-words.ts';
import { formatPlanText, quantityText } from './format-plan.ts';

const text = (yaml: string) => {
  const agreement = agreementOf(yaml);
  return formatPlanText(planInWords(planAgreement(agreement), agreement, 'en'), 'Test agreement');
};

describe('the plan as text', () => {
  it('prints "Totals" only over totals: a plan that counts nothing (a cessation, a return) has no such heading', () => {
    // The fixture's phase and parties with a cessation and a return only: no persons, no quota.
    const bare = `${FIXTURE_YAML.slice(0, FIXTURE_YAML.indexOf('provisions:')).replace(/^ +extension:.*\n/m, '')}provisions:
  - { id: cease, kind: cessation, phase: p1, parties: [a, b] }
  - { id: ret, kind: displaced-return, phase: p1, party: b, fromDay: 2 }
`;
    const plain = text(bare);
    expect(plain).toContain('Throughout');
    expect(plain).not.toMatch(/^Totals$/m);
    // A plan that counts persons and trucks keeps its totals under the heading.
    expect(text(FIXTURE_YAML)).toMatch(/^Totals\n {2}a +w +6 persons$/m);
  });
});

describe('a phase extended', () => {
  it('says "extended by 1 day" for one day, "extended by 2 days" for two', () => {
    const agreement = agreementOf(FIXTURE_YAML);
    const extended = (days: number) =>
      formatPlanText(
        planInWords(planAgreement(agreement, { extend: days }), agreement, 'en'),
        'Test agreement',
      );
    expect(extended(1)).toMatch(/^Phase p1: .*, extended by 1 day$/m);
    expect(extended(2)).toMatch(/^Phase p1: .*, extended by 2 days$/m);
  });
});
describe('the quantity of a plan line in a terminal', () => {
  it('takes the plural of its unit for any count but 1, and for a range', () => {
    expect(quantityText({ quantity: 700, quantityMax: 706, unit: 'person' })).toBe('700–706 persons');
    expect(quantityText({ quantity: 181, unit: 'person' })).toBe('181 persons');
    expect(quantityText({ quantity: 1, unit: 'person' })).toBe('1 person');
    expect(quantityText({ quantity: 0, quantityMax: 1, unit: 'truck' })).toBe('0–1 trucks');
  });
});

describe('the quantity of a plan line in Arabic and Hebrew', () => {
  it('takes the form the count asks for, numbers grouped, and "at least" with the number', () => {
    expect(quantityText({ quantity: 13, unit: 'person' }, 'ar')).toBe('13 شخصًا');
    expect(quantityText({ quantity: 1, unit: 'person' }, 'ar')).toBe('شخص واحد');
    expect(quantityText({ quantity: 130000, unit: 'litre' }, 'ar')).toBe('130,000 لتر');
    expect(quantityText({ quantity: 2, unit: 'truck' }, 'he')).toBe('שתי משאיות');
    expect(quantityText({ quantity: 2, atLeast: true, unit: 'truck' }, 'he')).toBe('≥2 משאיות');
    expect(quantityText({ quantity: 700, quantityMax: 706, unit: 'person' }, 'he')).toBe('700–706 אנשים');
  });
});

describe('a plan in Arabic, its frame in Arabic', () => {
  it('heads each phase and day in Arabic, its dates and weekdays as Arabic writes them', () => {
    const agreement = agreementOf(FIXTURE_YAML);
    const ar = formatPlanText(planInWords(planAgreement(agreement, { extend: 2 }), agreement, 'ar'), 'اتفاق');
    expect(ar).toContain(
      '\nالمرحلة p1: الأيام 1–5 (1 يناير 2024 08:00 ← 6 يناير 2024 08:00)، مع تمديد يومين\n',
    );
    expect(ar).toContain('\nاليوم 1  الاثنين، 1 يناير 2024  (المرحلة p1، اليوم 1)\n');
    // The fixture names its phase in English only ("Phase 1"), as a note may say: no frame word is English.
    expect(ar).not.toMatch(/^Phase|^Day |days \d|extended by|Notes|Totals/m);
  });
});

describe('terms the agreement marks uncertain, in the listing', () => {
  it('carry the ⚠ on the heading of the text, of the phase, and on the totals resting on them', () => {
    const base = pause();
    const a = pause({
      uncertain: true,
      phases: base.phases.map((p) => ({ ...p, uncertain: true })),
      provisions: base.provisions.map((p) =>
        p.kind === 'aid' && Array.isArray(p.perDay)
          ? { ...p, perDay: p.perDay.map((q) => (q.id === 'fuel-trucks' ? { ...q, uncertain: true } : q)) }
          : p,
      ),
    });
    const he = formatPlanText(planInWords(planAgreement(a), a, 'he'), 'הפוגה');
    expect(he).toMatch(/^הפוגה — הסכם test-pause, גרסה 1 \[⚠ לא ודאי\]$/m);
    expect(he).toMatch(/^שלב pause: ימים 1–4 .*\[⚠ לא ודאי\]$/m);
    expect(he).toMatch(/^ {2}a +fuel-trucks +⚠ 16 משאיות$/m);
    expect(he).toMatch(/^ {2}a +aid-trucks +800 משאיות$/m);
  });
});

describe('days with nothing on them', () => {
  // An open ceasefire beside a withdrawal due 10 days after the start, counted in days.
  const yaml = `${FIXTURE_YAML.slice(0, FIXTURE_YAML.indexOf('phases:')).replace(/^ +extension:.*\n/m, '')}phases:
  - { id: p1, title: Ceasefire, start: { day: 1 } }
provisions:
  - { id: ret, kind: displaced-return, phase: p1, party: b, fromDay: 1 }
  - id: wd
    kind: withdrawal
    phase: p1
    party: b
    zones: [{ id: z1, name: Z1 }]
    due: { after: { agreement: start }, days: 50 }
`;

  it('are said once for a run of them, not day by day, and a day with something due keeps its own lines', () => {
    const plain = text(yaml);
    expect(plain).toContain(
      'Days 2–42  Tue 2024-01-02 – Sun 2024-02-11  (phase p1, days 2–42)\n  nothing falls due on any of them\n',
    );
    expect(plain).not.toMatch(/^Day 2 /m);
    expect(plain).toMatch(/^Day 1 {2}Mon 2024-01-01 {2}\(phase p1, day 1\)$/m);
  });

  it('a term due past the horizon of a phase with no fixed end is still in that phase, and a span of days is said in days', () => {
    const plain = text(yaml);
    expect(plain).toMatch(/^Day 51 {2}Tue 2024-02-20 {2}\(phase p1, day 51\)$/m);
    expect(plain).toContain('50 days after the start');
    expect(plain).not.toContain('1200 h');
  });
});

describe('the plan of an agreement that marks a party uncertain', () => {
  it('marks that party’s obligations, totals and standing terms with ⚠, and no one else’s', () => {
    const out = text(
      FIXTURE_YAML.replace(
        '  - { id: b, name: B, role: party }',
        '  - { id: b, name: B, role: party, uncertain: true }',
      ),
    );
    const lines = out.split('\n');
    const ofB = lines.filter((l) => /withdraw/i.test(l) && / b[ :→]|^ *b /.test(l));
    expect(ofB.length).toBeGreaterThan(0);
    expect(ofB.every((l) => l.includes('⚠'))).toBe(true);
    // Its totals (trucks it admits) carry the mark; A's persons do not.
    expect(out).toMatch(/^ {2}b +.*⚠ /m);
    expect(out).toMatch(/^ {2}a +w +6 persons$/m);
    expect(text(FIXTURE_YAML)).not.toMatch(/^ {2}b +.*⚠ /m);
  });
});

describe('a phase that starts at an hour', () => {
  it('is printed from that hour to the same hour its length later; a phase from midnight, by its days', () => {
    // The fixture's phase starts with the agreement, at 08:00, for 3 days.
    expect(text(FIXTURE_YAML)).toMatch(/^Phase p1: days 1–3 \(2024-01-01 08:00 → 2024-01-04 08:00\)/m);
    const midnight = FIXTURE_YAML.replace(
      'start: 2024-01-01T08:00:00+02:00',
      'start: 2024-01-01T00:00:00+02:00',
    );
    expect(text(midnight)).toMatch(/^Phase p1: days 1–3 \(2024-01-01 → 2024-01-03\)/m);
  });
});
