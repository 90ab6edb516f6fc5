import type { StoredEntry } from '../store/ledger-store.ts';
import type { LogHead } from '../store/log-head.ts';
import { coalesced } from './coalesced.ts';
import { type StreamClient, sseBytes } from './sse.ts';
import type { TimerClock } from './timer-clock.ts';

/** Events read from the log at a time. */
export const PAGE = 500;
/** After a failed read, the log is read again this much later. */
export const RETRY_MS = 1000;

const CONNECTED = Buffer.from(': connected\n\n');

/** What a fan-out reads of its log. */
export interface LogSource {
  head(): Promise<LogHead | undefined>;
  /** The events from index `from`, before index `end` (at most PAGE of them). */
  entries(from: number, end: number): Promise<StoredEntry[]>;
}

/**
 * Consecutive events encoded once as their messages, end to end: a stream whose next event is in
 * the page is written the bytes from that event on, the same bytes as every other stream.
 */
export class EncodedPage {
  /** The index of its first event, and of the event after its last. */
  readonly first: number;
  readonly end: number;
  private readonly bytes: Buffer;
  /** Where each event's message begins in `bytes`. */
  private readonly offsets: number[];

  constructor(entries: StoredEntry[]) {
    if (entries.length === 0) throw new RangeError('a page holds at least one event');
    const parts = entries.map((e, i) => {
      if (e.index !== entries[0]!.index + i)
        throw new RangeError(`events of a page follow each other (${e.index})`);
      return sseBytes('event', { index: e.index, leafHash: e.leafHash, kind: e.event.event.kind }, e.index);
    });
    this.first = entries[0]!.index;
    this.end = this.first + entries.length;
    this.offsets = [];
    let at = 0;
    for (const p of parts) {
      this.offsets.push(at);
      at += p.length;
    }
    this.bytes = Buffer.concat(parts, at);
  }

  /** The messages of the events from index `from` (within the page) to its end. */
  from(index: number): Buffer {
    if (index < this.first || index >= this.end) throw new RangeError(`event ${index} is not in the page`);
    return index === this.first ? this.bytes : this.bytes.subarray(this.offsets[index - this.first]);
  }
}

/** One open stream of the log, and how far it has been sent. */
interface Subscriber {
  client: StreamClient;
  /** The index of the next event it is to be sent. */
  next: number;
  /** Sent each page as the fan-out reads it; false while it catches up from the log on its own. */
  live: boolean;
  /** The size of the latest checkpoint it was told of (or that stood when it opened). */
  checkpoint: number;
  /** Called once, when it leaves. */
  left: () => void;
}

export interface EventFanOutOptions {
  clock: TimerClock;
  /** Events were appended (after the fan-out sent them): the log may be judged again. */
  appended(): void;
  onError(message: string): void;
}

/**
 * The event streams of one log, fed from the log itself: on each notification (`pump`) the fan-out
 * reads the events from its position up to the log's size, encodes each page once and writes it
 * to every live stream. A notification is only a hint, so a lost, repeated or coalesced one cannot
 * make a stream miss an event or see one twice. A stream that opens with an index to resume from,
 * or backs up (BACKLOG_BYTES waiting: it is no longer written to, so what waits for it is
 * bounded), catches up from the log on its own once drained, then is fed again.
 */
export class EventFanOut {
  private readonly source: LogSource;
  private readonly options: EventFanOutOptions;
  private readonly subscribers = new Set<Subscriber>();
  private readonly tasks = new Set<Promise<unknown>>();
  /** The index of the next event the fan-out will read: every live stream was sent those before. */
  private position = 0;
  /** The latest checkpoint read, and its message. */
  private checkpoint = { size: 0, bytes: sseBytes('checkpoint', { size: 0 }) };
  /** Reads what is new in the log, once at a time; a notification during a read reads again. */
  private readonly readAll = coalesced(async () => {
    await this.ready;
    if (!this.closed) await this.readNew();
  });
  private cancelRetry: (() => void) | undefined;
  /** A read of the log's head not yet begun: every join until it begins shares it. */
  private pendingHead: Promise<LogHead | undefined> | undefined;
  private closed = false;
  readonly ready: Promise<void>;

  constructor(source: LogSource, options: EventFanOutOptions) {
    this.source = source;
    this.options = options;
    this.ready = this.track(
      source.head().then((head) => {
        this.position = head?.size ?? 0;
        this.setCheckpoint(head?.checkpoint ?? 0);
      }),
    );
  }

  /** Streams open. */
  get size(): number {
    return this.subscribers.size;
  }

  /**
   * Sends `client` the events from index `from` (default: from the log's size now) as they are
   * appended; `left` is called when it leaves (once): the function returned stops sending.
   */
  async join(client: StreamClient, from: number | undefined, left: () => void): Promise<() => void> {
    await this.ready;
    const head = await this.headFromNow();
    const size = head?.size ?? 0;
    if (this.closed) {
      client.end();
      return () => {};
    }
    const sub: Subscriber = {
      client,
      next: from === undefined ? size : Math.min(from, size),
      live: false,
      checkpoint: Math.max(this.checkpoint.size, head?.checkpoint ?? 0),
      left,
    };
    // From this comment on, the stream misses nothing.
    client.write(CONNECTED);
    this.subscribers.add(sub);
    this.track(this.catchUp(sub, false));
    return () => this.leave(sub);
  }

  /**
   * The log's head, read after this call: the joins of one turn of the event loop (500 streams
   * opening at once) share one read.
   */
  private headFromNow(): Promise<LogHead | undefined> {
    this.pendingHead ??= new Promise<void>((begin) => setImmediate(begin)).then(() => {
      this.pendingHead = undefined;
      return this.source.head();
    });
    return this.pendingHead;
  }

  private leave(sub: Subscriber): void {
    if (this.subscribers.delete(sub)) sub.left();
  }

  /** Writes `bytes` (one message, encoded once) to every live stream. */
  broadcast(bytes: Buffer): void {
    for (const sub of this.subscribers) if (sub.live) this.write(sub, bytes);
  }

  /** Writes to a live stream; one that backs up stops being fed and catches up once drained. */
  private write(sub: Subscriber, bytes: Buffer): void {
    if (sub.client.write(bytes)) return;
    if (!sub.client.open) {
      this.leave(sub);
      return;
    }
    sub.live = false;
    this.track(this.catchUp(sub, true));
  }

  /** Sends `sub` the events it lacks, from the log, until it has all the fan-out has read; then it is live. */
  private async catchUp(sub: Subscriber, drainFirst: boolean): Promise<void> {
    try {
      if (drainFirst) await sub.client.drained();
      while (!this.closed && this.subscribers.has(sub)) {
        if (!sub.client.open) {
          this.leave(sub);
          return;
        }
        if (sub.next >= this.position) {
          // Nothing is awaited between this test and this line: no page of the fan-out comes between.
          sub.live = true;
          this.sendCheckpoint(sub);
          return;
        }
        const page = await this.readPage(sub.next, this.position);
        if (sub.next < page.first || sub.next >= page.end) continue;
        const flowing = sub.client.write(page.from(sub.next));
        sub.next = page.end;
        if (!flowing) await sub.client.drained();
      }
    } catch (e) {
      this.options.onError(`An event stream failed to catch up: ${(e as Error).message}`);
      sub.client.end();
      this.leave(sub);
    }
  }

  /** The log may have changed: read what is new (a notification during a read reads again). */
  pump(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return this.track(
      this.readAll().catch((e) => {
        this.options.onError(`The log could not be read for its event streams: ${(e as Error).message}`);
        if (!this.closed && !this.cancelRetry)
          this.cancelRetry = this.options.clock.after(RETRY_MS, () => {
            this.cancelRetry = undefined;
            void this.pump();
          });
      }),
    );
  }

  private async readNew(): Promise<void> {
    const head = await this.source.head();
    if (!head) return;
    let appended = false;
    while (this.position < head.size && !this.closed) {
      const page = await this.readPage(this.position, head.size);
      // From here to the new position nothing is awaited: a stream turning live sees either all or none.
      for (const sub of [...this.subscribers]) if (sub.live) this.deliver(sub, page);
      this.position = page.end;
      appended = true;
    }
    // A checkpoint is announced once the events it covers have been (one statement read both).
    if (head.checkpoint > this.checkpoint.size && head.checkpoint <= this.position) {
      this.setCheckpoint(head.checkpoint);
      for (const sub of this.subscribers) if (sub.live) this.sendCheckpoint(sub);
    }
    if (appended) this.options.appended();
  }

  private deliver(sub: Subscriber, page: EncodedPage): void {
    if (sub.next < page.first) {
      // It lacks events before the page: it cannot be sent this one; it reads what it lacks from the log.
      sub.live = false;
      this.track(this.catchUp(sub, false));
      return;
    }
    if (sub.next >= page.end) return;
    const bytes = page.from(sub.next);
    sub.next = page.end;
    this.write(sub, bytes);
  }

  /** Up to PAGE events of the log from index `from`, before index `end`, encoded; at least one. */
  private async readPage(from: number, end: number): Promise<EncodedPage> {
    const entries = await this.source.entries(from, Math.min(end, from + PAGE));
    if (entries.length === 0 || entries[0]!.index !== from)
      throw new Error(`events from ${from} are missing from storage`);
    return new EncodedPage(entries);
  }

  private setCheckpoint(size: number): void {
    this.checkpoint = { size, bytes: sseBytes('checkpoint', { size }) };
  }

  private sendCheckpoint(sub: Subscriber): void {
    if (this.checkpoint.size <= sub.checkpoint) return;
    sub.checkpoint = this.checkpoint.size;
    this.write(sub, this.checkpoint.bytes);
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
    this.cancelRetry?.();
    this.cancelRetry = undefined;
    for (const sub of this.subscribers) sub.client.end();
    this.subscribers.clear();
    while (this.tasks.size > 0) await Promise.allSettled([...this.tasks]);
  }
}
