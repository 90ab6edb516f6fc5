import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Signer } from '../../core/ledger/signed-note.ts';
import { decodeUtf8, notUtf8Message } from '../../core/text/utf8.ts';
import { importExportFolder } from '../../export/import-folder.ts';
import { nodeCrypto } from '../../platform/node-crypto.ts';
import { agreementOption, cliFit } from '../adopted-agreement.ts';
import { agreementsOption } from '../agreement-folder.ts';
import { type Command, jsonOption, stringFlag } from '../command.ts';
import { counted } from '../count-words.ts';
import { EXIT_OK, InputError, UsageError } from '../io.ts';
import { chooseLog, databaseOption, openStore, readKeyFolder, readSigner } from '../ledger-context.ts';
import { importRows, RowFailure } from '../monitor-import.ts';
import { csvRows, FileError, isSignedLine, jsonlRows, type MonitorRows } from '../monitor-rows.ts';
import { isBlank } from '../row-cells.ts';
import { columnsByKind, columnsMarkdown } from '../row-columns-table.ts';
import type { Row } from '../row-event.ts';
import { twiceRecorded } from '../twice-recorded.ts';

/** The largest file of rows or events read whole: 100,000 rows of an export, signatures and all, with room. */
const MAX_CSV_BYTES = 128 * 1024 * 1024;

export const importCommand: Command = {
  name: 'import',
  summary:
    "Import an exported log folder (verified first), a JSONL of signed events, or a monitor's rows (CSV or JSONL).",
  usage:
    'truce import DIR | FILE.jsonl | FILE.csv [--log ID [--origin O] [--reconstructed] [--demo-keys]] [--key FILE] [--keys DIR] [--agreements DIR] [--agreement FILE] [--database DB] [--json]',
  options: {
    log: { type: 'string', description: 'The log to append to (for .jsonl and .csv).' },
    key: {
      type: 'string',
      description: 'For monitor rows (.csv, .jsonl): the key that signs rows with no actor, or its own.',
    },
    keys: {
      type: 'string',
      description:
        "For monitor rows: a folder of key files, one per actor (ACTOR.key, as truce keygen writes it); each row is signed by its actor's key.",
    },
    origin: {
      type: 'string',
      description:
        'For monitor rows into a log this database does not have: its origin (default truce.example/log/ID).',
    },
    reconstructed: {
      type: 'boolean',
      description: 'For a log created by the import: it was rebuilt afterwards from public reporting.',
    },
    'demo-keys': {
      type: 'boolean',
      description: 'For a log created by the import: its keys are demonstration keys.',
    },
    columns: {
      type: 'boolean',
      description:
        'Print the columns of monitor rows for every event kind (generated from the event schemas), and import nothing.',
    },
    agreement: agreementOption,
    agreements: agreementsOption,
    database: databaseOption,
    json: jsonOption,
  },
  details:
    '\nThe columns of monitor rows are documented in docs/ledger.md (a column per field of every event kind; id makes re-import add nothing; refs name earlier rows by id). Rows are checked against the text the log adopted, found as truce record finds it (--agreement FILE, --agreements DIR, default examples/agreements under the working folder, or the database); a row that adopts a text found nowhere is refused, as the rows after it could not be checked (rows signed already, as those of an export, import as recorded). Everything is appended in one transaction: a bad row imports nothing, and a failed import leaves nothing behind (not even an empty log). An export folder is streamed in chunks and each event checked as it is appended, its checkpoints and cosignatures before the transaction commits, so a log of millions of events imports in one pass through bounded memory.\n',
  async run(args, io) {
    if (args.values.columns === true) {
      io.out(args.values.json ? `${JSON.stringify(columnsByKind())}\n` : columnsMarkdown());
      return EXIT_OK;
    }
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
            `imported into ${r.log}: ${counted(r.added, 'new event')}, ${duplicates} already there, ${counted(r.checkpoints, 'checkpoint')}\n`,
          );
        return EXIT_OK;
      }
      if (info.size > MAX_CSV_BYTES)
        throw new InputError('import-too-large', `The file is over ${MAX_CSV_BYTES} bytes.`);
      // A log this database does not have yet may be created from the rows of its CSV export.
      const named = stringFlag(args, 'log');
      const creating = named !== undefined && (await store.getLog(named)) === undefined;
      const log = creating ? named : await chooseLog(store, args);
      const decoded = decodeUtf8(await readFile(path));
      if (!decoded.ok)
        throw new InputError(
          'file-not-utf8',
          `${args.positionals[0]}:${decoded.line}:${decoded.column}: ${notUtf8Message(decoded)}.`,
        );
      const text = decoded.text;
      const file = args.positionals[0]!;
      if (!path.endsWith('.csv') && text.split('\n').find((l) => l.trim() !== '') && isSignedLine(text)) {
        const events = text
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => new TextEncoder().encode(l));
        const fit = await cliFit(args, io, database, store, log);
        const results = await store.append(log, events, { fit: fit.hook }).catch((e) => {
          const at = (e as { position?: number }).position;
          if (at === undefined || !(e instanceof InputError)) throw e;
          throw new InputError(e.code, `${file}: event ${at + 1}: ${e.message} Nothing was imported.`);
        });
        const added = results.filter((r) => !r.duplicate).length;
        if (args.values.json)
          io.out(
            `${JSON.stringify({ log, events: results.length, added, duplicates: results.length - added, checkpoints: 0 })}\n`,
          );
        else
          io.out(
            `imported into ${log}: ${counted(added, 'new event')}, ${results.length - added} already there, 0 checkpoints\n`,
          );
        return EXIT_OK;
      }
      const keyFile = stringFlag(args, 'key');
      const keysDir = stringFlag(args, 'keys');
      const keys = keysDir ? await readKeyFolder(io, keysDir) : new Map<string, Signer>();
      const signer = keyFile ? await readSigner(io, keyFile) : undefined;
      if (signer) keys.set(signer.name, signer);
      let read: MonitorRows | undefined;
      try {
        read = path.endsWith('.csv') ? csvRows(text) : jsonlRows(text);
        // Checked against the agreement the log adopted (a new log: the one its rows adopt). Rows
        // this import signs are new events: a row adopting a text that is not found is refused, as
        // the rows after it could not be checked. Rows signed already (an export's) were judged
        // when first recorded: they import as recorded, as an export folder does.
        const fit = await cliFit(args, io, database, store, creating ? undefined : log, {
          adopting: adoptedInRows(read.rows),
          refuseUnfound: read.rows.some((r) => isBlank(r.cells.get('signature'))),
        });
        const rows = await importRows(
          store,
          log,
          read.rows,
          { ...(signer ? { defaultActor: signer.name } : {}), keys },
          new Date().toISOString(),
          creating
            ? {
                origin: stringFlag(args, 'origin') ?? `truce.example/log/${log}`,
                provenance: {
                  reconstructed: args.values.reconstructed === true,
                  demoKeys: args.values['demo-keys'] === true,
                },
              }
            : undefined,
          fit.hook,
        );
        const added = rows.filter((r) => !r.duplicate).length;
        const withoutId = rows.filter((r) => r.id === undefined).length;
        const twice = twiceRecorded(read.rows);
        if (args.values.json)
          io.out(
            `${JSON.stringify({ log, events: rows.length, added, duplicates: rows.length - added, withoutId, checkpoints: 0, rows, twiceRecorded: twice })}\n`,
          );
        else {
          for (const r of rows)
            io.out(
              `${file}:${r.line}: no. ${r.index} ${r.leafHash}${r.duplicate ? ' (already in the log)' : ''}\n`,
            );
          io.out(
            `imported into ${log}: ${counted(added, 'new event')}, ${rows.length - added} already there, 0 checkpoints\n`,
          );
          for (const t of twice)
            io.err(
              `${file}:${t.line}: warning: this ${t.kind} refers to the one on line ${t.of} of the same exchange and side, and is counted as another: if it is another source's figure for the same act, record it as an acknowledgement of that event (the same figure) or a dispute with its figure (see docs/ledger.md)\n`,
            );
          if (withoutId && added)
            io.err(
              `${withoutId === 1 ? '1 row has' : `${withoutId} rows have`} no id: importing this file again would record ${withoutId === 1 ? 'it' : 'them'} again (give each row an id to make re-import add nothing)\n`,
            );
        }
      } catch (e) {
        if (e instanceof FileError)
          throw new InputError('import-rows', `${file}:${e.line}:${e.column}: ${e.message}.`);
        if (e instanceof RowFailure)
          throw new InputError(
            'import-rows',
            `${file}:${e.line}:${read!.columnOf(e.column)}: ${e.column ? `column "${e.column}": ` : ''}${e.message.replace(/\.$/, '')}. Nothing was imported.`,
          );
        throw e;
      }
    } finally {
      await database.close();
    }
    return EXIT_OK;
  },
};

/** The texts rows adopt (the agreement and sha256 cells of their agreement.adopted rows). */
function adoptedInRows(rows: readonly Row[]): { agreement: string; sha256: string }[] {
  return rows.flatMap((r) => {
    const [kind, agreement, sha256] = ['kind', 'agreement', 'sha256'].map((c) => r.cells.get(c));
    return String(kind).trim() === 'agreement.adopted' &&
      typeof agreement === 'string' &&
      typeof sha256 === 'string'
      ? [{ agreement: agreement.trim(), sha256: sha256.trim() }]
      : [];
  });
}
