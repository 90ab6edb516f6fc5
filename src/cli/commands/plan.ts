import { planAgreement, sliceDays } from '../../core/plan/plan-agreement.ts';
import { PlanError } from '../../core/plan/plan-error.ts';
import { planInWords } from '../../core/plan/plan-in-words.ts';
import { checkPlanOptions, PLAN_LIMITS } from '../../core/plan/plan-limits.ts';
import type { PlanOptions } from '../../core/plan/types.ts';
import { HORIZON_TEXT, withinHorizon } from '../../core/time/date-horizon.ts';
import { agreementNames } from '../../core/words/agreement-names.ts';
import { localized } from '../../core/words/render.ts';
import { type Command, jsonOption, listFlag, type ParsedArgs, stringFlag } from '../command.ts';
import { formatPlanCsv, formatPlanText } from '../format-plan.ts';
import { EXIT_OK, UsageError } from '../io.ts';
import { langFlag, langOption } from '../lang-flag.ts';
import { requireAgreement } from '../load-agreement.ts';

function keyValues(flag: string, values: string[], pattern: RegExp, what: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) {
    const m = pattern.exec(v);
    if (!m) throw new UsageError(`--${flag} ${JSON.stringify(v)}: expected ${what}.`);
    out[m[1]!] = Number(m[2]);
  }
  return out;
}

function dayOrDate(flag: string, value: string | undefined): string | number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value) && Number(value) <= PLAN_LIMITS.planDays) return Number(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) && withinHorizon(value))
    return value;
  throw new UsageError(
    `--${flag} ${JSON.stringify(value)}: expected a date (YYYY-MM-DD, ${HORIZON_TEXT}) or a day number up to ${PLAN_LIMITS.planDays}.`,
  );
}

/** Reads the what-if flags shared by `plan` and `diff`. Zones of localized pauses extend like phases. */
export function planOptions(args: ParsedArgs): PlanOptions {
  const options: PlanOptions = {};
  const extend = stringFlag(args, 'extend');
  if (extend !== undefined) {
    if (/^\d+$/.test(extend)) options.extend = Number(extend);
    else
      options.extend = keyValues(
        'extend',
        extend.split(','),
        /^([a-z0-9-]+(?:\.[a-z0-9-]+)?)=(\d+)$/,
        'N, PHASE=N, ZONE=N or PAUSE.ZONE=N',
      );
  }
  const delay = listFlag(args, 'delay');
  if (delay.length)
    options.delay = keyValues('delay', delay, /^([a-z0-9-]+)=(\d+(?:\.\d+)?)$/, 'PROVISION=HOURS');
  const counts = listFlag(args, 'count');
  if (counts.length)
    options.counts = keyValues('count', counts, /^([a-z0-9-]+\.[a-z0-9-]+)=(\d+)$/, 'PROVISION.CATEGORY=N');
  const start = stringFlag(args, 'start');
  if (start !== undefined) {
    if (Number.isNaN(Date.parse(start)) || !/[+-]\d{2}:\d{2}$|Z$/.test(start)) {
      throw new UsageError(
        `--start ${JSON.stringify(start)}: expected a date-time with an offset, e.g. 2025-01-19T08:30:00+02:00.`,
      );
    }
    options.start = start;
  }
  // The limits every plan keeps, checked here so that an over-large what-if is refused at once.
  try {
    checkPlanOptions(options);
  } catch (e) {
    if (e instanceof PlanError) throw new UsageError(e.message);
    throw e;
  }
  return options;
}

export const whatIfOptions = {
  extend: {
    type: 'string',
    description: `Extend under the extension rule: N days, PHASE=N, or a pause zone: ZONE=N (later zones move); at most ${PLAN_LIMITS.extendDays} days in all.`,
  },
  delay: {
    type: 'string',
    multiple: true,
    description: `Delay a provision: PROVISION=HOURS (repeatable; at most ${PLAN_LIMITS.delayHours}).`,
  },
  count: {
    type: 'string',
    multiple: true,
    description: `Known persons per category: PROVISION.CATEGORY=N (at most ${PLAN_LIMITS.count}).`,
  },
  start: { type: 'string', description: 'Start date-time for a proposal that has none.' },
} as const;

export const plan: Command = {
  name: 'plan',
  summary: 'Compute the obligations of an agreement day by day: who must do what, by when.',
  usage:
    'truce plan FILE [--extend N] [--delay PROVISION=HOURS] [--from DATE] [--to DATE] [--lang en|ar|he] [--json|--csv]',
  options: {
    ...whatIfOptions,
    from: { type: 'string', description: 'First day to show (YYYY-MM-DD or day number).' },
    to: {
      type: 'string',
      description: 'Last day to show (YYYY-MM-DD or day number); open-ended phases are planned up to it.',
    },
    lang: langOption,
    json: jsonOption,
    csv: { type: 'boolean', description: 'Print one CSV row per obligation.' },
  },
  details:
    '\nExamples:\n  truce plan examples/agreements/nov-2023-pause.yaml --extend 3\n  truce plan jan.yaml --from 2025-01-25 --to 2025-02-01 --json\n',
  async run(args, io) {
    if (args.positionals.length !== 1) throw new UsageError('Name exactly one agreement file to plan.');
    if (args.values.json && args.values.csv) throw new UsageError('Choose one of --json and --csv.');
    const options = planOptions(args);
    const lang = langFlag(args);
    const from = dayOrDate('from', stringFlag(args, 'from'));
    const to = dayOrDate('to', stringFlag(args, 'to'));
    const agreement = await requireAgreement(args.positionals[0]!, io);
    // The last day shown is also how far an open-ended phase is planned.
    const result = sliceDays(
      planAgreement(agreement, { ...options, ...(to !== undefined ? { horizon: to } : {}) }),
      from,
      to,
    );
    // Each line structured (`line`) and worded in the chosen language (`text`).
    const worded = planInWords(result, agreement, lang);
    if (args.values.json) io.out(`${JSON.stringify(worded, null, 2)}\n`);
    else if (args.values.csv) io.out(formatPlanCsv(worded));
    else {
      const names = agreementNames(agreement, lang);
      io.out(formatPlanText(worded, localized(agreement.title, lang), names));
    }
    return EXIT_OK;
  },
};
