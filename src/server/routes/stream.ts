import type { ServerContext } from '../context.ts';
import type { LogFeeds } from '../log-feed.ts';
import type { LogNotifier } from '../log-notifier.ts';
import { HttpProblem } from '../problem.ts';
import type { AnyRoute } from '../route.ts';
import { defineRoute } from '../route.ts';
import { LogParams } from '../schemas.ts';
import { responseClient } from '../sse.ts';
import { HEARTBEAT_MS, type StreamHeartbeat } from '../stream-heartbeat.ts';

/**
 * The append routes, telling the notifier of each log they changed (201; a duplicate, 200, changes
 * nothing). The routes themselves are unchanged. What is new is read from the log, not from here.
 */
export function notifyingAppends(routes: AnyRoute[], notifier: LogNotifier): AnyRoute[] {
  return routes.map((route) => ({
    ...route,
    async handler(input) {
      const result = await route.handler(input);
      if (input.reply.statusCode === 201) notifier.publish((input.params as { id: string }).id);
      return result;
    },
  }));
}

/** The index to resume from after `Last-Event-ID: N` (the index of the last event received). */
function resumeFrom(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header.at(-1)! : header;
  if (!/^(0|[1-9]\d{0,14})$/.test(value.trim()))
    throw new HttpProblem(
      400,
      'request-invalid',
      'Last-Event-ID must be the index of the last event received (the id of its message), e.g. Last-Event-ID: 41.',
    );
  return Number(value.trim()) + 1;
}

/** GET /api/logs/:id/stream: the log's events, checkpoints and status changes, as Server-Sent Events. */
export const streamRoutes = ({ store }: ServerContext, feeds: LogFeeds, heartbeat: StreamHeartbeat) => [
  defineRoute({
    method: 'GET',
    url: '/api/logs/:id/stream',
    operationId: 'streamEvents',
    tag: 'ledger',
    access: 'public',
    summary:
      'Events appended from now on (or after Last-Event-ID), checkpoints and status changes, as Server-Sent Events',
    description:
      'A `text/event-stream`: first a comment (`: connected`), then, as the log changes (whichever server ' +
      'or process appended to it), messages of three types. `event: event` for each event, exactly once ' +
      'and in index order: `id:` its index, `data:` `{"index", "leafHash", "kind"}` (read the event itself ' +
      'with GET /api/logs/{id}/events/{leafHash}). `event: checkpoint` when a checkpoint is stored: ' +
      '`data:` `{"size"}`, sent after the events it covers. `event: status` after new events, or once ' +
      'a deadline in force has passed, when the status of provisions changed: `data:` `{"asOf", "provisions": [{"provision", "kind", "status", ' +
      '"previous"}]}` (only for a log with a published agreement of the same id). With ' +
      '`Last-Event-ID: N` (as EventSource sends when it reconnects) the stream starts with event N+1 ' +
      `and every event after it. A comment every ${HEARTBEAT_MS / 1000} s keeps the connection open; ` +
      'a stream whose reader reads nothing for that long while messages wait for it is closed (reconnect ' +
      'with Last-Event-ID); the stream ends when the server stops.',
    params: LogParams,
    responses: { 200: { description: 'The stream.', contentType: 'text/event-stream' } },
    problems: [404],
    async handler({ params, request, reply }) {
      // A log is never removed: one with a feed exists, and 500 streams opening at once are not
      // 500 reads of it.
      const logId = feeds.has(params.id) ? params.id : (await store.requireLog(params.id)).id;
      const from = resumeFrom(request.headers['last-event-id']);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        // The stream is the connection's last response: when it ends (the server stopping), so does
        // the connection, rather than idling until a keep-alive timeout holds up the shutdown.
        connection: 'close',
        'x-accel-buffering': 'no',
      });
      const client = responseClient(raw);
      const stopBeating = heartbeat.add(client);
      let leave = () => {};
      let ended = false;
      raw.on('close', () => {
        ended = true;
        stopBeating();
        leave();
      });
      try {
        leave = await feeds.join(logId, client, from);
        if (ended) leave();
      } catch (e) {
        request.log.error({ log: logId, reason: (e as Error).message }, 'event stream not opened');
        stopBeating();
        client.end();
      }
      return reply;
    },
  }),
];
