import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { canonicalBytes } from '../../core/ledger/canonical-json.ts';
import { signEvent } from '../../core/ledger/event-sign.ts';
import { verifyLog } from '../../core/ledger/verify-log.ts';
import { parseCsv } from '../../core/report/csv-parse.ts';
import { decodeUtf8, notUtf8Message } from '../../core/text/utf8.ts';
import { exportMaterial, exportProvenance, readExport } from '../../export/export-folder.ts';
import { nodeCrypto } from '../../platform/node-crypto.ts';
import { ProvenanceStore } from '../../store/provenance-store.ts';
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
    database: databaseOption,
    json: jsonOption,
  },
  details:
    '\nCSV columns are documented in docs/ledger.md. Everything is appended in one transaction: a bad row imports nothing.\n',
  async run(args, io) {
    if (args.positionals.length !== 1) throw new UsageError('Name one folder or file to import.');
    const path = resolve(io.cwd, args.positionals[0]!);
    const info = await stat(path).catch(() => {
      throw new InputError('import-not-found', `Cannot read ${args.positionals[0]}.`);
    });
    const { store, database } = await openStore(args, io);
    try {
      let log: string;
      let events: Uint8Array[];
      let checkpoints: { size: number; note: string; cosignatures: { witness: string; line: string }[] }[] =
        [];
      if (info.isDirectory()) {
        const x = await readExport(path);
        const report = await verifyLog(nodeCrypto, exportMaterial(x));
        if (report.problems.length) {
          throw new InputError(
            'import-unverified',
            `The export does not verify, so nothing was imported: ${report.problems
              .slice(0, 3)
              .map((p) => `${p.where}: ${p.message}`)
              .join('; ')}`,
          );
        }
        log = x.log.id;
        const provenance = exportProvenance(x, path);
        const existing = await store.getLog(log);
        if (!existing) {
          await store.createLog({
            id: log,
            origin: x.log.origin,
            logKey: x.log.logKey,
            ...(x.log.agreementHash ? { agreementHash: x.log.agreementHash } : {}),
            createdAt: new Date().toISOString(),
          });
        } else if (existing.logKey !== x.log.logKey || existing.origin !== x.log.origin) {
          throw new InputError(
            'import-other-log',
            `Log ${log} here has another key or origin than the export.`,
          );
        }
        await new ProvenanceStore(database).claim(log, provenance);
        events = x.events.map((l) => new TextEncoder().encode(l));
        checkpoints = x.checkpoints;
      } else {
        if (info.size > MAX_CSV_BYTES)
          throw new InputError('import-too-large', `The file is over ${MAX_CSV_BYTES} bytes.`);
        log = await chooseLog(store, args);
        const decoded = decodeUtf8(await readFile(path));
        if (!decoded.ok)
          throw new InputError(
            'file-not-utf8',
            `${args.positionals[0]}:${decoded.line}:${decoded.column}: ${notUtf8Message(decoded)}.`,
          );
        const text = decoded.text;
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
      }
      const results = await store.append(log, events);
      for (const cp of checkpoints) {
        await store.addCheckpoint(log, cp.size, cp.note, new Date().toISOString());
        for (const c of cp.cosignatures)
          await store.addCosignature(log, cp.size, c.witness, c.line, new Date().toISOString());
      }
      const added = results.filter((r) => !r.duplicate).length;
      if (args.values.json)
        io.out(
          `${JSON.stringify({ log, events: results.length, added, duplicates: results.length - added, checkpoints: checkpoints.length })}\n`,
        );
      else
        io.out(
          `imported into ${log}: ${added} new events, ${results.length - added} already there, ${checkpoints.length} checkpoints\n`,
        );
    } finally {
      await database.close();
    }
    return EXIT_OK;
  },
};
