import { z } from 'zod';
import type { ServerContext } from '../context.ts';
import { HttpProblem } from '../problem.ts';
import { defineRoute } from '../route.ts';

const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']).describe('Which storage the server runs on.'),
});

/** GET /api/health: the server answers and its database does. */
export const healthRoutes = (ctx: ServerContext) => [
  defineRoute({
    method: 'GET',
    url: '/api/health',
    operationId: 'health',
    tag: 'server',
    access: 'public',
    summary: 'Whether the server and its database answer',
    responses: { 200: { description: 'The server and its database answer.', schema: Health } },
    problems: [503],
    async handler({ reply }) {
      try {
        // Not through the query queue: a health check answers while a write is in progress.
        await ctx.database.ping();
      } catch {
        throw new HttpProblem(
          503,
          'database-unavailable',
          'The database does not answer; try again shortly.',
        );
      }
      reply.header('cache-control', 'no-store');
      return { status: 'ok', database: ctx.database.dialect };
    },
  }),
];
