import { compareAgreements } from '../../core/compare/compare-agreements.ts';
import { comparisonInWords } from '../../core/compare/comparison-in-words.ts';
import { type Command, jsonOption, stringFlag } from '../command.ts';
import { formatComparisonText } from '../format-diff.ts';
import { EXIT_OK, UsageError } from '../io.ts';
import { langFlag, langOption } from '../lang-flag.ts';
import { requireAgreement } from '../load-agreement.ts';
import { planOptions, whatIfOptions } from './plan.ts';

function every(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(value))
    throw new UsageError(`--every ${JSON.stringify(value)}: expected a whole number of days ≥ 1.`);
  return Number(value);
}

export const diff: Command = {
  name: 'diff',
  summary: 'Compare two agreements or proposals term by term and by simulated outcome.',
  usage: 'truce diff A B [--extend N] [--delay PROVISION=HOURS] [--every DAYS] [--lang en|ar|he] [--json]',
  options: {
    ...whatIfOptions,
    every: { type: 'string', description: 'Show the outcome table every N days (default 7).' },
    lang: langOption,
    json: jsonOption,
  },
  details:
    '\nWhat-ifs (--extend, --delay, --count, --start) apply to both A and B.\n\nExamples:\n' +
    '  truce diff offer.yaml counter-offer.yaml\n  truce diff jan.yaml may.yaml --start 2025-01-19T08:30:00+02:00 --json\n',
  async run(args, io) {
    if (args.positionals.length !== 2) throw new UsageError('Name exactly two agreement files to compare.');
    const options = planOptions(args);
    const lang = langFlag(args);
    const step = every(stringFlag(args, 'every'));
    const a = await requireAgreement(args.positionals[0]!, io);
    const b = await requireAgreement(args.positionals[1]!, io);
    // Each term structured (`line`, `lines`) and worded in the chosen language (`text`).
    const comparison = comparisonInWords(
      compareAgreements(a, b, { planA: options, planB: options }),
      a,
      b,
      lang,
    );
    if (args.values.json) io.out(`${JSON.stringify(comparison, null, 2)}\n`);
    else io.out(formatComparisonText(comparison, step === undefined ? {} : { every: step }));
    return EXIT_OK;
  },
};
