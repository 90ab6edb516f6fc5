import { HORIZON_TEXT, withinHorizon } from '../time/date-horizon.ts';
import { PlanError } from './plan-error.ts';
import type { PlanOptions } from './types.ts';

/**
 * The largest what-ifs a plan takes, and the longest plan it computes. They bound the work of one
 * plan (the CLI's and the API's alike): a what-if beyond them is refused before anything is
 * computed, and a plan longer than MAX_PLAN_DAYS is refused whatever the agreement.
 */
export const PLAN_LIMITS = {
  /** Extra days under an extension rule, in all (ten years: the longest a rule's maxDays may be). */
  extendDays: 3650,
  /** Hours a provision may be delayed by (one year). */
  delayHours: 8760,
  /** Known persons of one category of an exchange. */
  count: 1_000_000,
  /** Days of a plan, from day 1 to its last obligation (twenty years). */
  planDays: 7300,
  /** Obligations of a plan, all days together. */
  obligations: 100_000,
} as const;

function over(what: string, limit: string): PlanError {
  return new PlanError('plan-option-over-limit', `${what}; at most ${limit} can be planned: ask for less.`);
}

/** Refuses what-ifs beyond PLAN_LIMITS or dates outside the calendar's horizon (PlanError). */
export function checkPlanOptions(options: PlanOptions): void {
  const extend = options.extend;
  const extendDays =
    extend === undefined
      ? 0
      : typeof extend === 'number'
        ? extend
        : Object.values(extend).reduce((a, b) => a + b, 0);
  if (extendDays > PLAN_LIMITS.extendDays)
    throw over(`--extend asks for ${extendDays} days of extension in all`, `${PLAN_LIMITS.extendDays} days`);
  for (const [provision, hours] of Object.entries(options.delay ?? {}))
    if (!(hours <= PLAN_LIMITS.delayHours))
      throw over(`--delay ${provision}=${hours} asks for ${hours} hours`, `${PLAN_LIMITS.delayHours} hours`);
  for (const [category, count] of Object.entries(options.counts ?? {}))
    if (!(count <= PLAN_LIMITS.count))
      throw over(
        `--count ${category}=${count} asks for ${count} persons`,
        `${PLAN_LIMITS.count} persons a category`,
      );
  const horizon = options.horizon;
  if (typeof horizon === 'number' && !(horizon <= PLAN_LIMITS.planDays))
    throw over(`The horizon asks for day ${horizon}`, `day ${PLAN_LIMITS.planDays}`);
  if (typeof horizon === 'string' && !withinHorizon(horizon))
    throw new PlanError(
      'plan-option-over-limit',
      `The horizon ${horizon} is outside the calendar Truce plans in: give a date ${HORIZON_TEXT}.`,
    );
  if (options.start !== undefined && !withinHorizon(options.start))
    throw new PlanError(
      'plan-option-over-limit',
      `--start ${options.start} is outside the calendar Truce plans in: give a date-time ${HORIZON_TEXT}.`,
    );
}

/** Refuses a plan whose last day is beyond PLAN_LIMITS.planDays, or with more obligations than PLAN_LIMITS.obligations. */
export function checkPlanLength(lastDay: number, obligations = 0): void {
  if (obligations > PLAN_LIMITS.obligations)
    throw new PlanError(
      'plan-too-long',
      `This plan would hold ${obligations} obligations; at most ${PLAN_LIMITS.obligations} are planned. Shorten the phases or the extension asked for, or plan fewer provisions.`,
    );
  if (lastDay > PLAN_LIMITS.planDays)
    throw new PlanError(
      'plan-too-long',
      `This plan would run to day ${lastDay}; at most ${PLAN_LIMITS.planDays} days (twenty years) are planned. Shorten the phases, their offsets or the extension asked for.`,
    );
}
