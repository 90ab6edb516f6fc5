import { describe, expect, it } from 'vitest';
import { fakeClock } from '../../test/helpers/fake-clock.ts';
import { fakeStream } from '../../test/helpers/fake-stream.ts';
import { HEARTBEAT_MS, HEARTBEAT_SLICES, StreamHeartbeat } from './stream-heartbeat.ts';

const beats = (s: ReturnType<typeof fakeStream>) => s.comments.filter((c) => c === 'heartbeat').length;

describe('StreamHeartbeat', () => {
  it('beats 500 streams with one timer, each once a period, never all of them at once', () => {
    const time = fakeClock();
    const heartbeat = new StreamHeartbeat(time.clock);
    const streams = Array.from({ length: 500 }, () => fakeStream());
    const stops = streams.map((s) => heartbeat.add(s.client));
    expect(time.pending).toBe(1);
    expect(heartbeat.timers).toBe(1);
    const tick = HEARTBEAT_MS / HEARTBEAT_SLICES;
    let most = 0;
    for (let t = 0; t < HEARTBEAT_SLICES; t++) {
      const before = streams.reduce((a, s) => a + beats(s), 0);
      time.advance(tick);
      most = Math.max(most, streams.reduce((a, s) => a + beats(s), 0) - before);
      expect(time.pending).toBe(1);
    }
    // A period later, each stream had exactly one beat, and no tick wrote to more than its slice.
    expect(streams.map(beats)).toEqual(streams.map(() => 1));
    expect(most).toBe(Math.ceil(500 / HEARTBEAT_SLICES));
    time.advance(HEARTBEAT_MS);
    expect(streams.map(beats)).toEqual(streams.map(() => 2));
    for (const stop of stops) stop();
    expect(heartbeat.size).toBe(0);
    expect(time.pending).toBe(0);
  });

  it('writes the same bytes to every stream', () => {
    const time = fakeClock();
    const heartbeat = new StreamHeartbeat(time.clock, HEARTBEAT_MS, 1);
    const [a, b] = [fakeStream(), fakeStream()];
    heartbeat.add(a.client);
    heartbeat.add(b.client);
    time.advance(HEARTBEAT_MS);
    expect(a.writes).toHaveLength(1);
    expect(a.writes[0]).toBe(b.writes[0]);
  });

  it('closes a stream backed up at two beats in a row with nothing read between, and only that one', () => {
    const time = fakeClock();
    const heartbeat = new StreamHeartbeat(time.clock, HEARTBEAT_MS, 1);
    const [stuck, slow, fine] = [fakeStream(), fakeStream(), fakeStream()];
    for (const s of [stuck, slow, fine]) heartbeat.add(s.client);
    stuck.block();
    slow.block();
    time.advance(HEARTBEAT_MS);
    // Backed up once: not written to (it is not quiet), not closed.
    expect([stuck.client.open, slow.client.open]).toEqual([true, true]);
    expect([beats(stuck), beats(slow), beats(fine)]).toEqual([0, 0, 1]);
    slow.unblock();
    time.advance(HEARTBEAT_MS);
    expect(stuck.aborted).toBe(true);
    expect([slow.client.open, fine.client.open]).toEqual([true, true]);
    expect(heartbeat.size).toBe(2);
    slow.block();
    time.advance(HEARTBEAT_MS);
    expect(slow.client.open).toBe(true);
    time.advance(HEARTBEAT_MS);
    expect(slow.aborted).toBe(true);
    expect(heartbeat.size).toBe(1);
    expect(beats(fine)).toBe(4);
  });

  it('keeps a slow reader backed up at every beat but draining between them', () => {
    const time = fakeClock();
    const heartbeat = new StreamHeartbeat(time.clock, HEARTBEAT_MS, 1);
    const slow = fakeStream();
    heartbeat.add(slow.client);
    slow.block();
    for (let i = 0; i < 5; i++) {
      time.advance(HEARTBEAT_MS);
      slow.drainOnce();
    }
    expect(slow.client.open).toBe(true);
    time.advance(HEARTBEAT_MS);
    time.advance(HEARTBEAT_MS);
    expect(slow.aborted).toBe(true);
  });

  it('forgets a stream that closed, and sets no timer once none is left', () => {
    const time = fakeClock();
    const heartbeat = new StreamHeartbeat(time.clock);
    const a = fakeStream();
    heartbeat.add(a.client);
    a.client.end();
    time.advance(HEARTBEAT_MS);
    expect(heartbeat.size).toBe(0);
    expect(time.pending).toBe(0);
    heartbeat.add(fakeStream().client);
    heartbeat.close();
    expect(time.pending).toBe(0);
  });
});
