import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatProofBundle } from '../../core/ledger/proof-bundle.ts';
import { type Command, jsonOption, stringFlag } from '../command.ts';
import { EXIT_OK, InputError, UsageError } from '../io.ts';
import { chooseLog, databaseOption, openStore } from '../ledger-context.ts';

export const logProof: Command = {
  name: 'log proof',
  summary: 'An offline receipt (C2SP tlog-proof) that event INDEX is in the log under its latest checkpoint.',
  usage: 'truce log proof INDEX [--log ID] [--out FILE] [--database DB] [--json]',
  options: {
    log: { type: 'string', description: 'The log (agreement id).' },
    out: { type: 'string', description: 'Write the .tlog-proof to this file.' },
    database: databaseOption,
    json: jsonOption,
  },
  async run(args, io) {
    const [raw] = args.positionals;
    if (raw === undefined || !/^\d+$/.test(raw)) throw new UsageError('Give the INDEX of the event.');
    const index = Number(raw);
    const { store, database } = await openStore(args, io);
    try {
      const id = await chooseLog(store, args);
      const checkpoint = await store.latestCheckpoint(id);
      if (!checkpoint || checkpoint.size <= index) {
        throw new InputError(
          'proof-not-covered',
          `Event ${index} is not covered by a checkpoint yet; the operator signs one with truce log checkpoint.`,
        );
      }
      const cosignatures = await store.cosignatures(id, checkpoint.size);
      const note = checkpoint.note + cosignatures.map((c) => c.line).join('');
      const proof = await store.inclusionProof(id, index, checkpoint.size);
      const [entry] = await store.entries(id, index, index + 1);
      const text = formatProofBundle({ index, proof, checkpoint: note });
      const out = stringFlag(args, 'out');
      if (out) await writeFile(resolve(io.cwd, out), text);
      if (args.values.json) {
        io.out(
          `${JSON.stringify({ log: id, index, leafHash: entry!.leafHash, size: checkpoint.size, proof: text, event: entry!.event }, null, 2)}\n`,
        );
      } else if (!out) io.out(text);
      else io.err(`wrote ${out}\n`);
    } finally {
      await database.close();
    }
    return EXIT_OK;
  },
};
