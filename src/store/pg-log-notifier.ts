import pg from 'pg';
import { decodeLogChange, LOG_CHANNEL } from './log-channel.ts';
import { LogListeners, type LogNotifier } from './log-notifier.ts';

/** Waits before connecting again after losing the connection: doubling from the first to the last. */
const RETRY_FIRST_MS = 100;
const RETRY_LAST_MS = 5000;

/**
 * News of appends and checkpoints from every process writing to one PostgreSQL database: one
 * dedicated connection LISTENs on the log channel (LedgerStore NOTIFYs in each append's
 * transaction, so only committed changes are announced). If the connection drops it is opened
 * again, and every listener is then told its log may have changed, since news may have been lost.
 */
export class PgLogNotifier implements LogNotifier {
  private readonly listeners = new LogListeners();
  private readonly config: pg.ClientConfig;
  private client: pg.Client | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private delay = RETRY_FIRST_MS;
  private closed = false;
  /** How many times a LISTEN connection was established. */
  connections = 0;
  /** True from LISTEN until the connection is lost or the notifier closed. */
  listening = false;

  private constructor(config: pg.ClientConfig) {
    this.config = { ...config, keepAlive: true };
  }

  /** Listens on a connection made as the pool makes them; refuses if the first one fails. */
  static async open(pool: pg.Pool): Promise<PgLogNotifier> {
    const notifier = new PgLogNotifier(pool.options);
    try {
      await notifier.connect();
    } catch (e) {
      await notifier.close();
      throw new Error(`Cannot listen for changes of the logs on the database: ${(e as Error).message}`);
    }
    return notifier;
  }

  /** The server process of the listening connection, while there is one (tests end it). */
  get backendPid(): number | undefined {
    return (this.client as (pg.Client & { processID?: number }) | undefined)?.processID;
  }

  subscribe(logId: string, changed: () => void): () => void {
    return this.listeners.add(logId, changed);
  }

  publish(logId: string): void {
    if (!this.closed) this.listeners.call(logId);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    clearTimeout(this.retry);
    this.listeners.clear();
    const client = this.client;
    this.client = undefined;
    if (client) await client.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    const client = new pg.Client(this.config);
    this.client = client;
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      this.listening = false;
      if (this.client === client) this.client = undefined;
      client.end().catch(() => {});
      this.reconnectLater();
    };
    client.on('error', onLost);
    client.on('end', onLost);
    client.on('notification', (n) => {
      if (this.closed || n.channel !== LOG_CHANNEL) return;
      this.listeners.call(decodeLogChange(n.payload).log);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${LOG_CHANNEL}`);
    } catch (e) {
      onLost();
      throw e;
    }
    if (lost || this.closed) {
      if (this.closed) await client.end().catch(() => {});
      return;
    }
    this.delay = RETRY_FIRST_MS;
    this.connections++;
    this.listening = true;
    // Whatever was appended while nobody listened is read from the logs themselves.
    this.listeners.call();
  }

  private reconnectLater(): void {
    if (this.closed || this.retry !== undefined) return;
    const wait = this.delay;
    this.delay = Math.min(this.delay * 2, RETRY_LAST_MS);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      // A failed attempt has already scheduled the next one.
      this.connect().catch(() => {});
    }, wait);
    this.retry.unref();
  }
}
