import type { FastifyBaseLogger } from 'fastify';
import { signCheckpoint } from '../../core/ledger/checkpoint.ts';
import type { ServerContext } from '../context.ts';
import { HttpProblem } from '../problem.ts';
import { defineRoute } from '../route.ts';
import { LogParams } from '../schemas.ts';
import { addCheckpoint } from '../witness.ts';

/**
 * Signs a checkpoint of the log's current tree, once all of it is on the disk (requireDurableLog),
 * with the log key the server holds and stores it; nothing new when the latest checkpoint already
 * has the log's size. When the server is also a
 * witness it cosigns the new checkpoint at once, as add-checkpoint would.
 */
export async function checkpointNow(
  ctx: ServerContext,
  logId: string,
  log?: FastifyBaseLogger,
): Promise<{ created: boolean; size: number; note: string }> {
  const info = await ctx.store.requireDurableLog(logId);
  const signer = ctx.keyring.signerFor(info.logKey);
  if (!signer) {
    throw new HttpProblem(
      422,
      'log-key-missing',
      `This server does not hold the key of log "${logId}", so it cannot sign its checkpoints: start it with --keys DIR (or TRUCE_KEYS) holding the operator's key file, or sign with truce log checkpoint.`,
    );
  }
  const latest = await ctx.store.latestCheckpoint(logId);
  let created = false;
  let note = latest?.note;
  if (!latest || latest.size !== info.size) {
    note = signCheckpoint(
      ctx.crypto,
      { origin: info.origin, size: info.size, root: info.root, extensions: [] },
      signer,
    );
    await ctx.store.addCheckpoint(logId, info.size, note, new Date().toISOString());
    created = true;
  }
  if (ctx.keyring.witnesses().length > 0) await cosignOwn(ctx, logId, info.origin, info.size, note!, log);
  return { created, size: info.size, note: note! };
}

/** Cosigns this server's own checkpoint as its witness, unless it already cosigned that size. */
async function cosignOwn(
  ctx: ServerContext,
  logId: string,
  origin: string,
  size: number,
  note: string,
  log?: FastifyBaseLogger,
): Promise<void> {
  const state = await ctx.witness.get(origin);
  const old = state?.size ?? 0;
  if (state && old >= size) return;
  const proof = old === 0 ? [] : await ctx.store.consistencyProof(logId, old, size);
  const result = await addCheckpoint(ctx, { old, proof, note });
  // A concurrent request that cosigned first is no failure; anything else means storage disagrees
  // with what this witness cosigned before, which an operator must look at.
  if (!result.ok && result.code !== 'witness-stale-size')
    log?.warn({ log: logId, size, code: result.code }, 'the server did not cosign its own checkpoint');
}

/** POST /api/logs/:id/checkpoints: the operator has the server sign a checkpoint now. */
export const checkpointRoutes = (ctx: ServerContext) => [
  defineRoute({
    method: 'POST',
    url: '/api/logs/:id/checkpoints',
    operationId: 'signCheckpoint',
    tag: 'ledger',
    access: { roles: ['operator'] },
    summary: "Sign a checkpoint of the log's current tree with the log key the server holds",
    description:
      "Needs the server to hold the log's key (`truce serve --keys DIR`), else 422 `log-key-missing`. " +
      'Answers the signed checkpoint with its cosignatures as GET checkpoint does: 201 when it signed a new one, ' +
      '200 when the latest checkpoint already had the log size. A server that also holds a witness key cosigns it at once.',
    params: LogParams,
    responses: {
      201: { description: 'Signed and stored.', contentType: 'text/plain; charset=utf-8' },
      200: {
        description: 'The log has not grown since its latest checkpoint: that one.',
        contentType: 'text/plain; charset=utf-8',
      },
    },
    problems: [404, 422],
    async handler({ params, request, reply }) {
      const cp = await checkpointNow(ctx, params.id, request.log);
      const cosignatures = await ctx.store.cosignatures(params.id, cp.size);
      reply
        .code(cp.created ? 201 : 200)
        .type('text/plain; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('location', `/api/logs/${encodeURIComponent(params.id)}/checkpoint`);
      return cp.note + cosignatures.map((c) => c.line).join('');
    },
  }),
];
