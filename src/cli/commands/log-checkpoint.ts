import { formatVerifierKey } from '../../core/ledger/signed-note.ts';
import { type Command, jsonOption, stringFlag } from '../command.ts';
import { EXIT_OK, InputError } from '../io.ts';
import { chooseLog, databaseOption, openStore, readSigner } from '../ledger-context.ts';
import { checkpointLog } from '../record-events.ts';

export const logCheckpoint: Command = {
  name: 'log checkpoint',
  summary: "Sign the log's current tree as a checkpoint (C2SP tlog-checkpoint) with the operator's key.",
  usage: 'truce log checkpoint --key OPERATOR.key [--log ID] [--database DB] [--json]',
  options: {
    key: { type: 'string', description: "The operator's private key." },
    log: { type: 'string', description: 'The log (agreement id).' },
    database: databaseOption,
    json: jsonOption,
  },
  async run(args, io) {
    const operator = await readSigner(io, stringFlag(args, 'key'));
    const { store, database } = await openStore(args, io);
    try {
      const id = await chooseLog(store, args);
      if (formatVerifierKey(operator) !== (await store.requireLog(id)).logKey) {
        throw new InputError(
          'key-not-log-key',
          `That key is not the key of log ${id}; checkpoints are signed by its operator.`,
        );
      }
      const cp = await checkpointLog(store, id, operator);
      if (args.values.json) io.out(`${JSON.stringify({ log: id, ...cp })}\n`);
      else io.out(cp.note);
    } finally {
      await database.close();
    }
    return EXIT_OK;
  },
};
