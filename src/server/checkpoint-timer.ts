import type { FastifyBaseLogger } from 'fastify';
import type { ServerContext } from './context.ts';
import { checkpointNow } from './routes/checkpoints.ts';

/** Signs a checkpoint of every log whose key the server holds and that grew since its latest one. */
export async function checkpointGrownLogs(ctx: ServerContext, log?: FastifyBaseLogger): Promise<string[]> {
  const signed: string[] = [];
  for (const info of await ctx.store.listLogs()) {
    if (!ctx.keyring.signerFor(info.logKey)) continue;
    if (((await ctx.store.latestCheckpoint(info.id))?.size ?? -1) >= info.size) continue;
    await checkpointNow(ctx, info.id, log);
    signed.push(info.id);
  }
  return signed;
}

/**
 * `truce serve --checkpoint-every SECONDS`: every so often, checkpoints the logs that grew. One
 * round at a time (the next is timed from the end of the last); a failed round is logged and the
 * next one tries again. `stop` waits for a round under way.
 */
export function startCheckpointing(
  ctx: ServerContext,
  seconds: number,
  log?: FastifyBaseLogger,
): { stop(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const round = async () => {
    try {
      await checkpointGrownLogs(ctx, log);
    } catch (e) {
      log?.warn({ err: e }, 'periodic checkpoint failed; trying again next round');
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = round().then(schedule);
    }, seconds * 1000);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
