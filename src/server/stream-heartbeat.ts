import type { StreamClient } from './sse.ts';
import type { TimerClock } from './timer-clock.ts';

/** A comment line every so often keeps proxies from closing a quiet stream. */
export const HEARTBEAT_MS = 15_000;
/** The streams are beaten in this many slices, one slice per tick: a period's writes spread over it. */
export const HEARTBEAT_SLICES = 15;

const BEAT = Buffer.from(': heartbeat\n\n');

interface Member {
  client: StreamClient;
  slice: Set<Member>;
  /** It was backed up at the last beat, and how many times it had drained then. */
  backedUpAt: number | undefined;
}

/**
 * The heartbeats of every open stream, by one timer: each tick (HEARTBEAT_MS / HEARTBEAT_SLICES)
 * writes the comment to one slice of the streams, so each stream gets it once a period and never
 * are all the streams written to at once. A stream backed up at two beats in a row without having
 * drained between (its reader read nothing for a whole period) is closed: what waited for it is
 * freed, and its reader reconnects with Last-Event-ID. A slow reader that keeps draining is kept.
 * The timer runs only while a stream is open.
 */
export class StreamHeartbeat {
  private readonly clock: TimerClock;
  private readonly periodMs: number;
  private readonly slices: Set<Member>[];
  /** The slice the next tick beats. */
  private turn = 0;
  private cancel: (() => void) | undefined;
  private members = 0;

  constructor(clock: TimerClock, periodMs = HEARTBEAT_MS, slices = HEARTBEAT_SLICES) {
    if (!(slices >= 1 && Number.isInteger(slices))) throw new RangeError('slices must be a positive integer');
    this.clock = clock;
    this.periodMs = periodMs;
    this.slices = Array.from({ length: slices }, () => new Set<Member>());
  }

  /** Beats `client` until the function returned is called (or it closes). */
  add(client: StreamClient): () => void {
    // The smallest slice: the slices stay even as streams come and go.
    const slice = this.slices.reduce((a, b) => (b.size < a.size ? b : a));
    const member: Member = { client, slice, backedUpAt: undefined };
    slice.add(member);
    this.members++;
    this.schedule();
    return () => this.remove(member);
  }

  /** Streams beaten. */
  get size(): number {
    return this.members;
  }

  /** Timers set: one while any stream is beaten, none otherwise. */
  get timers(): number {
    return this.cancel ? 1 : 0;
  }

  private remove(member: Member): void {
    if (member.slice.delete(member)) this.members--;
    if (this.members === 0) {
      this.cancel?.();
      this.cancel = undefined;
    }
  }

  private schedule(): void {
    if (this.cancel || this.members === 0) return;
    this.cancel = this.clock.after(this.periodMs / this.slices.length, () => {
      this.cancel = undefined;
      this.tick();
      this.schedule();
    });
  }

  private tick(): void {
    const slice = this.slices[this.turn]!;
    this.turn = (this.turn + 1) % this.slices.length;
    for (const member of [...slice]) {
      const { client } = member;
      if (!client.open) this.remove(member);
      else if (!client.backedUp) {
        member.backedUpAt = undefined;
        client.write(BEAT);
      } else if (member.backedUpAt === client.drains) {
        // Backed up a period ago, and nothing of what waited has been read since.
        client.abort();
        this.remove(member);
      } else member.backedUpAt = client.drains;
    }
  }

  /** Stops beating every stream. */
  close(): void {
    for (const slice of this.slices) slice.clear();
    this.members = 0;
    this.cancel?.();
    this.cancel = undefined;
  }
}
