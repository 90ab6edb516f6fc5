import type { ServerResponse } from 'node:http';

/** One Server-Sent Events message: its type, its data as one line of JSON, and its id if any. */
export function sseMessage(type: string, data: unknown, id?: number): string {
  return `event: ${type}\n${id === undefined ? '' : `id: ${id}\n`}data: ${JSON.stringify(data)}\n\n`;
}

/** Beyond this many bytes waiting to be sent, a stream is backed up: it is fed from the log instead. */
export const BACKLOG_BYTES = 1024 * 1024;

/** Where a log feed writes: one open event stream. */
export interface StreamClient {
  /** Writes text; false once the stream is backed up (BACKLOG_BYTES waiting) or closed. */
  write(text: string): boolean;
  /** Resolves once what is waiting has been sent, or the stream has closed. */
  drained(): Promise<void>;
  readonly open: boolean;
  /** Ends the stream. */
  end(): void;
}

/** A StreamClient over an HTTP response whose head has been written. */
export function responseClient(raw: ServerResponse): StreamClient {
  const open = () => !raw.writableEnded && !raw.destroyed;
  return {
    write(text) {
      if (!open()) return false;
      raw.write(text);
      return raw.writableLength < BACKLOG_BYTES;
    },
    drained: () =>
      new Promise<void>((done) => {
        if (!open() || raw.writableLength === 0) return done();
        raw.once('drain', done);
        raw.once('close', done);
      }),
    get open() {
      return open();
    },
    end() {
      if (open()) raw.end();
    },
  };
}
