import { once } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeClock } from '../../test/helpers/fake-clock.ts';
import { BACKLOG_BYTES, MAX_BACKLOG_BYTES, responseClient } from './sse.ts';
import { HEARTBEAT_MS, StreamHeartbeat } from './stream-heartbeat.ts';

const CHUNK = Buffer.alloc(64 * 1024, 'a');

/** An event stream on loopback whose reader never reads: the server's response and the reader's socket. */
async function stuckStream(cleanup: (() => void)[]) {
  const responses: ServerResponse[] = [];
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.flushHeaders();
    responses.push(res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  const reader: Socket = connect(port, '127.0.0.1');
  reader.on('error', () => {});
  reader.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
  // It reads the head, then nothing more.
  await once(reader, 'data');
  reader.pause();
  cleanup.push(() => {
    reader.destroy();
    server.close();
    server.closeAllConnections();
  });
  return { res: responses[0]!, reader };
}

/** Writes until the client reports it backed up (the kernel's buffers full, then a megabyte waiting). */
function fillUntilBackedUp(client: ReturnType<typeof responseClient>) {
  for (let i = 0; i < 20_000; i++) if (!client.write(CHUNK)) return;
  throw new Error('never backed up');
}

describe('an event stream whose reader stops reading', () => {
  const cleanup: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanup.splice(0)) c();
  });

  it('reports itself backed up at BACKLOG_BYTES waiting, and is closed by the heartbeat a period later, freeing what waited', async () => {
    const { res } = await stuckStream(cleanup);
    const client = responseClient(res);
    const time = fakeClock();
    const heartbeat = new StreamHeartbeat(time.clock, HEARTBEAT_MS, 1);
    heartbeat.add(client);
    fillUntilBackedUp(client);
    expect(client.backedUp).toBe(true);
    expect(res.writableLength).toBeGreaterThanOrEqual(BACKLOG_BYTES);
    expect(res.writableLength).toBeLessThan(BACKLOG_BYTES + 2 * CHUNK.length);
    const closed = once(res, 'close');
    time.advance(HEARTBEAT_MS);
    expect(client.open).toBe(true);
    time.advance(HEARTBEAT_MS);
    await closed;
    expect(client.open).toBe(false);
    expect(res.destroyed).toBe(true);
    expect(heartbeat.size).toBe(0);
    expect(client.write(CHUNK)).toBe(false);
  });

  it('waiting for it to drain again and again leaves no listener behind', async () => {
    const { res, reader } = await stuckStream(cleanup);
    const client = responseClient(res);
    const listeners = () => res.listenerCount('drain') + res.listenerCount('close');
    const before = listeners();
    for (let i = 0; i < 20; i++) {
      fillUntilBackedUp(client);
      const drained = client.drained();
      // The reader reads what waits, then stops again.
      reader.resume();
      await drained;
      reader.pause();
    }
    expect(listeners()).toBe(before);
  });

  it('a writer that ignores the backlog cannot make it hold more than MAX_BACKLOG_BYTES: the connection is closed', async () => {
    const { res } = await stuckStream(cleanup);
    const client = responseClient(res);
    fillUntilBackedUp(client);
    const closed = once(res, 'close');
    let writes = 0;
    while (client.write(CHUNK) || client.open) {
      writes++;
      expect(res.writableLength).toBeLessThan(MAX_BACKLOG_BYTES + CHUNK.length);
      if (writes > 1000) throw new Error('never closed');
    }
    await closed;
    expect(res.destroyed).toBe(true);
  });
});
