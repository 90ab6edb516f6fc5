import { z } from 'zod';
import { formatProofBundle } from '../../core/ledger/proof-bundle.ts';
import type { StoredEntry } from '../../store/ledger-store.ts';
import type { ServerContext } from '../context.ts';
import { pageQuery } from '../paging.ts';
import { HttpProblem } from '../problem.ts';
import { defineRoute } from '../route.ts';
import { EventPage, EventWithProof, LeafHash, LogId, LogParams } from '../schemas.ts';

export const MAX_PAGE = 1000;

/** `from` and `limit` of a page of events. */
export const PageQuery = z.strictObject(pageQuery('events', MAX_PAGE, 100));

/**
 * A page of events as the UTF-8 bytes sent: each event is its stored bytes (checked to be JSON
 * when it was read), not parsed, serialised and encoded again on the event loop for each request.
 */
export function eventPage(
  log: string,
  size: number,
  from: number,
  events: readonly StoredEntry[],
  next: number | null,
): Buffer {
  const parts: Uint8Array[] = [
    Buffer.from(`{"log":${JSON.stringify(log)},"size":${size},"from":${from},"events":[`),
  ];
  events.forEach((e, i) => {
    parts.push(
      Buffer.from(`${i ? ',' : ''}{"index":${e.index},"leafHash":"${e.leafHash}","event":`),
      e.bytes,
      CLOSE,
    );
  });
  parts.push(Buffer.from(`],"next":${next}}`));
  return Buffer.concat(parts);
}
const CLOSE = Buffer.from('}');

/** GET /api/logs/:id/events and /api/logs/:id/events/:leafHash: the signed events and their receipts. */
export const eventRoutes = ({ store }: ServerContext) => [
  defineRoute({
    method: 'GET',
    url: '/api/logs/:id/events',
    operationId: 'listEvents',
    tag: 'ledger',
    access: 'public',
    summary: 'The signed events of a log in order, a page at a time',
    params: LogParams,
    query: PageQuery,
    responses: { 200: { description: 'A page of events.', schema: EventPage } },
    problems: [404],
    async handler({ params, query, reply }) {
      const log = await store.requireLog(params.id);
      const from = query.from ?? 0;
      const end = Math.min(log.size, from + (query.limit ?? 100));
      const events = from < end ? await store.entries(log.id, from, end) : [];
      reply.type('application/json; charset=utf-8');
      return eventPage(log.id, log.size, from, events, end < log.size ? end : null);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/logs/:id/events/:leafHash',
    operationId: 'getEvent',
    tag: 'ledger',
    access: 'public',
    summary: 'One signed event by its leaf hash, with a receipt (C2SP tlog-proof) that it is in the log',
    params: z.strictObject({ id: LogId, leafHash: LeafHash }),
    responses: { 200: { description: 'The event, its index and its receipt.', schema: EventWithProof } },
    problems: [404],
    async handler({ params }) {
      await store.requireLog(params.id);
      const entry = await store.entryByLeafHash(params.id, params.leafHash);
      if (!entry) {
        throw new HttpProblem(
          404,
          'event-not-found',
          `Log "${params.id}" has no event with leaf hash ${params.leafHash}.`,
        );
      }
      const latest = await store.latestCheckpoint(params.id);
      let proof: string | null = null;
      if (latest && latest.size > entry.index) {
        const cosignatures = await store.cosignatures(params.id, latest.size);
        proof = formatProofBundle({
          index: entry.index,
          proof: await store.inclusionProof(params.id, entry.index, latest.size),
          checkpoint: latest.note + cosignatures.map((c) => c.line).join(''),
        });
      }
      return {
        log: params.id,
        index: entry.index,
        leafHash: entry.leafHash,
        event: entry.event,
        checkpointSize: proof ? latest!.size : null,
        proof,
      };
    },
  }),
];
