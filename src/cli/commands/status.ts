import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { Agreement } from '../../core/agreement/types.ts';
import { ComplianceError, evaluate, labelsOf, registrationsIn } from '../../core/compliance/index.ts';
import type { Evaluation, LoggedEvent } from '../../core/compliance/types.ts';
import { toHex } from '../../core/crypto/crypto.ts';
import { parseSignedEvent } from '../../core/ledger/event-sign.ts';
import { leafHash } from '../../core/ledger/merkle.ts';
import type { Provenance } from '../../core/ledger/provenance.ts';
import { type Adoption, adoptionAt } from '../../core/ledger/text-in-force.ts';
import { verifyLog } from '../../core/ledger/verify-log.ts';
import { PROVENANCE_WORDS } from '../../core/report/event-words.ts';
import { HORIZON_TEXT, withinHorizon } from '../../core/time/date-horizon.ts';
import { addDays, isoInZone, localToEpoch } from '../../core/time/zoned-time.ts';
import { exportMaterial, exportProvenance, readExport } from '../../export/export-folder.ts';
import { nodeCrypto } from '../../platform/node-crypto.ts';
import { ProvenanceStore } from '../../store/provenance-store.ts';
import { type Command, jsonOption, type ParsedArgs, stringFlag } from '../command.ts';
import { formatStatusJson, formatStatusText } from '../format-status.ts';
import { EXIT_OK, InputError, type Io, UsageError } from '../io.ts';
import { langFlag, langOption } from '../lang-flag.ts';
import { chooseLog, databaseOption, openStore } from '../ledger-context.ts';
import { requireAgreement } from '../load-agreement.ts';

export interface LoadedLog {
  id: string;
  events: LoggedEvent[];
  agreement: Agreement;
  warnings: string[];
  /** Where the log comes from: said before anything read from it. */
  provenance: Provenance;
  /** The moment judged. */
  asOf: string;
  /** The file of the agreement text judged against. */
  judgedBy: string;
}

/**
 * Reads the log (an export folder, verified first, or a log in the database) and the agreement
 * text in force at the moment judged, which `moment` reads in an agreement's time zone.
 */
export async function loadLogAndAgreement(
  args: ParsedArgs,
  io: Io,
  moment: (agreement: Agreement) => string,
): Promise<LoadedLog> {
  let id: string;
  let events: LoggedEvent[];
  let provenance: Provenance;
  const dir = args.positionals[0];
  if (args.positionals.length > 1) throw new UsageError('Name one export folder, or the log with --log.');
  if (dir !== undefined) {
    if (stringFlag(args, 'log')) throw new UsageError('Give an export folder or --log, not both.');
    const x = await readExport(resolve(io.cwd, dir));
    const report = await verifyLog(nodeCrypto, await exportMaterial(x));
    if (report.problems.length)
      throw new InputError(
        'status-unverified',
        `${dir}: the export does not verify (${report.problems[0]!.where}: ${report.problems[0]!.message}); run truce verify --export ${dir}.`,
      );
    id = x.log.id;
    provenance = exportProvenance(x, dir);
    events = [];
    for await (const bytes of x.events)
      events.push({ leafHash: toHex(leafHash(nodeCrypto.sha256, bytes)), event: parseSignedEvent(bytes) });
  } else {
    const { store, database } = await openStore(args, io);
    try {
      id = await chooseLog(store, args);
      const log = await store.requireLog(id);
      provenance = await new ProvenanceStore(database).get(id);
      events = [];
      for await (const page of store.entryPages(id, { to: log.size }))
        for (const e of page) events.push({ leafHash: e.leafHash, event: e.event });
    } finally {
      await database.close();
    }
  }
  const flag = stringFlag(args, 'agreement');
  const file = flag ?? `examples/agreements/${id}.yaml`;
  let agreement = await requireAgreement(resolve(io.cwd, file), io);
  const warnings: string[] = [];
  // The text in force at the moment judged (the latest the log had adopted by then): a later text
  // does not judge a moment before its adoption.
  const list = adoptionsIn(events);
  let asOf = moment(agreement);
  const inForce = adoptionAt(list, asOf);
  let judgedBy = file;
  const sha = toHex(nodeCrypto.sha256(await readFile(resolve(io.cwd, file))));
  if (inForce && inForce.sha256 !== sha) {
    // Without --agreement, the text in force is looked for beside the default file, by its hash.
    const found =
      flag === undefined ? await textByHash(resolve(io.cwd, dirname(file)), inForce.sha256) : undefined;
    if (found) {
      agreement = await requireAgreement(found, io);
      judgedBy = relative(io.cwd, found) || found;
      asOf = moment(agreement);
    } else
      warnings.push(
        `${file} is not the agreement text this log had adopted by ${asOf} (its SHA-256 differs from ${inForce.sha256}, adopted at event ${inForce.index}); statuses follow ${file}.`,
      );
  }
  if (agreement.id !== id) warnings.push(`${judgedBy} is agreement "${agreement.id}", the log is "${id}".`);
  return { id, events, agreement, warnings, provenance, asOf, judgedBy };
}

/** The log's agreement.adopted events, in its order. */
function adoptionsIn(events: readonly LoggedEvent[]): Adoption[] {
  return events.flatMap((e, index) => {
    const { kind, body, occurredAt, actor } = e.event.event;
    if (kind !== 'agreement.adopted') return [];
    const b = body as { agreement: string; version: number | string; sha256: string };
    return [{ agreement: b.agreement, version: b.version, sha256: b.sha256, index, actor, occurredAt }];
  });
}

/** The agreement file in `dir` whose bytes have SHA-256 `sha256`, if one has. */
async function textByHash(dir: string, sha256: string): Promise<string | undefined> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.(ya?ml|json)$/i.test(n)).sort();
  } catch {
    return undefined;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (toHex(nodeCrypto.sha256(await readFile(path))) === sha256) return path;
  }
  return undefined;
}

/** --at: a date-time with an offset, or a date (the end of that day in the agreement's zone). */
export function asOfFlag(value: string | undefined, agreement: Agreement): string {
  if (value === undefined) return new Date().toISOString();
  if (!withinHorizon(value))
    throw new UsageError(`--at ${JSON.stringify(value)}: give a moment ${HORIZON_TEXT}.`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)))
    return isoInZone(localToEpoch(addDays(value, 1), '00:00', agreement.timeZone), agreement.timeZone);
  if (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  )
    return value;
  throw new UsageError(
    `--at ${JSON.stringify(value)}: expected a date-time with an offset (2023-11-25T20:00:00+02:00) or a date (2023-11-25).`,
  );
}

export function runEvaluation(loaded: LoadedLog, asOf: string): Evaluation {
  try {
    return evaluate(loaded.agreement, loaded.events, asOf);
  } catch (e) {
    if (e instanceof ComplianceError) throw new InputError(e.code, e.message);
    throw e;
  }
}

export const logSourceOptions = {
  log: { type: 'string', description: 'A log in the database (instead of an export folder).' },
  agreement: {
    type: 'string',
    description: 'The agreement file (default examples/agreements/<log id>.yaml).',
  },
  database: databaseOption,
} as const;

export const status: Command = {
  name: 'status',
  summary: 'Where every provision and obligation stands, with its evidence and why, at any moment.',
  usage: 'truce status EXPORT_DIR | --log ID [--agreement FILE] [--at DATETIME] [--lang en|ar|he] [--json]',
  options: {
    ...logSourceOptions,
    at: {
      type: 'string',
      description: 'The moment: a date-time with offset, or a date (its end). Default: now.',
    },
    lang: langOption,
    json: jsonOption,
  },
  details:
    '\nExamples:\n  truce status examples/logs/nov-2023-pause --at 2023-11-25T20:00:00+02:00\n  truce status --log nov-2023-pause --json\n',
  async run(args, io) {
    const lang = langFlag(args);
    const loaded = await loadLogAndAgreement(args, io, (a) => asOfFlag(stringFlag(args, 'at'), a));
    const evaluation = runEvaluation(loaded, loaded.asOf);
    for (const w of loaded.warnings) io.err(`warning: ${w}\n`);
    const numbers = new Map(loaded.events.map((x, i) => [x.leafHash, i]));
    io.out(
      args.values.json
        ? formatStatusJson(evaluation, loaded.agreement, lang)
        : [
            ...(loaded.provenance.reconstructed ? [PROVENANCE_WORDS[lang].reconstructed] : []),
            ...(loaded.provenance.demoKeys ? [PROVENANCE_WORDS[lang].demoKeys] : []),
          ]
            .map((line) => `${line}\n`)
            .join('') +
            formatStatusText(
              evaluation,
              loaded.agreement,
              labelsOf(loaded.agreement, registrationsIn(loaded.events), lang),
              lang,
              // An event is named by its number in the log (its index, as the dashboard numbers it).
              (hash) => numbers.get(hash),
            ),
    );
    return EXIT_OK;
  },
};
