import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import type { Crypto } from '../core/crypto/crypto.ts';
import { AgreementStore } from '../store/agreement-store.ts';
import type { Database } from '../store/database.ts';
import { LedgerStore } from '../store/ledger-store.ts';
import { PgLogNotifier } from '../store/pg-log-notifier.ts';
import { RateStore } from '../store/rate-store.ts';
import { TokenStore } from '../store/token-store.ts';
import { WitnessStore } from '../store/witness-store.ts';
import { loadAgreementCatalog } from './agreement-catalog.ts';
import { authenticate } from './auth/authenticate.ts';
import { setPrincipal } from './auth/principal.ts';
import {
  DEFAULT_ANONYMOUS_HEAVY_PER_MINUTE,
  DEFAULT_REQUESTS_PER_MINUTE,
  memoryLimiter,
  sharedLimiter,
} from './auth/rate-limit.ts';
import { limitBodyTime } from './body-time-budget.ts';
import { startCheckpointing } from './checkpoint-timer.ts';
import { connectionCloser } from './connection-closer.ts';
import type { ServerContext } from './context.ts';
import { HeldFront } from './held-front.ts';
import { registerJsonBody } from './json-body.ts';
import { Keyring } from './keyring.ts';
import { LogFeeds } from './log-feed.ts';
import { InProcessLogNotifier, type LogNotifier } from './log-notifier.ts';
import { LogReads } from './log-reads.ts';
import { errorHandler, HttpProblem, problemOf, sendProblem } from './problem.ts';
import { DEFAULT_RECORDED_WINDOW_MINUTES } from './recorded-window.ts';
import { type AnyRoute, isHeavy, registerRoutes, rememberRoutes } from './route.ts';
import { agreementUploadRoutes } from './routes/agreement-upload.ts';
import { agreementRoutes } from './routes/agreements.ts';
import { allegationRoutes } from './routes/allegations.ts';
import { appendRoutes } from './routes/append.ts';
import { checkpointRoutes } from './routes/checkpoints.ts';
import { registerDashboard } from './routes/dashboard.ts';
import { dayRoutes } from './routes/days.ts';
import { eventRoutes } from './routes/events.ts';
import { evidenceRoutes } from './routes/evidence.ts';
import { exportRoutes } from './routes/exports.ts';
import { healthRoutes } from './routes/health.ts';
import { logPlanRoutes } from './routes/log-plan.ts';
import { logRoutes } from './routes/logs.ts';
import { personRoutes } from './routes/persons.ts';
import { planRoutes } from './routes/plan.ts';
import { referenceRoutes } from './routes/reference.ts';
import { StatusNow, statusRoutes } from './routes/status.ts';
import { notifyingAppends, streamRoutes } from './routes/stream.ts';
import { tileRoutes } from './routes/tiles.ts';
import { TEXT_BODY_OPERATIONS, witnessRoutes } from './routes/witness.ts';
import { StreamHeartbeat } from './stream-heartbeat.ts';
import { realClock, type TimerClock } from './timer-clock.ts';
import type { FollowedLog } from './witness.ts';
import { sharedJudgingPool, sharedWorkPool, type WorkPool } from './work-pool.ts';

/** The largest request body of any route (the append route takes less). */
export const BODY_LIMIT = 256 * 1024;
/** On SQLite, how often the logs that have open event streams are read again for changes made by another process. */
export const SQLITE_POLL_MS = 1000;

export const DEFAULT_AGREEMENTS_DIR = fileURLToPath(new URL('../../examples/agreements/', import.meta.url));

export interface AppOptions {
  database: Database;
  crypto: Crypto;
  /** The agreement files to publish (default examples/agreements). */
  agreementsDir?: string;
  logger?: FastifyServerOptions['logger'];
  /** Requests each API token may make per minute (default 600); anonymous reads are not counted. */
  requestsPerMinute?: number;
  /** Costly requests (plan or diff with what-ifs, report, status at a moment) one address may make per minute without a token (default 60). */
  anonymousHeavyPerMinute?: number;
  /** The server's clock: the rate limits count minutes by it, appended events' recordedAt is checked against it (default Date.now). */
  now?: () => number;
  /** How far an appended event's recordedAt may be from the server's clock, in minutes (default 5). */
  recordedAtWindowMinutes?: number;
  /** The event streams' time and timers (heartbeats, status at each deadline); default `now` and real timers. */
  streamClock?: TimerClock;
  /** The private keys the server holds (truce serve --keys DIR); none by default. */
  keyring?: Keyring;
  /** Logs of other servers this one witnesses, besides those of its database. */
  witnessFollow?: readonly FollowedLog[];
  /** Sign a checkpoint of each log that grew, this often (seconds), with the log keys held. */
  checkpointEverySeconds?: number;
  /** The built dashboard to serve at / (default web/dist); without it / answers 503. */
  webDir?: string;
  /** Person records one party may keep in one log (default DEFAULT_PERSONS_QUOTA). */
  personsQuota?: number;
  /** How long a client may take to send a request body, in ms (default BODY_TIMEOUT_MS, 10 s). */
  bodyTimeoutMs?: number;
  /** The worker threads for plans, comparisons and agreement checks (default: the process's shared pool). */
  work?: WorkPool;
  /** The worker threads that judge logs (default: the process's shared judging pool). */
  judging?: WorkPool;
}

/** Every route of the API, in the order the reference lists them. */
export function routeTable(
  ctx: ServerContext,
  notifier: LogNotifier = new InProcessLogNotifier(),
  feeds: LogFeeds = new LogFeeds(ctx, notifier),
  reads: LogReads = new LogReads(ctx.store, notifier),
  heartbeat: StreamHeartbeat = new StreamHeartbeat(realClock),
): AnyRoute[] {
  const routes = [
    ...healthRoutes(ctx),
    ...agreementRoutes(ctx),
    ...agreementUploadRoutes(ctx, notifier),
    ...planRoutes(ctx),
    ...logRoutes(ctx, reads),
    ...eventRoutes(ctx, reads),
    ...dayRoutes(ctx, reads),
    ...notifyingAppends(appendRoutes(ctx), notifier),
    ...streamRoutes(ctx, feeds, heartbeat),
    ...statusRoutes(ctx, reads),
    ...evidenceRoutes(ctx),
    ...allegationRoutes(ctx),
    ...logPlanRoutes(ctx),
    ...personRoutes(ctx),
    ...exportRoutes(ctx),
    ...tileRoutes(ctx, reads),
    ...checkpointRoutes(ctx),
    ...witnessRoutes(ctx),
  ];
  return [...routes, ...referenceRoutes(routes)];
}

/**
 * The HTTP API over one database. Agreement files are read once, here; every error is answered as
 * application/problem+json. Closing the app does not close the database: its owner does.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const catalog = await loadAgreementCatalog(
    resolve(options.agreementsDir ?? DEFAULT_AGREEMENTS_DIR),
    new AgreementStore(options.database),
  );
  const ctx: ServerContext = {
    database: options.database,
    crypto: options.crypto,
    store: new LedgerStore(options.database, options.crypto),
    tokens: new TokenStore(options.database),
    catalog,
    keyring: options.keyring ?? new Keyring(options.crypto),
    witness: new WitnessStore(options.database),
    witnessFollow: options.witnessFollow ?? [],
    ...(options.personsQuota !== undefined ? { personsQuota: options.personsQuota } : {}),
    work: options.work ?? sharedWorkPool,
    judging: options.judging ?? sharedJudgingPool,
    now: options.now ?? Date.now,
    recordedAtWindowMinutes: options.recordedAtWindowMinutes ?? DEFAULT_RECORDED_WINDOW_MINUTES,
  };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  // Bodies are JSON only: a text/plain body is refused (415) rather than read as a string.
  app.removeContentTypeParser('text/plain');
  registerJsonBody(app);
  limitBodyTime(app, options.bodyTimeoutMs);
  app.setErrorHandler(errorHandler);
  // Who is asking, before anything else: a bad token is refused even on a public route. Each token
  // has a limit; without a token, costly routes have one per client address. On PostgreSQL the
  // counts are kept in the database, shared by every server process on it.
  const perMinute = options.requestsPerMinute ?? DEFAULT_REQUESTS_PER_MINUTE;
  const heavyPerMinute = options.anonymousHeavyPerMinute ?? DEFAULT_ANONYMOUS_HEAVY_PER_MINUTE;
  const rates = new RateStore(options.database);
  const [byToken, byAddress] = options.database.pool
    ? [
        sharedLimiter(rates, 'token', perMinute, options.now),
        sharedLimiter(rates, 'address', heavyPerMinute, options.now),
      ]
    : [memoryLimiter(perMinute, options.now), memoryLimiter(heavyPerMinute, options.now)];
  const admit = async (request: FastifyRequest, reply: FastifyReply) => {
    const principal = await authenticate(ctx.tokens, (log, actor) => ctx.store.actor(log, actor), request);
    setPrincipal(request, principal);
    const anonymous = principal.tokenId === null;
    if (anonymous && !isHeavy(request)) return;
    const decision = anonymous ? await byAddress.take(request.ip) : await byToken.take(principal.tokenId!);
    if (decision.ok) return;
    reply.header('retry-after', String(decision.retryAfterSeconds));
    throw new HttpProblem(
      429,
      'rate-limited',
      anonymous
        ? `This address asked for more than ${heavyPerMinute} plans or comparisons with what-ifs, reports or statuses at a chosen moment in a minute without a token; wait ${decision.retryAfterSeconds} s and retry.`
        : `This token made more than ${perMinute} requests in a minute; wait ${decision.retryAfterSeconds} s and retry.`,
    );
  };
  app.addHook('onRequest', (request, reply, done) => {
    // Without a token and not costly (most public reads): the public, counted nowhere, at once.
    if (request.headers.authorization === undefined && !isHeavy(request)) return done();
    admit(request, reply).then(() => done(), done);
  });
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
  // News of the logs' changes: from every process through PostgreSQL's LISTEN/NOTIFY; on SQLite
  // from this process, and every second from the file (the CLI may write to it too).
  const notifier = options.database.pool
    ? await PgLogNotifier.open(options.database.pool)
    : new InProcessLogNotifier({ pollMs: SQLITE_POLL_MS });
  const streamClock = options.streamClock ?? { now: ctx.now, after: realClock.after };
  const feeds = new LogFeeds(ctx, notifier, (message) => app.log.warn(message), streamClock);
  const heartbeat = new StreamHeartbeat(streamClock);
  // The public reads' bytes kept in memory, dropped as the logs change (log-reads.ts); an anonymous
  // GET of bytes held is answered before Fastify routes it (held-front.ts).
  const reads = new LogReads(ctx.store, notifier);
  const front = new HeldFront(reads, new StatusNow(ctx, reads));
  front.install(app.server);
  // On closing, connections end as soon as nothing is under way on them, and open event streams
  // end at once; the reads the streams have under way finish before the database is closed.
  const connections = connectionCloser(app.server);
  app.addHook('preClose', async () => {
    front.close();
    reads.close();
    connections.close();
    await feeds.close();
    heartbeat.close();
    await notifier.close();
  });
  if (options.checkpointEverySeconds) {
    const checkpointing = startCheckpointing(ctx, options.checkpointEverySeconds, app.log);
    app.addHook('preClose', () => checkpointing.stop());
  }
  const table = routeTable(ctx, notifier, feeds, reads, heartbeat);
  rememberRoutes(app, table);
  registerRoutes(
    app,
    table.filter((r) => !TEXT_BODY_OPERATIONS.has(r.operationId)),
  );
  // The witness protocol's bodies are text of any media type (or none): only those routes read them so.
  await app.register(async (text) => {
    text.removeAllContentTypeParsers();
    text.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    registerRoutes(
      text,
      table.filter((r) => TEXT_BODY_OPERATIONS.has(r.operationId)),
    );
  });
  // The dashboard: every GET outside /api loads the web app (web/dist).
  registerDashboard(app, options.webDir);
  return app;
}
