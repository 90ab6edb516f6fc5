import { z } from 'zod';
import { toHex } from '../../core/crypto/crypto.ts';
import { type Provenance, RECORDED } from '../../core/ledger/provenance.ts';
import type { LogInfo } from '../../store/ledger-store.ts';
import { latestAdoption } from '../../store/log-adoption.ts';
import { ProvenanceStore } from '../../store/provenance-store.ts';
import type { ServerContext } from '../context.ts';
import type { Held, LogReads } from '../log-reads.ts';
import { page, pageQuery } from '../paging.ts';
import { HttpProblem } from '../problem.ts';
import { defineRoute } from '../route.ts';
import { LogParams, LogSummary } from '../schemas.ts';

async function summary(
  { store, database }: ServerContext,
  log: LogInfo,
  provenance: Provenance,
): Promise<z.infer<typeof LogSummary>> {
  const latest = await store.latestCheckpoint(log.id);
  const adoption = await latestAdoption(database, log.id, log.size);
  return {
    id: log.id,
    origin: log.origin,
    logKey: log.logKey,
    size: log.size,
    root: toHex(log.root),
    checkpointSize: latest?.size ?? null,
    adopted: adoption
      ? {
          agreement: adoption.agreement,
          version: adoption.version,
          sha256: adoption.sha256,
          index: adoption.index,
          occurredAt: adoption.occurredAt,
        }
      : null,
    provenance,
    actors: (await store.actors(log.id)).map((a) => ({
      actor: a.actor,
      name: a.name,
      role: a.role,
      ...(a.party !== undefined ? { party: a.party } : {}),
    })),
  };
}

/** The latest checkpoint's note with its cosignatures, as GET checkpoint answers it; null when none. */
async function checkpointBytes(store: ServerContext['store'], logId: string): Promise<Held | null> {
  const latest = await store.latestCheckpoint(logId);
  if (!latest) return null;
  const cosignatures = await store.cosignatures(logId, latest.size);
  return { bytes: Buffer.from(latest.note + cosignatures.map((c) => c.line).join('')) };
}

/** The checkpoint's media type and caching: it changes as the log is checkpointed and cosigned. */
export const CHECKPOINT_TYPE = 'text/plain; charset=utf-8';
export const CHECKPOINT_CACHE = 'no-cache';

/**
 * GET /api/logs, /api/logs/:id and /api/logs/:id/checkpoint: the logs and their signed heads. The
 * checkpoint is answered from memory until the log changes (log-reads.ts).
 */
export const logRoutes = (ctx: ServerContext, reads: LogReads) => {
  const { store, database } = ctx;
  const provenance = new ProvenanceStore(database);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/logs',
      operationId: 'listLogs',
      tag: 'ledger',
      access: 'public',
      summary: 'The logs of this server',
      query: z.strictObject(pageQuery('logs', 500, 100)),
      responses: {
        200: {
          description: 'A page of the logs, by id.',
          schema: z.object({ logs: z.array(LogSummary), next: z.int().min(0).nullable() }),
        },
      },
      async handler({ query }) {
        const { items, next } = page(await store.listLogs(), query.from, query.limit ?? 100);
        const claims = await provenance.all();
        return {
          logs: await Promise.all(items.map((l) => summary(ctx, l, claims.get(l.id) ?? RECORDED))),
          next,
        };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/logs/:id',
      operationId: 'getLog',
      tag: 'ledger',
      access: 'public',
      summary: 'One log: its origin, key, size and root',
      description: 'The ETag is the size in quotes: give it as If-Match when appending.',
      params: LogParams,
      responses: {
        200: { description: 'The log.', schema: LogSummary, headers: { ETag: 'The size, quoted.' } },
      },
      problems: [404],
      async handler({ params, reply }) {
        const log = await store.requireLog(params.id);
        reply.header('etag', `"${log.size}"`).header('cache-control', 'no-cache');
        return summary(ctx, log, await provenance.get(log.id));
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/logs/:id/checkpoint',
      operationId: 'getCheckpoint',
      tag: 'ledger',
      access: 'public',
      summary: 'The latest signed checkpoint (C2SP tlog-checkpoint) with its witness cosignatures',
      params: LogParams,
      responses: {
        200: { description: 'The signed note, as text.', contentType: 'text/plain; charset=utf-8' },
      },
      problems: [404],
      async handler({ params, reply }) {
        const latest = await reads.currentBytes(params.id, 'checkpoint', () =>
          checkpointBytes(store, params.id),
        );
        if (!latest) {
          throw new HttpProblem(
            404,
            'checkpoint-not-found',
            `Log "${params.id}" has no signed checkpoint yet; its operator signs one with truce log checkpoint.`,
          );
        }
        reply.type(CHECKPOINT_TYPE).header('cache-control', CHECKPOINT_CACHE);
        return latest.bytes;
      },
    }),
  ];
};
