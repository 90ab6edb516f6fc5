import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
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
import {
  adoptedTextWords,
  agreementsOption,
  folderWords,
  readAgreementFolder,
  SUPPLY_TEXT,
} from '../agreement-folder.ts';
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
  if (flag !== undefined && stringFlag(args, 'agreements') !== undefined)
    throw new UsageError(
      'Give the agreement file with --agreement, or the folder to find it in with --agreements, not both.',
    );
  const list = adoptionsIn(events);
  const warnings: string[] = [];
  if (flag !== undefined) {
    // The file given judges, whatever the log adopted (with a warning when it is not the text in force).
    const agreement = await requireAgreement(resolve(io.cwd, flag), io);
    const asOf = moment(agreement);
    const inForce = adoptionAt(list, asOf);
    const sha = toHex(nodeCrypto.sha256(await readFile(resolve(io.cwd, flag))));
    if (inForce && inForce.sha256 !== sha)
      warnings.push(
        `${flag} is not the agreement text this log had adopted by ${asOf} (its SHA-256 differs from ${inForce.sha256}, adopted at event ${inForce.index}); statuses follow ${flag}.`,
      );
    if (agreement.id !== id) warnings.push(`${flag} is agreement "${agreement.id}", the log is "${id}".`);
    return { id, events, agreement, warnings, provenance, asOf, judgedBy: flag };
  }
  // Otherwise the texts the log adopted are looked for in --agreements (default
  // examples/agreements under the working folder) by their hash, as truce serve finds them.
  const folder = await readAgreementFolder(args, io);
  const textOf = (a: Adoption) => {
    const t = folder.byHash.get(a.sha256);
    return t ? { file: t.file, path: t.path } : undefined;
  };
  // The latest text found reads the moment in its time zone; a log that adopted none (or none
  // found) is judged by the folder's ID.yaml, as before there were adoptions to follow.
  const latest = list.at(-1);
  const byId = join(folder.path, `${id}.yaml`);
  const zoneText =
    [...list]
      .reverse()
      .map(textOf)
      .find((t) => t !== undefined) ??
    (existsSync(byId) ? { file: relative(io.cwd, byId) || byId, path: byId } : undefined);
  if (!zoneText)
    throw new InputError(
      'agreement-text-not-found',
      latest
        ? `Log "${id}" adopted ${adoptedTextWords(latest)} at event ${latest.index}, and no agreement file in ${folderWords(folder)} has that text: ${SUPPLY_TEXT}.`
        : `Log "${id}" has adopted no agreement text, and ${folderWords(folder)} has no ${id}.yaml: give the agreement file with --agreement FILE, or its folder with --agreements DIR.`,
    );
  let agreement = await requireAgreement(zoneText.path, io);
  let judgedBy = zoneText.file;
  let asOf = moment(agreement);
  // The text in force at the moment judged (the latest the log had adopted by then): a later text
  // does not judge a moment before its adoption.
  const inForce = adoptionAt(list, asOf);
  const sha = toHex(nodeCrypto.sha256(await readFile(zoneText.path)));
  if (inForce && inForce.sha256 !== sha) {
    const found = textOf(inForce);
    if (found) {
      agreement = await requireAgreement(found.path, io);
      judgedBy = found.file;
      asOf = moment(agreement);
    } else
      warnings.push(
        `${judgedBy} is not the agreement text this log had adopted by ${asOf} (${adoptedTextWords(inForce)}, adopted at event ${inForce.index}, is not in ${folderWords(folder)}); statuses follow ${judgedBy}. To judge by the text in force, ${SUPPLY_TEXT}.`,
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
    description:
      'The agreement file to judge by (default: the text the log adopted, found in --agreements by its hash).',
  },
  agreements: agreementsOption,
  database: databaseOption,
} as const;

export const status: Command = {
  name: 'status',
  summary: 'Where every provision and obligation stands, with its evidence and why, at any moment.',
  usage:
    'truce status EXPORT_DIR | --log ID [--agreements DIR | --agreement FILE] [--at DATETIME] [--lang en|ar|he] [--json]',
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
              // Names and recorded words each in an isolate of their own in an Arabic or Hebrew line.
              true,
            ),
    );
    return EXIT_OK;
  },
};
