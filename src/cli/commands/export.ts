import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { csvRow } from '../../core/report/csv.ts';
import { writeExport } from '../../export/export-folder.ts';
import { type Command, jsonOption, stringFlag } from '../command.ts';
import { counted } from '../count-words.ts';
import { EXPORT_COLUMNS, eventRow } from '../event-row.ts';
import { EXIT_OK, UsageError } from '../io.ts';
import { chooseLog, databaseOption, openStore } from '../ledger-context.ts';
import { progress } from '../progress.ts';

export const exportCommand: Command = {
  name: 'export',
  summary:
    'Export a log: a folder of signed events (JSONL) and checkpoints that anyone can verify, or a CSV.',
  usage: 'truce export --out DIR | --csv FILE [--log ID] [--database DB] [--json]',
  options: {
    log: { type: 'string', description: 'The log (agreement id).' },
    out: {
      type: 'string',
      description:
        'Folder for log.json, events.jsonl, checkpoints.json, witnessed.json, checkpoint and tile/.',
    },
    csv: {
      type: 'string',
      description:
        'Write the events as a CSV of monitor rows instead (safe to open in a spreadsheet); truce import FILE.csv gives back the identical log.',
    },
    database: databaseOption,
    json: jsonOption,
  },
  details: '\nVerify an export anywhere with: truce verify --export DIR\n',
  async run(args, io) {
    const out = stringFlag(args, 'out');
    const csv = stringFlag(args, 'csv');
    if (!out === !csv) throw new UsageError('Give one of --out DIR or --csv FILE.');
    const { store, database } = await openStore(args, io);
    try {
      const id = await chooseLog(store, args);
      if (out) {
        const bar = progress(io, `exporting ${id}`);
        const r = await writeExport(store, id, resolve(io.cwd, out), (n) => bar.update(n));
        bar.done();
        if (args.values.json) io.out(`${JSON.stringify({ log: id, out, ...r })}\n`);
        else
          io.out(
            `exported ${counted(r.size, 'event')} and ${counted(r.checkpoints, 'checkpoint')} of ${id} to ${out}\n`,
          );
      } else {
        const log = await store.requireLog(id);
        const rows = [csvRow(EXPORT_COLUMNS)];
        for await (const page of store.entryPages(id, { to: log.size }))
          for (const e of page) rows.push(csvRow(eventRow(e)));
        await writeFile(resolve(io.cwd, csv!), rows.join(''));
        if (args.values.json) io.out(`${JSON.stringify({ log: id, csv, events: log.size })}\n`);
        else io.out(`wrote ${counted(log.size, 'event')} of ${id} to ${csv}\n`);
      }
    } finally {
      await database.close();
    }
    return EXIT_OK;
  },
};
