import type { StreamClient } from '../../src/server/sse.ts';
import { type SseMessage, sseParser } from './sse.ts';

/** A stream that records what it is sent; `block` makes it report a backed-up connection. */
export function fakeStream() {
  const parser = sseParser();
  const messages: SseMessage[] = [];
  let open = true;
  let blocked = false;
  const waiting: (() => void)[] = [];
  /** Each write's argument, as given. */
  const writes: (string | Uint8Array)[] = [];
  let aborted = false;
  let drains = 0;
  const release = () => {
    for (const w of waiting.splice(0)) w();
  };
  const client: StreamClient = {
    write(bytes) {
      if (!open) return false;
      writes.push(bytes);
      messages.push(...parser.push(typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes)));
      return !blocked;
    },
    drained: () => (blocked && open ? new Promise<void>((done) => waiting.push(done)) : Promise.resolve()),
    get open() {
      return open;
    },
    get backedUp() {
      return open && blocked;
    },
    get drains() {
      return drains;
    },
    end() {
      open = false;
      release();
    },
    abort() {
      open = false;
      aborted = true;
      release();
    },
  };
  return {
    client,
    messages,
    /** The comments received (connected, heartbeat). */
    comments: parser.comments,
    writes,
    /** Closed by abort (not end). */
    get aborted() {
      return aborted;
    },
    /** The indexes of the events received, in order. */
    indexes: () => messages.filter((m) => m.event === 'event').map((m) => JSON.parse(m.data).index as number),
    block() {
      blocked = true;
    },
    unblock() {
      blocked = false;
      drains++;
      release();
    },
    /** What waited was all read, but the reader is behind again. */
    drainOnce() {
      drains++;
    },
  };
}
