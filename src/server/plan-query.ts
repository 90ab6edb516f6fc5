import { z } from 'zod';
import { PLAN_LIMITS } from '../core/plan/plan-limits.ts';
import type { PlanOptions } from '../core/plan/types.ts';
import { HORIZON_TEXT, withinHorizon } from '../core/time/date-horizon.ts';

const many = (item: z.ZodString) => z.union([item, z.array(item)]).optional();
const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const numberAfterEquals = (v: string) => Number(v.slice(v.lastIndexOf('=') + 1));
const extendDays = (v: string) => (/^\d+$/.test(v) ? Number(v) : sum(v.split(',').map(numberAfterEquals)));
const { extendDays: MAX_EXTEND, delayHours: MAX_DELAY, count: MAX_COUNT, planDays: MAX_DAY } = PLAN_LIMITS;

/** The what-ifs of `truce plan` and `truce diff` as query parameters, with the same meaning and limits. */
export const WhatIfQuery = {
  extend: z
    .string()
    .max(1000)
    .regex(/^(\d+|[a-z0-9-]+=\d+(,[a-z0-9-]+=\d+)*)$/, 'expected N or PHASE=N[,PHASE=N…]')
    .refine((v) => extendDays(v) <= MAX_EXTEND, `at most ${MAX_EXTEND} days of extension in all`)
    .optional()
    .describe(
      `Extend under the extension rule: N days, or PHASE=N (comma-separated); at most ${MAX_EXTEND} days in all.`,
    ),
  delay: many(
    z
      .string()
      .max(200)
      .regex(/^[a-z0-9-]+=\d+(\.\d+)?$/, 'expected PROVISION=HOURS')
      .refine((v) => numberAfterEquals(v) <= MAX_DELAY, `a delay of at most ${MAX_DELAY} hours`),
  ).describe(`Delay a provision: PROVISION=HOURS (repeatable); at most ${MAX_DELAY} hours.`),
  count: many(
    z
      .string()
      .max(200)
      .regex(/^[a-z0-9-]+\.[a-z0-9-]+=\d+$/, 'expected PROVISION.CATEGORY=N')
      .refine((v) => numberAfterEquals(v) <= MAX_COUNT, `at most ${MAX_COUNT} persons`),
  ).describe(`Known persons per category: PROVISION.CATEGORY=N (repeatable); at most ${MAX_COUNT}.`),
  start: z.iso
    .datetime({ offset: true })
    .refine(withinHorizon, `a date-time ${HORIZON_TEXT}`)
    .optional()
    .describe(
      `Start date-time for a proposal that has none, e.g. 2025-01-19T08:30:00+02:00 (${HORIZON_TEXT}).`,
    ),
};

const dayOrDate = z
  .string()
  .regex(/^(\d+|\d{4}-\d{2}-\d{2})$/, 'expected a date (YYYY-MM-DD) or a day number')
  .refine((v) => /^\d+$/.test(v) || !Number.isNaN(Date.parse(v)), 'not a calendar date')
  .refine(
    (v) => (/^\d+$/.test(v) ? Number(v) <= MAX_DAY : withinHorizon(v)),
    `a day number up to ${MAX_DAY}, or a date ${HORIZON_TEXT}`,
  )
  .optional();

export const PlanQuery = z.strictObject({
  ...WhatIfQuery,
  from: dayOrDate.describe(
    `First day to show (YYYY-MM-DD ${HORIZON_TEXT}, or a day number up to ${MAX_DAY}).`,
  ),
  to: dayOrDate.describe(
    `Last day to show (YYYY-MM-DD ${HORIZON_TEXT}, or a day number up to ${MAX_DAY}); a phase with no fixed end is planned up to it.`,
  ),
});

const pairs = (values: string[]) =>
  Object.fromEntries(
    values.map((v) => {
      const at = v.lastIndexOf('=');
      return [v.slice(0, at), Number(v.slice(at + 1))];
    }),
  );

/** PlanOptions from checked what-if query parameters. */
export function planOptionsOf(q: {
  extend?: string | undefined;
  delay?: string | string[] | undefined;
  count?: string | string[] | undefined;
  start?: string | undefined;
}): PlanOptions {
  const options: PlanOptions = {};
  if (q.extend !== undefined)
    options.extend = /^\d+$/.test(q.extend) ? Number(q.extend) : pairs(q.extend.split(','));
  if (q.delay !== undefined) options.delay = pairs(list(q.delay));
  if (q.count !== undefined) options.counts = pairs(list(q.count));
  if (q.start !== undefined) options.start = q.start;
  return options;
}

/** A day bound as `truce plan` reads it: a number of days, or a date. */
export function dayBound(v: string | undefined): string | number | undefined {
  return v === undefined ? undefined : /^\d+$/.test(v) ? Number(v) : v;
}
