import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Crypto } from '../core/crypto/crypto.ts';
import type { Database } from '../store/database.ts';
import { LedgerStore } from '../store/ledger-store.ts';
import { TokenStore } from '../store/token-store.ts';
import { loadAgreementCatalog } from './agreement-catalog.ts';
import { authenticate } from './auth/authenticate.ts';
import { setPrincipal } from './auth/principal.ts';
import type { ServerContext } from './context.ts';
import { LogNotifier } from './log-notifier.ts';
import { errorHandler, problemOf, sendProblem } from './problem.ts';
import { type AnyRoute, registerRoutes } from './route.ts';
import { agreementRoutes } from './routes/agreements.ts';
import { appendRoutes } from './routes/append.ts';
import { eventRoutes } from './routes/events.ts';
import { healthRoutes } from './routes/health.ts';
import { logRoutes } from './routes/logs.ts';
import { planRoutes } from './routes/plan.ts';
import { referenceRoutes } from './routes/reference.ts';
import { statusRoutes } from './routes/status.ts';
import { notifyingAppends, streamRoutes } from './routes/stream.ts';
import { tileRoutes } from './routes/tiles.ts';

/** The largest request body of any route (the append route takes less). */
export const BODY_LIMIT = 256 * 1024;

export const DEFAULT_AGREEMENTS_DIR = fileURLToPath(new URL('../../examples/agreements/', import.meta.url));

export interface AppOptions {
  database: Database;
  crypto: Crypto;
  /** The agreement files to publish (default examples/agreements). */
  agreementsDir?: string;
  logger?: FastifyServerOptions['logger'];
}

/** Every route of the API, in the order the reference lists them. */
export function routeTable(ctx: ServerContext, notifier: LogNotifier = new LogNotifier()): AnyRoute[] {
  const routes = [
    ...healthRoutes(ctx),
    ...agreementRoutes(ctx),
    ...planRoutes(ctx),
    ...logRoutes(ctx),
    ...eventRoutes(ctx),
    ...notifyingAppends(appendRoutes(ctx), notifier),
    ...streamRoutes(ctx, notifier),
    ...statusRoutes(ctx),
    ...tileRoutes(ctx),
  ];
  return [...routes, ...referenceRoutes(routes)];
}

/**
 * The HTTP API over one database. Agreement files are read once, here; every error is answered as
 * application/problem+json. Closing the app does not close the database: its owner does.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const catalog = await loadAgreementCatalog(resolve(options.agreementsDir ?? DEFAULT_AGREEMENTS_DIR));
  const ctx: ServerContext = {
    database: options.database,
    crypto: options.crypto,
    store: new LedgerStore(options.database, options.crypto),
    tokens: new TokenStore(options.database),
    catalog,
  };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  // Bodies are JSON only: a text/plain body is refused (415) rather than read as a string.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(errorHandler);
  // Who is asking, before anything else: a bad token is refused even on a public route.
  app.addHook('onRequest', async (request) => setPrincipal(request, await authenticate(ctx.tokens, request)));
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      problemOf(
        404,
        'route-not-found',
        `There is no ${request.method} ${request.url.split('?')[0]}; the routes are listed at /api/docs.`,
      ),
    ),
  );
  const notifier = new LogNotifier();
  // Open event streams end first, so that closing does not wait for them.
  app.addHook('preClose', async () => notifier.close());
  registerRoutes(app, routeTable(ctx, notifier));
  return app;
}
