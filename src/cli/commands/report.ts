import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { labelsOf, registrationsIn } from '../../core/compliance/labels.ts';
import { dayEvents, earlierIn, referencedHashes, withEarlier } from '../../core/report/day-events.ts';
import { reportHtml } from '../../core/report/report-html.ts';
import { HORIZON_TEXT, withinHorizon } from '../../core/time/date-horizon.ts';
import { type Command, jsonOption, stringFlag } from '../command.ts';
import { formatStatusJson } from '../format-status.ts';
import { EXIT_OK, UsageError } from '../io.ts';
import { langFlag, langOption } from '../lang-flag.ts';
import { asOfFlag, loadLogAndAgreement, logSourceOptions, runEvaluation } from './status.ts';

export const report: Command = {
  name: 'report',
  summary:
    'A daily situation report in HTML that prints well: the day, what is late, disputes, cumulative figures.',
  usage:
    'truce report EXPORT_DIR | --log ID --date DATE [--out FILE] [--agreements DIR | --agreement FILE] [--lang en|ar|he]',
  options: {
    ...logSourceOptions,
    date: { type: 'string', description: 'The day of the report (YYYY-MM-DD); the state at its end.' },
    out: { type: 'string', description: 'Write the HTML to this file (default: standard output).' },
    lang: langOption,
    json: { ...jsonOption, description: 'Print the evaluation at the end of the day as JSON instead.' },
  },
  details: '\nExample:\n  truce report examples/logs/nov-2023-pause --date 2023-11-25 --out day-2.html\n',
  async run(args, io) {
    const date = stringFlag(args, 'date');
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))
      throw new UsageError('--date YYYY-MM-DD is required: the day of the report.');
    if (!withinHorizon(date)) throw new UsageError(`--date ${date}: give a day ${HORIZON_TEXT}.`);
    const lang = langFlag(args);
    const loaded = await loadLogAndAgreement(args, io, (a) => asOfFlag(date, a));
    for (const w of loaded.warnings) io.err(`warning: ${w}\n`);
    const evaluation = runEvaluation(loaded, loaded.asOf);
    if (args.values.json) {
      io.out(formatStatusJson(evaluation, loaded.agreement, lang));
      return EXIT_OK;
    }
    const day = dayEvents(loaded.events, date, loaded.agreement.timeZone);
    // The earlier events they refer to, named by number, kind and time ("no. 27, handover completed, …").
    const happened = withEarlier(day, earlierIn(loaded.events, referencedHashes(day)));
    const html = reportHtml(
      evaluation,
      loaded.agreement,
      date,
      loaded.provenance,
      labelsOf(loaded.agreement, registrationsIn(loaded.events), lang),
      happened,
      lang,
    );
    const out = stringFlag(args, 'out');
    if (out) {
      await writeFile(resolve(io.cwd, out), html);
      io.out(`wrote ${out}\n`);
    } else io.out(html);
    return EXIT_OK;
  },
};
