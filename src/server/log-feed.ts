import type { StoredEntry } from '../store/ledger-store.ts';
import { readLogHead } from '../store/log-head.ts';
import type { LogNotifier } from '../store/log-notifier.ts';
import type { ServerContext } from './context.ts';
import { evaluateLog } from './log-evaluation.ts';
import { HttpProblem } from './problem.ts';
import { type StreamClient, sseMessage } from './sse.ts';
import { provisionStatuses, type Standing, statusChanges } from './status-changes.ts';

/** Events read from the log at a time. */
const PAGE = 500;
/** After a failed read, the log is read again this much later. */
const RETRY_MS = 1000;
/** A log is judged at most this often for its status messages (an evaluation of a large log takes seconds). */
const EVALUATE_EVERY_MS = 1000;

/** One open stream of a log, and how far it has been sent. */
interface Subscriber {
  client: StreamClient;
  /** The index of the next event this stream is to be sent. */
  next: number;
  /** Sent each event as the feed reads it; false while it catches up from the log itself. */
  live: boolean;
  /** The size of the latest checkpoint this stream was told of (or that stood when it opened). */
  checkpoint: number;
}

const eventMessage = (e: StoredEntry) =>
  sseMessage('event', { index: e.index, leafHash: e.leafHash, kind: e.event.event.kind }, e.index);

/**
 * What the event streams of one log are sent, derived from the log itself: on each notification
 * the feed reads the events from the last one it read up to the log's size, and sends each stream
 * those after the last it was sent. A notification is only a hint, so a lost, repeated or
 * coalesced one cannot make a stream miss an event or see one twice. A stream that opens with an
 * index to resume from, or falls behind (its connection backed up), catches up from the log on its
 * own, then is fed again. After new events, the log is judged against its agreement and the
 * provisions whose status changed are sent.
 */
class LogFeed {
  private readonly ctx: ServerContext;
  readonly logId: string;
  private readonly onEmpty: (feed: LogFeed) => void;
  private readonly onError: (message: string) => void;
  private readonly subscribers = new Set<Subscriber>();
  private readonly tasks = new Set<Promise<unknown>>();
  private readonly stopListening: () => void;
  private readonly ready: Promise<void>;
  /** The index of the next event the feed will read: every stream that is live was sent those before. */
  private position = 0;
  private checkpoint = 0;
  private pumping: Promise<void> | undefined;
  private again = false;
  private retry: ReturnType<typeof setTimeout> | undefined;
  /** Each provision's status at the last evaluation; undefined before the first. */
  private statuses: Map<string, Standing> | undefined;
  private evaluating: Promise<void> | undefined;
  private evaluateAgain = false;
  private evaluatedAt = 0;
  /** Ends the wait before the next evaluation (the feed is closing). */
  private wake = () => {};
  private closed = false;
  /** Streams joining: the feed is not empty while one is. */
  private joining = 0;

  constructor(
    ctx: ServerContext,
    logId: string,
    notifier: LogNotifier,
    onEmpty: (feed: LogFeed) => void,
    onError: (message: string) => void,
  ) {
    this.ctx = ctx;
    this.logId = logId;
    this.onEmpty = onEmpty;
    this.onError = onError;
    this.stopListening = notifier.subscribe(logId, () => {
      this.pump();
    });
    this.ready = this.track(this.start());
  }

  /** No stream is open or opening. */
  get empty(): boolean {
    return this.subscribers.size === 0 && this.joining === 0;
  }

  private async start(): Promise<void> {
    const head = await readLogHead(this.ctx.database, this.logId);
    this.position = head?.size ?? 0;
    this.checkpoint = head?.checkpoint ?? 0;
    // The statuses the first change is measured against, before any stream is fed.
    await this.evaluate();
  }

  /**
   * Sends `client` the events from index `from` (default: from the log's present size) as they
   * are appended. The function returned stops sending.
   */
  async join(client: StreamClient, from?: number): Promise<() => void> {
    this.joining++;
    let head: Awaited<ReturnType<typeof readLogHead>>;
    try {
      await this.ready;
      head = await readLogHead(this.ctx.database, this.logId);
    } finally {
      this.joining--;
    }
    const size = head?.size ?? 0;
    const sub: Subscriber = {
      client,
      next: from === undefined ? size : Math.min(from, size),
      live: false,
      checkpoint: Math.max(this.checkpoint, head?.checkpoint ?? 0),
    };
    if (this.closed) {
      client.end();
      return () => {};
    }
    // From this comment on, the stream misses nothing.
    client.write(': connected\n\n');
    this.subscribers.add(sub);
    this.track(this.catchUp(sub, false));
    return () => this.leave(sub);
  }

  private leave(sub: Subscriber): void {
    if (!this.subscribers.delete(sub)) return;
    if (this.empty && !this.closed) this.onEmpty(this);
  }

  /** Sends `sub` the events it lacks, from the log, until it has all the feed has read; then it is live. */
  private async catchUp(sub: Subscriber, drainFirst: boolean): Promise<void> {
    try {
      if (drainFirst) await sub.client.drained();
      while (!this.closed && this.subscribers.has(sub)) {
        if (!sub.client.open) {
          this.leave(sub);
          return;
        }
        if (sub.next >= this.position) {
          // Nothing is awaited between this test and this line: no event of the feed comes between.
          sub.live = true;
          this.sendCheckpoint(sub);
          return;
        }
        const entries = await this.readPage(sub.next, this.position);
        let flowing = true;
        for (const e of entries) {
          if (e.index !== sub.next) continue;
          flowing = sub.client.write(eventMessage(e));
          sub.next = e.index + 1;
        }
        if (!flowing) await sub.client.drained();
      }
    } catch (e) {
      this.onError(`An event stream of log "${this.logId}" failed to catch up: ${(e as Error).message}`);
      sub.client.end();
      this.leave(sub);
    }
  }

  /** The log may have changed: read what is new, once at a time; a notification during a read reads again. */
  pump(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.pumping) {
      this.again = true;
      return this.pumping;
    }
    const run = async () => {
      try {
        await this.ready;
        do {
          this.again = false;
          await this.readNew();
        } while (this.again && !this.closed);
      } catch (e) {
        this.onError(`The event stream of log "${this.logId}" could not read it: ${(e as Error).message}`);
        if (!this.closed && this.retry === undefined) {
          this.retry = setTimeout(() => {
            this.retry = undefined;
            this.pump();
          }, RETRY_MS);
          this.retry.unref();
        }
      } finally {
        this.pumping = undefined;
      }
    };
    this.pumping = this.track(run());
    return this.pumping;
  }

  private async readNew(): Promise<void> {
    const head = await readLogHead(this.ctx.database, this.logId);
    if (!head) return;
    let appended = false;
    while (this.position < head.size && !this.closed) {
      const entries = await this.readPage(this.position, head.size);
      // From here to the new position nothing is awaited: a stream turning live sees either all or none.
      for (const sub of [...this.subscribers]) if (sub.live) this.deliver(sub, entries);
      this.position = entries.at(-1)!.index + 1;
      appended = true;
    }
    // A checkpoint is announced once the events it covers have been (one statement read both).
    if (head.checkpoint > this.checkpoint && head.checkpoint <= this.position) {
      this.checkpoint = head.checkpoint;
      for (const sub of this.subscribers) if (sub.live) this.sendCheckpoint(sub);
    }
    if (appended) void this.evaluate();
  }

  /** Up to PAGE events of the log from index `from`, before index `end`; at least one. */
  private async readPage(from: number, end: number): Promise<StoredEntry[]> {
    const entries = await this.ctx.store.entries(this.logId, from, Math.min(end, from + PAGE));
    if (entries.length === 0) throw new Error(`events from ${from} are missing from storage`);
    return entries;
  }

  private deliver(sub: Subscriber, entries: StoredEntry[]): void {
    let flowing = true;
    for (const e of entries) {
      if (e.index < sub.next) continue;
      flowing = sub.client.write(eventMessage(e));
      sub.next = e.index + 1;
    }
    if (!sub.client.open) {
      this.leave(sub);
      return;
    }
    if (!flowing) {
      // Backed up: it is no longer fed, and reads from the log once its connection has drained.
      sub.live = false;
      this.track(this.catchUp(sub, true));
    }
  }

  private sendCheckpoint(sub: Subscriber): void {
    if (this.checkpoint <= sub.checkpoint) return;
    sub.checkpoint = this.checkpoint;
    sub.client.write(sseMessage('checkpoint', { size: this.checkpoint }));
  }

  /** Judges the log again (one evaluation at a time) and sends the provisions whose status changed. */
  private evaluate(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.evaluating) {
      this.evaluateAgain = true;
      return this.evaluating;
    }
    const run = async () => {
      try {
        do {
          const wait = this.evaluatedAt + EVALUATE_EVERY_MS - Date.now();
          if (this.evaluatedAt > 0 && wait > 0) await this.pause(wait);
          if (this.closed) return;
          this.evaluateAgain = false;
          this.evaluatedAt = Date.now();
          const { evaluation } = await evaluateLog(this.ctx, this.logId, () => new Date().toISOString());
          const previous = this.statuses;
          this.statuses = provisionStatuses(evaluation);
          const changes = previous ? statusChanges(previous, evaluation) : [];
          if (changes.length > 0 && !this.closed) {
            const message = sseMessage('status', { asOf: evaluation.asOf, provisions: changes });
            for (const sub of this.subscribers) if (sub.live) sub.client.write(message);
          }
        } while (this.evaluateAgain && !this.closed);
      } catch (e) {
        // A log that adopted no agreement, or a text this server does not hold (yet: it may be
        // uploaded), is not judged.
        if (e instanceof HttpProblem && (e.code === 'agreement-not-found' || e.code === 'agreement-not-held'))
          this.statuses = undefined;
        else this.onError(`Log "${this.logId}" could not be judged: ${(e as Error).message}`);
      } finally {
        this.evaluating = undefined;
      }
    };
    this.evaluating = this.track(run());
    return this.evaluating;
  }

  private pause(ms: number): Promise<void> {
    return new Promise((done) => {
      const timer = setTimeout(done, ms);
      this.wake = () => {
        clearTimeout(timer);
        done();
      };
    });
  }

  private track<T>(task: Promise<T>): Promise<T> {
    this.tasks.add(task);
    const done = () => this.tasks.delete(task);
    task.then(done, done);
    return task;
  }

  /** Ends every stream and waits for the reads under way. */
  async close(): Promise<void> {
    this.closed = true;
    this.stopListening();
    clearTimeout(this.retry);
    this.wake();
    for (const sub of this.subscribers) sub.client.end();
    this.subscribers.clear();
    while (this.tasks.size > 0) await Promise.allSettled([...this.tasks]);
  }
}

/** The feeds of the logs that have open streams, one per log, each listening to the notifier. */
export class LogFeeds {
  private readonly ctx: ServerContext;
  private readonly notifier: LogNotifier;
  private readonly onError: (message: string) => void;
  private readonly feeds = new Map<string, LogFeed>();
  private readonly closing = new Set<Promise<void>>();
  private closed = false;

  constructor(ctx: ServerContext, notifier: LogNotifier, onError: (message: string) => void = () => {}) {
    this.ctx = ctx;
    this.notifier = notifier;
    this.onError = onError;
  }

  /** Sends `client` the log's news from index `from` (default: from now); the function returned stops. */
  async join(logId: string, client: StreamClient, from?: number): Promise<() => void> {
    if (this.closed) {
      client.end();
      return () => {};
    }
    let feed = this.feeds.get(logId);
    if (!feed) {
      feed = new LogFeed(this.ctx, logId, this.notifier, (f) => this.retire(f), this.onError);
      this.feeds.set(logId, feed);
    }
    try {
      return await feed.join(client, from);
    } catch (e) {
      if (feed.empty) this.retire(feed);
      throw e;
    }
  }

  /** The number of logs with open streams. */
  get size(): number {
    return this.feeds.size;
  }

  private retire(feed: LogFeed): void {
    if (this.feeds.get(feed.logId) === feed) this.feeds.delete(feed.logId);
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
