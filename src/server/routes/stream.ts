import type { SignedEvent } from '../../core/ledger/event.ts';
import type { ServerContext } from '../context.ts';
import type { LogNotifier } from '../log-notifier.ts';
import type { AnyRoute } from '../route.ts';
import { defineRoute } from '../route.ts';
import { LogParams } from '../schemas.ts';

/** A comment line every so often keeps proxies from closing a quiet stream. */
export const HEARTBEAT_MS = 15_000;

/**
 * The append routes, telling the notifier of each event they store (201; a duplicate, 200, is
 * not new). The routes themselves are unchanged.
 */
export function notifyingAppends(routes: AnyRoute[], notifier: LogNotifier): AnyRoute[] {
  return routes.map((route) => ({
    ...route,
    async handler(input) {
      const result = (await route.handler(input)) as { index: number; leafHash: string; duplicate: boolean };
      if (input.reply.statusCode === 201 && !result.duplicate) {
        const { id } = input.params as { id: string };
        const kind = (input.body as SignedEvent).event.kind;
        notifier.publish(id, { index: result.index, leafHash: result.leafHash, kind });
      }
      return result;
    },
  }));
}

/** GET /api/logs/:id/stream: the events appended from now on, as Server-Sent Events. */
export const streamRoutes = ({ store }: ServerContext, notifier: LogNotifier) => [
  defineRoute({
    method: 'GET',
    url: '/api/logs/:id/stream',
    operationId: 'streamEvents',
    tag: 'ledger',
    access: 'public',
    summary: 'Events appended from now on, as Server-Sent Events',
    description:
      'A `text/event-stream`: first a comment (`: connected`), then for each event appended through ' +
      'this server after connecting a message `event: event`, `id:` its index, `data:` ' +
      '`{"index", "leafHash", "kind"}`. Read the events themselves with GET /api/logs/{id}/events/{leafHash}. ' +
      `A comment every ${HEARTBEAT_MS / 1000} s keeps the connection open; the stream ends when the server stops.`,
    params: LogParams,
    responses: { 200: { description: 'The stream.', contentType: 'text/event-stream' } },
    problems: [404],
    async handler({ params, reply }) {
      const log = await store.requireLog(params.id);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write(': connected\n\n');
      const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      let unsubscribe = () => {};
      const end = () => {
        clearInterval(heartbeat);
        unsubscribe();
        if (!raw.writableEnded) raw.end();
      };
      unsubscribe = notifier.subscribe(log.id, {
        appended: (e) => raw.write(`event: event\nid: ${e.index}\ndata: ${JSON.stringify(e)}\n\n`),
        closed: end,
      });
      raw.on('close', end);
      return reply;
    },
  }),
];
