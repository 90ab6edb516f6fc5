import { z } from 'zod';
import { formatProofBundle } from '../../core/ledger/proof-bundle.ts';
import type { StoredEntry } from '../../store/ledger-store.ts';
import type { ServerContext } from '../context.ts';
import type { LogReads } from '../log-reads.ts';
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
export const eventRoutes = ({ store }: ServerContext, reads: LogReads) => [
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
      const from = query.from ?? 0;
      const limit = query.limit ?? 100;
      // Kept while the log does not change (log-reads.ts): a page asked again costs no query and
      // no parsing of its events (a page of 100 had parsed some 100 KB of objects each time).
      const page = await reads.currentBytes(params.id, `events\n${from}\n${limit}`, async () => {
        const log = await reads.head(params.id);
        const end = Math.min(log.size, from + limit);
        const events = from < end ? await store.entries(log.id, from, end) : [];
        return { bytes: eventPage(log.id, log.size, from, events, end < log.size ? end : null) };
      });
      reply.type('application/json; charset=utf-8');
      const bytes = page!.bytes;
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
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
