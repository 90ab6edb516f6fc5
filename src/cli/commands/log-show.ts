import { type Command, jsonOption, stringFlag } from '../command.ts';
import { counted } from '../count-words.ts';
import { EXIT_OK, UsageError } from '../io.ts';
import { chooseLog, databaseOption, openStore } from '../ledger-context.ts';

function count(flag: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v)) throw new UsageError(`--${flag} takes a whole number.`);
  return Number(v);
}

export const logShow: Command = {
  name: 'log show',
  summary:
    'List the events of a log with their index, leaf hash, kind, actor and time; and its latest checkpoint.',
  usage: 'truce log show [--log ID] [--from N] [--limit N] [--database DB] [--json]',
  options: {
    log: { type: 'string', description: 'The log (agreement id).' },
    from: { type: 'string', description: 'First index to show (default 0).' },
    limit: { type: 'string', description: 'How many events at most (default 100, at most 10000).' },
    database: databaseOption,
    json: jsonOption,
  },
  async run(args, io) {
    const from = count('from', stringFlag(args, 'from'), 0);
    const limit = Math.min(10_000, count('limit', stringFlag(args, 'limit'), 100));
    const { store, database } = await openStore(args, io);
    try {
      const id = await chooseLog(store, args);
      const log = await store.requireLog(id);
      const entries = await store.entries(id, from, from + limit);
      const checkpoint = await store.latestCheckpoint(id);
      if (args.values.json) {
        io.out(
          `${JSON.stringify(
            {
              log: id,
              origin: log.origin,
              size: log.size,
              checkpoint: checkpoint ?? null,
              events: entries.map((e) => ({ index: e.index, leafHash: e.leafHash, ...e.event })),
            },
            null,
            2,
          )}\n`,
        );
      } else {
        io.out(
          `log ${id} (${log.origin}): ${counted(log.size, 'event')}; latest checkpoint at size ${checkpoint?.size ?? 'none'}\n`,
        );
        for (const e of entries) {
          const ev = e.event.event;
          io.out(
            `${String(e.index).padStart(6)}  ${e.leafHash.slice(0, 16)}  ${ev.occurredAt}  ${ev.actor.padEnd(12)} ${ev.kind}  ${JSON.stringify(ev.body).slice(0, 100)}\n`,
          );
        }
        if (from + limit < log.size)
          io.out(`… ${log.size - from - limit} more (use --from ${from + limit})\n`);
      }
    } finally {
      await database.close();
    }
    return EXIT_OK;
  },
};
