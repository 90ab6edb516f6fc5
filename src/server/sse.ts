import type { ServerResponse } from 'node:http';

/** One Server-Sent Events message: its type, its data as one line of JSON, and its id if any. */
export function sseMessage(type: string, data: unknown, id?: number): string {
  return `event: ${type}\n${id === undefined ? '' : `id: ${id}\n`}data: ${JSON.stringify(data)}\n\n`;
}

/** A message as the bytes written to every stream that is sent it: encoded once, never per stream. */
export function sseBytes(type: string, data: unknown, id?: number): Buffer {
  return Buffer.from(sseMessage(type, data, id));
}

/** Beyond this many bytes waiting to be sent, a stream is backed up: it is fed from the log instead. */
export const BACKLOG_BYTES = 1024 * 1024;
/**
 * A stream never holds more than this waiting: a write beyond it closes the connection (its reader
 * reconnects with Last-Event-ID). The feed stops writing at BACKLOG_BYTES, so only a bug reaches it.
 */
export const MAX_BACKLOG_BYTES = 4 * BACKLOG_BYTES;

/** Where a log feed writes: one open event stream. */
export interface StreamClient {
  /**
   * Writes a message (the same bytes may be written to many streams); false once the stream is
   * backed up (BACKLOG_BYTES waiting) or closed.
   */
  write(bytes: string | Uint8Array): boolean;
  /** Resolves once what is waiting has been sent, or the stream has closed. */
  drained(): Promise<void>;
  readonly open: boolean;
  /** BACKLOG_BYTES or more wait to be sent: its reader is not keeping up. */
  readonly backedUp: boolean;
  /** How many times what waited has all been sent: a reader that stopped reading adds none. */
  readonly drains: number;
  /** Ends the stream once what waits has been sent. */
  end(): void;
  /** Closes the connection at once, dropping what waits to be sent (a reader that stopped reading). */
  abort(): void;
}

/** A StreamClient over an HTTP response whose head has been written. */
export function responseClient(raw: ServerResponse): StreamClient {
  const open = () => !raw.writableEnded && !raw.destroyed;
  let drains = 0;
  raw.on('drain', () => drains++);
  return {
    write(bytes) {
      if (!open()) return false;
      if (raw.writableLength >= MAX_BACKLOG_BYTES) {
        raw.destroy();
        return false;
      }
      raw.write(bytes);
      return raw.writableLength < BACKLOG_BYTES;
    },
    drained: () =>
      new Promise<void>((done) => {
        if (!open() || raw.writableLength === 0) return done();
        // Whichever comes first removes the other: a reader that backs up again and again adds no listener.
        const finish = () => {
          raw.off('drain', finish);
          raw.off('close', finish);
          done();
        };
        raw.on('drain', finish);
        raw.on('close', finish);
      }),
    get open() {
      return open();
    },
    get backedUp() {
      return open() && raw.writableLength >= BACKLOG_BYTES;
    },
    get drains() {
      return drains;
    },
    end() {
      if (open()) raw.end();
    },
    abort() {
      if (!raw.destroyed) raw.destroy();
    },
  };
}
