import { describe, expect, it } from 'vitest';
import { fakeClock } from '../../test/helpers/fake-clock.ts';
import { fakeStream } from '../../test/helpers/fake-stream.ts';
import type { StoredEntry } from '../store/ledger-store.ts';
import { EncodedPage, EventFanOut, type LogSource, PAGE } from './event-fan-out.ts';
import { BACKLOG_BYTES } from './sse.ts';

const entry = (index: number) =>
  ({
    index,
    leafHash: index.toString(16).padStart(64, '0'),
    event: { event: { kind: 'statement' } },
  }) as StoredEntry;

/** A log in memory: `append` adds events; no storage. */
function memoryLog() {
  const entries: StoredEntry[] = [];
  let heads = 0;
  const source: LogSource = {
    head: async () => {
      heads++;
      return { size: entries.length, checkpoint: 0 };
    },
    entries: async (from, end) => entries.slice(from, end),
  };
  return {
    source,
    /** Reads of the head so far. */
    heads: () => heads,
    append(count: number) {
      for (let i = 0; i < count; i++) entries.push(entry(entries.length));
    },
  };
}

function setup() {
  const log = memoryLog();
  const errors: string[] = [];
  let appended = 0;
  const fanOut = new EventFanOut(log.source, {
    clock: fakeClock().clock,
    appended: () => appended++,
    onError: (m) => errors.push(m),
  });
  return { log, fanOut, errors, appended: () => appended };
}

const bytesOf = (w: string | Uint8Array) => (typeof w === 'string' ? Buffer.byteLength(w) : w.byteLength);

describe('EventFanOut', () => {
  it('encodes each page once: every live stream is written the same bytes, in one write', async () => {
    const { log, fanOut, errors, appended } = setup();
    const streams = Array.from({ length: 50 }, () => fakeStream());
    for (const s of streams) await fanOut.join(s.client, undefined, () => {});
    await new Promise((done) => setImmediate(done));
    log.append(3);
    await fanOut.pump();
    // After ': connected', one write each: the page, the very same buffer for all.
    const pages = streams.map((s) => s.writes.slice(1));
    expect(pages.map((p) => p.length)).toEqual(streams.map(() => 1));
    expect(new Set(pages.map((p) => p[0])).size).toBe(1);
    expect(streams[0]!.indexes()).toEqual([0, 1, 2]);
    expect(appended()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('streams opening at once share one read of the log head, and each starts at the size read after it asked', async () => {
    const { log, fanOut } = setup();
    log.append(4);
    await fanOut.ready;
    const before = log.heads();
    const streams = Array.from({ length: 200 }, () => fakeStream());
    await Promise.all(streams.map((s) => fanOut.join(s.client, undefined, () => {})));
    expect(log.heads() - before).toBe(1);
    log.append(2);
    const late = fakeStream();
    await fanOut.join(late.client, undefined, () => {});
    expect(log.heads() - before).toBe(2);
    await fanOut.pump();
    // The first 200 opened at size 4; the last at 6: it is not sent the events before it asked.
    expect(streams[0]!.indexes()).toEqual([4, 5]);
    expect(late.indexes()).toEqual([]);
  });

  it('stops writing to a stream whose connection backs up: what waits for it stays under a page past BACKLOG_BYTES', async () => {
    const { log, fanOut } = setup();
    const stuck = fakeStream();
    const fine = fakeStream();
    await fanOut.join(stuck.client, undefined, () => {});
    await fanOut.join(fine.client, undefined, () => {});
    await new Promise((done) => setImmediate(done));
    // Writes to `stuck` succeed but report it backed up once a megabyte waits, as a socket does.
    let waiting = 0;
    const write = stuck.client.write.bind(stuck.client);
    stuck.client.write = (bytes) => {
      write(bytes);
      waiting += bytesOf(bytes);
      return waiting < BACKLOG_BYTES;
    };
    stuck.block();
    let pageBytes = 0;
    for (let round = 0; round < 40; round++) {
      log.append(PAGE);
      await fanOut.pump();
      pageBytes = Math.max(pageBytes, ...fine.writes.slice(-1).map(bytesOf));
    }
    expect(fine.indexes()).toHaveLength(40 * PAGE);
    // It was written to until it backed up, then not at all (a page more at most).
    expect(waiting).toBeGreaterThanOrEqual(BACKLOG_BYTES);
    expect(waiting).toBeLessThan(BACKLOG_BYTES + pageBytes);
    expect(stuck.indexes().length).toBeLessThan(40 * PAGE);
    // Drained, it catches up from the log, missing nothing.
    stuck.client.write = write;
    stuck.unblock();
    for (let i = 0; i < 100 && stuck.indexes().length < 40 * PAGE; i++)
      await new Promise((done) => setImmediate(done));
    expect(stuck.indexes()).toEqual(fine.indexes());
  });

  it('a stream that closes leaves, and is told so once', async () => {
    const { log, fanOut } = setup();
    const a = fakeStream();
    let left = 0;
    await fanOut.join(a.client, undefined, () => left++);
    await new Promise((done) => setImmediate(done));
    a.client.end();
    log.append(1);
    await fanOut.pump();
    log.append(1);
    await fanOut.pump();
    expect(left).toBe(1);
    expect(fanOut.size).toBe(0);
  });
});

describe('EncodedPage', () => {
  it('gives the messages from any of its events to its end, sharing one buffer', () => {
    const page = new EncodedPage([entry(7), entry(8), entry(9)]);
    const all = page.from(7).toString();
    expect(all.split('\n\n').filter(Boolean)).toHaveLength(3);
    expect(page.from(9).toString()).toBe(all.slice(all.lastIndexOf('event: event')));
    expect(page.from(8).buffer).toBe(page.from(7).buffer);
    expect(() => page.from(10)).toThrow(RangeError);
    expect(() => new EncodedPage([entry(1), entry(3)])).toThrow(RangeError);
  });
});
