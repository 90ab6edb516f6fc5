import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { toHex } from '../../core/crypto/crypto.ts';
import { provenanceSentences } from '../../core/ledger/provenance.ts';
import { formatVerifierKey } from '../../core/ledger/signed-note.ts';
import { english } from '../../core/plan/provision-obligations.ts';
import { nodeCrypto } from '../../platform/node-crypto.ts';
import { ProvenanceStore } from '../../store/provenance-store.ts';
import { type Command, jsonOption, stringFlag } from '../command.ts';
import { counted } from '../count-words.ts';
import { EXIT_OK, UsageError } from '../io.ts';
import { databaseOption, openStore, readSigner } from '../ledger-context.ts';
import { requireAgreement } from '../load-agreement.ts';
import { appendAndCheckpoint, envelope } from '../record-events.ts';

/** A date-time with its offset (Z or ±hh:mm), as events carry them. */
const OCCURRED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export const logInit: Command = {
  name: 'log init',
  summary: 'Create the log of an agreement: the operator registers itself and adopts the agreement file.',
  usage:
    'truce log init AGREEMENT --key OPERATOR.key [--name NAME] [--origin ORIGIN] [--occurred-at DATETIME] [--reconstructed] [--demo-keys] [--database DB] [--json]',
  options: {
    key: {
      type: 'string',
      description: "The operator's private key: it signs checkpoints and registers actors.",
    },
    name: {
      type: 'string',
      description:
        'The operator as readers see it named, on every page and report, in whatever script (default Operator; up to 200 characters).',
    },
    origin: {
      type: 'string',
      description: 'The log origin in its checkpoints (default truce.example/log/ID).',
    },
    'occurred-at': {
      type: 'string',
      description:
        'When the operator was registered and the agreement adopted (ISO 8601 with offset; default now): a log back-filled today dates its genesis in the past, so that every past --at sees the actors and the agreement a live log would have.',
    },
    reconstructed: {
      type: 'boolean',
      description:
        'The log is rebuilt afterwards from public reporting: every page, report and export of it says so.',
    },
    'demo-keys': {
      type: 'boolean',
      description:
        'Its keys are demonstration keys anyone can derive: every page, report and export of it says so.',
    },
    database: databaseOption,
    json: jsonOption,
  },
  async run(args, io) {
    if (args.positionals.length !== 1) throw new UsageError('Name the agreement file the log is for.');
    const path = args.positionals[0]!;
    const agreement = await requireAgreement(path, io);
    const operator = await readSigner(io, stringFlag(args, 'key'));
    const bytes = await readFile(resolve(io.cwd, path));
    const occurredAt = stringFlag(args, 'occurred-at');
    if (occurredAt !== undefined && !OCCURRED_AT.test(occurredAt))
      throw new UsageError(
        `--occurred-at ${JSON.stringify(occurredAt)}: give a date-time with its offset, e.g. 2023-11-22T12:00:00+02:00.`,
      );
    const dated = occurredAt === undefined ? {} : { occurredAt };
    // Stored as Unicode NFC, as every name is (Arabic, Hebrew and Latin alike).
    const name = (stringFlag(args, 'name') ?? 'Operator').normalize('NFC').trim();
    if (name === '' || name.length > 200)
      throw new UsageError("--name: give the operator's name as readers should see it, 1 to 200 characters.");
    const { store, database } = await openStore(args, io);
    try {
      const origin = stringFlag(args, 'origin') ?? `truce.example/log/${agreement.id}`;
      const now = new Date().toISOString();
      const sha256 = toHex(nodeCrypto.sha256(bytes));
      await store.createLog({
        id: agreement.id,
        origin,
        logKey: formatVerifierKey(operator),
        agreementHash: sha256,
        createdAt: now,
      });
      const provenance = await new ProvenanceStore(database).claim(agreement.id, {
        reconstructed: args.values.reconstructed === true,
        demoKeys: args.values['demo-keys'] === true,
      });
      const events = [
        envelope(
          agreement.id,
          'actor.registered',
          operator.name,
          {
            actor: operator.name,
            name,
            role: 'operator',
            key: formatVerifierKey(operator),
          },
          dated,
        ),
        envelope(
          agreement.id,
          'agreement.adopted',
          operator.name,
          {
            agreement: agreement.id,
            version: agreement.version,
            sha256,
            title: english(agreement.title),
          },
          dated,
        ),
      ];
      const { results, checkpoint } = await appendAndCheckpoint(
        store,
        agreement.id,
        events,
        operator,
        operator,
      );
      if (args.values.json)
        io.out(
          `${JSON.stringify({ log: agreement.id, origin, provenance, results, checkpoint }, null, 2)}\n`,
        );
      else
        io.out(
          `log ${agreement.id} created (origin ${origin}), ${counted(results.length, 'event')}, checkpoint at size ${checkpoint?.size}\n${provenanceSentences(
            provenance,
          )
            .map((line) => `${line}\n`)
            .join('')}`,
        );
    } finally {
      await database.close();
    }
    return EXIT_OK;
  },
};
