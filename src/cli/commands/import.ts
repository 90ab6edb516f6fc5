import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { canonicalBytes } from '../../core/ledger/canonical-json.ts';
import { signEvent } from '../../core/ledger/event-sign.ts';
import { parseCsv } from '../../core/report/csv-parse.ts';
import { decodeUtf8, notUtf8Message } from '../../core/text/utf8.ts';
import { importExportFolder } from '../../export/import-folder.ts';
import { nodeCrypto } from '../../platform/node-crypto.ts';
import { agreementOption, cliFit } from '../adopted-agreement.ts';
import { type Command, jsonOption, stringFlag } from '../command.ts';
import { csvToEnvelopes } from '../csv-events.ts';
import { EXIT_OK, InputError, UsageError } from '../io.ts';
import { chooseLog, databaseOption, openStore, readSigner } from '../ledger-context.ts';

const MAX_CSV_BYTES = 20 * 1024 * 1024;

export const importCommand: Command = {
  name: 'import',
  summary:
    'Import an exported log folder (verified first), a JSONL of signed events, or a CSV of unsigned events.',
  usage: 'truce import DIR | FILE.jsonl | FILE.csv [--log ID] [--key FILE] [--database DB] [--json]',
  options: {
    log: { type: 'string', description: 'The log to append to (for .jsonl and .csv).' },
    key: {
      type: 'string',
      description: 'For a CSV: your key; each row is signed with it and keeps its source.',
    },
    agreement: agreementOption,
    database: databaseOption,
    json: jsonOption,
  },
  details:
    '\nCSV columns are documented in docs/ledger.md. Everything is appended in one transaction: a bad row imports nothing, and a failed import leaves nothing behind (not even an empty log). An export folder is streamed in chunks and each event checked as it is appended, its checkpoints and cosignatures before the transaction commits, so a log of millions of events imports in one pass through bounded memory.\n',
  async run(args, io) {
    if (args.positionals.length !== 1) throw new UsageError('Name one folder or file to import.');
    const path = resolve(io.cwd, args.positionals[0]!);
    const info = await stat(path).catch(() => {
      throw new InputError('import-not-found', `Cannot read ${args.positionals[0]}.`);
    });
    const { store, database } = await openStore(args, io);
    try {
      if (info.isDirectory()) {
        const r = await importExportFolder(
          store,
          nodeCrypto,
          path,
          async (id) => (await cliFit(args, io, database, store, id)).hook,
        );
        const duplicates = r.events - r.added;
        if (args.values.json)
          io.out(
            `${JSON.stringify({ log: r.log, events: r.events, added: r.added, duplicates, checkpoints: r.checkpoints })}\n`,
          );
        else
          io.out(
            `imported into ${r.log}: ${r.added} new events, ${duplicates} already there, ${r.checkpoints} checkpoints\n`,
          );
        return EXIT_OK;
      }
      if (info.size > MAX_CSV_BYTES)
        throw new InputError('import-too-large', `The file is over ${MAX_CSV_BYTES} bytes.`);
      const log = await chooseLog(store, args);
      const decoded = decodeUtf8(await readFile(path));
      if (!decoded.ok)
        throw new InputError(
          'file-not-utf8',
          `${args.positionals[0]}:${decoded.line}:${decoded.column}: ${notUtf8Message(decoded)}.`,
        );
      const text = decoded.text;
      let events: Uint8Array[];
      if (path.endsWith('.csv')) {
        const signer = await readSigner(io, stringFlag(args, 'key'));
        let envelopes: ReturnType<typeof csvToEnvelopes>;
        try {
          envelopes = csvToEnvelopes(parseCsv(text), log, signer.name, new Date().toISOString());
        } catch (e) {
          throw new InputError(
            'import-csv',
            `${args.positionals[0]}:${(e as Error).message.replace(/^line /, '')}`,
          );
        }
        events = envelopes.map((env, i) => {
          try {
            return canonicalBytes(signEvent(nodeCrypto, env, signer));
          } catch (e) {
            throw new InputError(
              'import-csv',
              `${args.positionals[0]}: data row ${i + 1}: ${(e as Error).message}`,
            );
          }
        });
      } else {
        events = text
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => new TextEncoder().encode(l));
      }
      const fit = await cliFit(args, io, database, store, log);
      const results = await store.append(log, events, { fit: fit.hook }).catch((e) => {
        const at = (e as { position?: number }).position;
        if (at === undefined || !(e instanceof InputError)) throw e;
        const where = path.endsWith('.csv') ? `: data row ${at + 1}` : `: event ${at + 1}`;
        throw new InputError(e.code, `${args.positionals[0]}${where}: ${e.message} Nothing was imported.`);
      });
      const added = results.filter((r) => !r.duplicate).length;
      if (args.values.json)
        io.out(
          `${JSON.stringify({ log, events: results.length, added, duplicates: results.length - added, checkpoints: 0 })}\n`,
        );
      else
        io.out(
          `imported into ${log}: ${added} new events, ${results.length - added} already there, 0 checkpoints\n`,
        );
    } finally {
      await database.close();
    }
    return EXIT_OK;
  },
};
