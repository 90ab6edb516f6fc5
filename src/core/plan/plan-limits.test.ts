import { describe, expect, it } from 'vitest';
import type { Phase } from '../agreement/types.ts';
import { pause } from './fixtures/pause.ts';
import { planAgreement } from './plan-agreement.ts';
import { PlanError } from './plan-error.ts';
import { PLAN_LIMITS } from './plan-limits.ts';
import type { PlanOptions } from './types.ts';

/** The code of the PlanError `planAgreement(agreement, options)` throws (or 'none'). */
function refusal(options: PlanOptions, agreement = pause()): string {
  try {
    planAgreement(agreement, options);
    return 'none';
  } catch (e) {
    if (e instanceof PlanError) return e.code;
    throw e;
  }
}

describe('the limits of a plan', () => {
  it('refuses an extension beyond the limit before computing anything (40000 days overflowed the stack)', () => {
    expect(refusal({ extend: 40_000 })).toBe('plan-option-over-limit');
    expect(refusal({ extend: PLAN_LIMITS.extendDays + 1 })).toBe('plan-option-over-limit');
    expect(refusal({ extend: { pause: 2000, other: 2000 } })).toBe('plan-option-over-limit');
  });

  it('plans the largest extension allowed, one day per day', () => {
    const plan = planAgreement(pause(), { extend: PLAN_LIMITS.extendDays });
    // Day 0 holds the lists due before the start.
    const first = plan.days[0]!.day;
    expect(plan.days.at(-1)!.day).toBe(4 + PLAN_LIMITS.extendDays);
    expect(
      plan.days.every((d, i) => d.day === first + i && d.obligations.every((o) => o.day === d.day)),
    ).toBe(true);
  });

  it('refuses a delay, a count or a start outside the limits (a huge delay was an invalid date)', () => {
    expect(refusal({ delay: { exchange: 1e20 } })).toBe('plan-option-over-limit');
    expect(refusal({ delay: { exchange: PLAN_LIMITS.delayHours + 1 } })).toBe('plan-option-over-limit');
    expect(refusal({ delay: { exchange: PLAN_LIMITS.delayHours } })).toBe('none');
    expect(refusal({ counts: { 'exchange.women': PLAN_LIMITS.count + 1 } })).toBe('plan-option-over-limit');
    const proposal = pause({ start: undefined, kind: 'proposal' });
    expect(refusal({ start: '0001-01-01T00:00:00Z' }, proposal)).toBe('plan-option-over-limit');
    expect(refusal({ start: '9999-12-31T00:00:00Z' }, proposal)).toBe('plan-option-over-limit');
    expect(refusal({ start: '2025-01-19T08:30:00+02:00' }, proposal)).toBe('none');
  });

  it('refuses a horizon beyond the limits; an open-ended phase is planned to day 7300 at most', () => {
    expect(refusal({ horizon: PLAN_LIMITS.planDays + 1 })).toBe('plan-option-over-limit');
    expect(refusal({ horizon: '9999-12-31' })).toBe('plan-option-over-limit');
    const base = pause().phases[0]!;
    const open = pause({ phases: [{ ...base, lengthDays: undefined, extension: undefined }] });
    expect(refusal({ horizon: '2199-12-31' }, open)).toBe('plan-too-long');
    expect(refusal({ horizon: 365 }, open)).toBe('none');
  });

  it('refuses a plan longer than the horizon, whatever the agreement (three 10-year phases in a row)', () => {
    const base = pause().phases[0]!;
    const phases: Phase[] = [
      { ...base, id: 'one', lengthDays: 3650, extension: undefined },
      { ...base, id: 'two', start: { afterPhase: 'one' }, lengthDays: 3650, extension: undefined },
      { ...base, id: 'three', start: { afterPhase: 'two' }, lengthDays: 3650, extension: undefined },
    ];
    const agreement = pause({
      phases,
      provisions: pause().provisions.map((p) => ({ ...p, phase: 'three' })),
    });
    const e = (() => {
      try {
        planAgreement(agreement);
      } catch (error) {
        return error as PlanError;
      }
    })();
    expect(e).toBeInstanceOf(PlanError);
    expect(e?.code).toBe('plan-too-long');
    expect(e?.message).toMatch(/day 10950; at most 7300 days/);
  });
});
