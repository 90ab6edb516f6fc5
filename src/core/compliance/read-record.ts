/**
 * What one judgment read (an obligation's status, or the plan and records every status rests on):
 * the kinds of events it read, the answers the clock gave it, and the values it read from the
 * maps the judgments of conditions fill. The live evaluator keeps a status with its record and
 * hands it out again as long as nothing it read has changed (see JudgmentMemo): a status then
 * changes only with the events that touch it, or when the clock passes a moment it depends on.
 */
export class ReadRecord {
  /** The kinds of events read (a key of LiveLog's versions). */
  readonly kinds = new Set<string>();
  /** The clock's answers, in the order asked. */
  readonly clock: { op: 'before' | 'minutesSince'; at: number; answer: boolean | number }[] = [];
  /** Values read from the maps of conditions (shift, waiting, met), as JSON. */
  readonly maps: { map: string; key: string; value: string | undefined }[] = [];
  /** Whether the moment itself was read (not through the clock): the judgment holds for that moment only. */
  moment = false;
}

/** The records being kept: a read counts for every judgment under way (one may run inside another). */
export class Reads {
  private readonly open: ReadRecord[] = [];

  /** `f`'s value, and what it read. */
  record<T>(f: () => T): { value: T; read: ReadRecord } {
    const read = new ReadRecord();
    this.open.push(read);
    try {
      return { value: f(), read };
    } finally {
      this.open.pop();
    }
  }

  /** `f`'s value, its reads noted in no record (what it gives is noted under another key). */
  unnoted<T>(f: () => T): T {
    const open = this.open.splice(0);
    try {
      return f();
    } finally {
      this.open.push(...open);
    }
  }

  kind(kind: string): void {
    for (const r of this.open) r.kinds.add(kind);
  }

  clock(op: 'before' | 'minutesSince', at: number, answer: boolean | number): void {
    for (const r of this.open) r.clock.push({ op, at, answer });
  }

  map(map: string, key: string, value: unknown): void {
    if (this.open.length === 0) return;
    const json = value === undefined ? undefined : JSON.stringify(value);
    for (const r of this.open) r.maps.push({ map, key, value: json });
  }

  moment(): void {
    for (const r of this.open) r.moment = true;
  }

  /** Notes again what a judgment read (one kept, handed out again inside another under way). */
  replay(read: ReadRecord): void {
    for (const r of this.open) {
      for (const k of read.kinds) r.kinds.add(k);
      r.clock.push(...read.clock);
      r.maps.push(...read.maps);
      if (read.moment) r.moment = true;
    }
  }
}

const minutes = (ms: number) => Math.round(ms / 60_000);

/**
 * The moment of an evaluation as judgments ask about it: whether it is before an instant, and how
 * many whole minutes (rounded) it is after one. Each answer is noted in the records under way.
 */
export class Clock {
  readonly at: number;
  private readonly reads: Reads | undefined;

  constructor(at: number, reads?: Reads) {
    this.at = at;
    this.reads = reads;
  }

  /** Whether the moment is before `instant`. */
  before(instant: number): boolean {
    const answer = this.at < instant;
    this.reads?.clock('before', instant, answer);
    return answer;
  }

  /** Minutes from `instant` to the moment, rounded. */
  minutesSince(instant: number): number {
    const answer = minutes(this.at - instant);
    this.reads?.clock('minutesSince', instant, answer);
    return answer;
  }

  /** Whether every answer in `read` is the same at `at`. */
  static sameAt(read: ReadRecord, at: number): boolean {
    for (const q of read.clock) {
      const answer = q.op === 'before' ? at < q.at : minutes(at - q.at);
      if (answer !== q.answer) return false;
    }
    return true;
  }
}

/** A map the judgments of conditions fill and judgments of obligations read: each read is noted. */
export class ReadMap<V> extends Map<string, V> {
  /** Its name among the maps of one evaluation. */
  readonly name: string;
  private readonly reads: Reads | undefined;

  constructor(name: string, reads?: Reads) {
    super();
    this.name = name;
    this.reads = reads;
  }

  /** Whether every value `read` took from the map of this name is the same in this one. */
  static sameIn(read: ReadRecord, maps: readonly ReadMap<unknown>[]): boolean {
    for (const r of read.maps) {
      const map = maps.find((m) => m.name === r.map);
      const value = map ? Map.prototype.get.call(map, r.key) : undefined;
      if ((value === undefined ? undefined : JSON.stringify(value)) !== r.value) return false;
    }
    return true;
  }

  override get(key: string): V | undefined {
    const value = super.get(key);
    this.reads?.map(this.name, key, value);
    return value;
  }

  override has(key: string): boolean {
    this.reads?.map(this.name, key, super.get(key));
    return super.has(key);
  }
}
