import { z } from 'zod';
import type { PlanOptions } from '../core/plan/types.ts';

const many = (item: z.ZodString) => z.union([item, z.array(item)]).optional();
const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The what-ifs of `truce plan` and `truce diff` as query parameters, with the same meaning. */
export const WhatIfQuery = {
  extend: z
    .string()
    .regex(/^(\d+|[a-z0-9-]+=\d+(,[a-z0-9-]+=\d+)*)$/, 'expected N or PHASE=N[,PHASE=N…]')
    .optional()
    .describe('Extend under the extension rule: N days, or PHASE=N (comma-separated).'),
  delay: many(z.string().regex(/^[a-z0-9-]+=\d+(\.\d+)?$/, 'expected PROVISION=HOURS')).describe(
    'Delay a provision: PROVISION=HOURS (repeatable).',
  ),
  count: many(z.string().regex(/^[a-z0-9-]+\.[a-z0-9-]+=\d+$/, 'expected PROVISION.CATEGORY=N')).describe(
    'Known persons per category: PROVISION.CATEGORY=N (repeatable).',
  ),
  start: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('Start date-time for a proposal that has none, e.g. 2025-01-19T08:30:00+02:00.'),
};

const dayOrDate = z
  .string()
  .regex(/^(\d+|\d{4}-\d{2}-\d{2})$/, 'expected a date (YYYY-MM-DD) or a day number')
  .refine((v) => /^\d+$/.test(v) || !Number.isNaN(Date.parse(v)), 'not a calendar date')
  .optional();

export const PlanQuery = z.strictObject({
  ...WhatIfQuery,
  from: dayOrDate.describe('First day to show (YYYY-MM-DD or day number).'),
  to: dayOrDate.describe('Last day to show (YYYY-MM-DD or day number).'),
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
