import { resolve } from 'node:path';
import { type LogReport, verifyLog } from '../../core/ledger/verify-log.ts';
import { storeMaterial } from '../../export/store-material.ts';
import { heapKeeper } from '../../platform/heap-keeper.ts';
import { nodeCrypto } from '../../platform/node-crypto.ts';
import { gcOnOwnThreads } from '../../platform/own-thread-gc.ts';
import { VerifyPool } from '../../platform/verify-pool.ts';
import { type Command, jsonOption, type ParsedArgs, stringFlag } from '../command.ts';
import { counted } from '../count-words.ts';
import { EXIT_INVALID, EXIT_OK, type Io } from '../io.ts';
import { databaseOption, openStore } from '../ledger-context.ts';
import { progress } from '../progress.ts';

export function printReports(
  io: Io,
  reports: { log: string; report: LogReport }[],
  json: boolean,
  what: string,
): number {
  const bad = reports.some((r) => r.report.problems.length > 0);
  if (json)
    io.out(
      `${JSON.stringify({ ok: !bad, logs: reports.map((r) => ({ log: r.log, ...r.report })) }, null, 2)}\n`,
    );
  else {
    for (const { log, report } of reports) {
      if (report.problems.length === 0) {
        io.out(
          `ok  ${log}: ${counted(report.size, 'event')}, root ${report.root.slice(0, 16)}…, ${counted(report.checkpoints, 'checkpoint')}, ${counted(report.cosignatures, 'cosignature')} ${what}\n`,
        );
      } else {
        io.err(`FAIL ${log}: ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}\n`);
        for (const p of report.problems.slice(0, 200)) io.err(`  ${p.where}: ${p.message} [${p.code}]\n`);
        if (report.problems.length > 200)
          io.err(`  … and ${report.problems.length - 200} more (see --json)\n`);
      }
    }
  }
  return bad ? EXIT_INVALID : EXIT_OK;
}

/** verify (signatures too) or fsck (structure only) of one log or every log in the database. */
async function checkStoredLogs(args: ParsedArgs, io: Io, signatures: boolean): Promise<number> {
  const { store, database } = await openStore(args, io);
  gcOnOwnThreads();
  const pool = new VerifyPool();
  const keep = heapKeeper();
  try {
    const only = stringFlag(args, 'log');
    const ids = only ? [(await store.requireLog(only)).id] : (await store.listLogs()).map((l) => l.id);
    const reports = [];
    for (const id of ids) {
      // Small pages: each is done with before V8 promotes its rows, so memory stays flat.
      const material = await storeMaterial(store, id, { pageSize: 1000 });
      const bar = progress(io, `${signatures ? 'verifying' : 'checking'} ${id}`, material.claimed?.size);
      reports.push({
        log: id,
        report: await verifyLog(nodeCrypto, material, {
          signatures,
          check: pool.check,
          onProgress: (n) => bar.update(n),
          tick: keep,
        }),
      });
      bar.done();
    }
    return printReports(io, reports, Boolean(args.values.json), signatures ? 'verified' : 'consistent');
  } finally {
    await pool.close();
    await database.close();
  }
}

export const verify: Command = {
  name: 'verify',
  summary:
    'Recompute every leaf, tree hash, root, checkpoint and signature of a log, and name anything wrong.',
  usage: 'truce verify [--log ID] [--export DIR] [--database DB] [--json]',
  options: {
    log: { type: 'string', description: 'Only this log (default: every log in the database).' },
    export: {
      type: 'string',
      description:
        'Verify an exported log folder, with no database: its events, checkpoints, witnessed.json, the served checkpoint file and every tile.',
    },
    database: databaseOption,
    json: jsonOption,
  },
  async run(args, io) {
    const dir = stringFlag(args, 'export');
    if (dir) {
      // An export folder's reader, loaded only for one: verifying a database holds none of it.
      const { exportMaterial, readExport } = await import('../../export/export-folder.ts');
      const x = await readExport(resolve(io.cwd, dir));
      const bar = progress(io, `verifying ${x.log.id}`, x.log.size);
      gcOnOwnThreads();
      const pool = new VerifyPool();
      const keep = heapKeeper();
      let report: LogReport;
      try {
        report = await verifyLog(nodeCrypto, await exportMaterial(x), {
          check: pool.check,
          onProgress: (n) => bar.update(n),
          tick: keep,
        });
      } finally {
        await pool.close();
      }
      bar.done();
      return printReports(io, [{ log: x.log.id, report }], Boolean(args.values.json), 'verified');
    }
    return checkStoredLogs(args, io, true);
  },
};

export const fsck: Command = {
  name: 'fsck',
  summary:
    'Check the storage of every log: no gap, every leaf and tree hash recomputed, roots and checkpoint roots.',
  usage: 'truce fsck [--log ID] [--database DB] [--json]',
  options: {
    log: { type: 'string', description: 'Only this log.' },
    database: databaseOption,
    json: jsonOption,
  },
  details:
    '\nfsck checks structure only; truce verify also checks every signature and every right to append.\n',
  async run(args, io) {
    return checkStoredLogs(args, io, false);
  },
};
