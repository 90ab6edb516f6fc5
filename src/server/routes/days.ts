import { z } from 'zod';
import type { ServerContext } from '../context.ts';
import { logAgreement } from '../log-agreement.ts';
import type { LogReads } from '../log-reads.ts';
import { occurredDays } from '../occurred-days.ts';
import { defineRoute } from '../route.ts';
import { LogParams } from '../schemas.ts';

export const OccurredDays = z.object({
  log: z.string(),
  size: z.int().min(0).describe('Events in the log when the days were read.'),
  timeZone: z.string().describe("The agreement's time zone, in which the days are counted."),
  days: z
    .array(
      z.object({
        date: z.string().describe('YYYY-MM-DD in the time zone.'),
        events: z.int().min(1).describe('How many events of the log occurred that day.'),
      }),
    )
    .describe('Each day on which an event of the log occurred (its occurredAt), in order.'),
});

/** GET /api/logs/:id/days: the days on which the log records that something happened. */
export const dayRoutes = (ctx: ServerContext, reads: LogReads) => [
  defineRoute({
    method: 'GET',
    url: '/api/logs/:id/days',
    operationId: 'listOccurredDays',
    tag: 'ledger',
    access: 'public',
    summary: 'The days on which the events of a log occurred, with how many on each',
    description:
      "Days are counted in the time zone of the agreement the log adopted, by each event's occurredAt (not the " +
      'moment it was appended). The answer grows with the days on record, not with the events: each day is read ' +
      'by an indexed range of the log, and the events of a day are listed by GET /api/logs/{id}/events.',
    params: LogParams,
    responses: { 200: { description: 'The days.', schema: OccurredDays } },
    problems: [404, 409],
    async handler({ params, reply }) {
      // Kept while the log does not change (an adopted text changes with the log too).
      const held = await reads.currentBytes(params.id, 'days', async () => {
        const log = await reads.head(params.id);
        const { agreement } = await logAgreement(ctx, log.id);
        const days = await occurredDays(ctx.store, log.id, agreement.timeZone);
        return {
          bytes: Buffer.from(
            JSON.stringify({ log: log.id, size: log.size, timeZone: agreement.timeZone, days }),
          ),
        };
      });
      reply.type('application/json; charset=utf-8').header('cache-control', 'no-cache');
      const bytes = held!.bytes;
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
  }),
];
