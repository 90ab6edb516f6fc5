import { readLogHead } from '../store/log-head.ts';
import type { LogNotifier } from '../store/log-notifier.ts';
import type { ServerContext } from './context.ts';
import { EventFanOut } from './event-fan-out.ts';
import { evaluateLog } from './log-evaluation.ts';
import { HttpProblem } from './problem.ts';
import { type StreamClient, sseBytes } from './sse.ts';
import { StatusWatcher } from './status-watcher.ts';
import { realClock, type TimerClock } from './timer-clock.ts';

/** The log judged at `at` for its status messages; undefined if it is not judged. */
async function judge(ctx: ServerContext, logId: string, at: number) {
  try {
    return (await evaluateLog(ctx, logId, () => new Date(at).toISOString())).evaluation;
  } catch (e) {
    // A log that adopted no agreement, or a text this server does not hold (yet: it may be
    // uploaded), is not judged.
    if (e instanceof HttpProblem && (e.code === 'agreement-not-found' || e.code === 'agreement-not-held'))
      return undefined;
    throw e;
  }
}

/**
 * The news of one log: its events and checkpoints (the fan-out, fed on each notification) and the
 * changes of its provisions' statuses (the watcher, told by the fan-out of new events, and timing
 * deadlines by the clock), sent through the fan-out to every live stream.
 */
class LogFeed {
  readonly logId: string;
  readonly fanOut: EventFanOut;
  private readonly watcher: StatusWatcher;
  private readonly stopListening: () => void;
  /** The fan-out's position and the first evaluation: streams are fed once both stand. */
  private readonly ready: Promise<unknown>;
  /** Streams joining: the feed is not empty while one is. */
  private joining = 0;

  constructor(
    ctx: ServerContext,
    logId: string,
    notifier: LogNotifier,
    clock: TimerClock,
    onError: (m: string) => void,
  ) {
    this.logId = logId;
    this.watcher = new StatusWatcher({
      clock,
      judge: (at) => judge(ctx, logId, at),
      changed: (asOf, provisions) => this.fanOut.broadcast(sseBytes('status', { asOf, provisions })),
      onError: (m) => onError(`Log "${logId}" could not be judged: ${m}`),
    });
    this.fanOut = new EventFanOut(
      {
        head: () => readLogHead(ctx.database, logId),
        entries: (from, end) => ctx.store.entries(logId, from, end),
      },
      { clock, appended: () => this.watcher.logChanged(), onError: (m) => onError(`${m} (log "${logId}")`) },
    );
    this.ready = Promise.all([this.fanOut.ready, this.watcher.start()]);
    this.stopListening = notifier.subscribe(logId, () => void this.fanOut.pump());
  }

  /** No stream is open or opening. */
  get empty(): boolean {
    return this.fanOut.size === 0 && this.joining === 0;
  }

  async join(client: StreamClient, from: number | undefined, left: () => void): Promise<() => void> {
    this.joining++;
    try {
      await this.ready;
      return await this.fanOut.join(client, from, left);
    } finally {
      this.joining--;
    }
  }

  async close(): Promise<void> {
    this.stopListening();
    await Promise.all([this.fanOut.close(), this.watcher.close()]);
  }
}

/** The feeds of the logs that have open streams, one per log, each listening to the notifier. */
export class LogFeeds {
  private readonly ctx: ServerContext;
  private readonly notifier: LogNotifier;
  private readonly onError: (message: string) => void;
  private readonly clock: TimerClock;
  private readonly feeds = new Map<string, LogFeed>();
  private readonly closing = new Set<Promise<void>>();
  private closed = false;

  /** `clock`: by default the server's (ctx.now) with real timers. */
  constructor(
    ctx: ServerContext,
    notifier: LogNotifier,
    onError: (message: string) => void = () => {},
    clock: TimerClock = { now: ctx.now, after: realClock.after },
  ) {
    this.ctx = ctx;
    this.notifier = notifier;
    this.onError = onError;
    this.clock = clock;
  }

  /** Sends `client` the log's news from index `from` (default: from now); the function returned stops. */
  async join(logId: string, client: StreamClient, from?: number): Promise<() => void> {
    if (this.closed) {
      client.end();
      return () => {};
    }
    let feed = this.feeds.get(logId);
    if (!feed) {
      feed = new LogFeed(this.ctx, logId, this.notifier, this.clock, this.onError);
      this.feeds.set(logId, feed);
    }
    const joined = feed;
    try {
      return await joined.join(client, from, () => {
        if (joined.empty && !this.closed) this.retire(joined);
      });
    } catch (e) {
      if (joined.empty) this.retire(joined);
      throw e;
    }
  }

  /** The log has a feed (streams open or opening): it exists. */
  has(logId: string): boolean {
    return this.feeds.has(logId);
  }

  /** The number of logs with open streams. */
  get size(): number {
    return this.feeds.size;
  }

  private retire(feed: LogFeed): void {
    if (this.feeds.get(feed.logId) !== feed) return;
    this.feeds.delete(feed.logId);
    const closing = feed.close();
    this.closing.add(closing);
    closing.then(() => this.closing.delete(closing));
  }

  /** Ends every stream and waits for the reads under way (before the database is closed). */
  async close(): Promise<void> {
    this.closed = true;
    const feeds = [...this.feeds.values()];
    this.feeds.clear();
    await Promise.all([...feeds.map((f) => f.close()), ...this.closing]);
  }
}
