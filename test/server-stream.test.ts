import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.ts';
import { json, serverFixture } from './server-fixture.ts';

interface Message {
  event: string;
  id?: string;
  data: string;
}

/** Reads Server-Sent Events from a response body: comments apart, message by message. */
function sseReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const comments: string[] = [];
  return {
    comments,
    async next(): Promise<Message | null> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields: Record<string, string> = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else {
              const i = line.indexOf(':');
              fields[line.slice(0, i)] = line.slice(i + 1).trimStart();
            }
          }
          if (fields.data !== undefined)
            return { event: fields.event ?? 'message', id: fields.id, data: fields.data };
          continue;
        }
        const { value, done } = await reader.read();
        if (done) return null;
        buffer += decoder.decode(value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}

describe.each(DIALECTS)('GET /api/logs/:id/stream on %s', (dialect) => {
  let s: Awaited<ReturnType<typeof serverFixture>>;
  let base: string;
  beforeAll(async () => {
    s = await serverFixture(dialect);
    base = await s.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => s.close());

  const append = (bytes: Uint8Array) => {
    const body = new TextDecoder().decode(bytes);
    return fetch(`${base}/api/logs/test-log/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...s.as(JSON.parse(body).event.actor) },
      body,
    });
  };

  it('announces each event appended after connecting, exactly once, in order', async () => {
    const before = s.f.event('monitor', 'statement', { text: 'before connecting' });
    expect((await append(before)).status).toBe(201);
    const controller = new AbortController();
    const r = await fetch(`${base}/api/logs/test-log/stream`, { signal: controller.signal });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(r.headers.get('cache-control')).toBe('no-cache');
    const sse = sseReader(r.body!);
    const first = s.f.event('monitor', 'statement', { text: 'one' });
    const second = s.f.event('party-a', 'statement', { text: 'two' });
    const a1 = json({ body: await (await append(first)).text() });
    // The same event again is a duplicate (200): not news.
    expect((await append(first)).status).toBe(200);
    const a2 = json({ body: await (await append(second)).text() });
    const got = [await sse.next(), await sse.next()];
    expect(sse.comments).toContain('connected');
    expect(got).toEqual([
      {
        event: 'event',
        id: String(a1.index),
        data: JSON.stringify({ index: a1.index, leafHash: a1.leafHash, kind: 'statement' }),
      },
      {
        event: 'event',
        id: String(a2.index),
        data: JSON.stringify({ index: a2.index, leafHash: a2.leafHash, kind: 'statement' }),
      },
    ]);
    expect(a2.index).toBe((a1.index as number) + 1);
    // Nothing else arrives: a third append is the next message, not a repeat.
    const third = json({
      body: await (await append(s.f.event('monitor', 'statement', { text: 'three' }))).text(),
    });
    expect(JSON.parse((await sse.next())!.data)).toMatchObject({ index: third.index });
    controller.abort();
    await sse.cancel().catch(() => {});
  });

  it('an unknown log is 404 problem+json, not a stream', async () => {
    const r = await fetch(`${base}/api/logs/nope/stream`);
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await r.json()) as { code: string }).code).toBe('log-not-found');
  });

  it('closing the server ends open streams instead of waiting for them', async () => {
    const r = await fetch(`${base}/api/logs/test-log/stream`);
    const sse = sseReader(r.body!);
    const ended = sse.next();
    await s.app.close();
    expect(await ended).toBeNull();
    expect(sse.comments).toContain('connected');
  });
});
