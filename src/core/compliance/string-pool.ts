/**
 * One copy of each short string the events of a log repeat: the log's id, the kinds, the actors,
 * a figure's provision, day, unit, category and source. JSON.parse makes a new string for each
 * value of each event, and an evaluator keeps every event it is given: at a million events those
 * copies were half of what the events held (some 180 bytes an event of 360). Strings are equal
 * whether pooled or not, so pooling changes no result, only the memory that holds it.
 *
 * The pool is bounded: once it holds `limit` strings it starts again empty (strings already shared
 * stay shared), so a log whose short strings never repeat (free text) costs a bounded map, not
 * one the size of the log.
 */
export class StringPool {
  private strings = new Map<string, string>();
  private readonly limit: number;
  private readonly longest: number;

  constructor(limit = 50_000, longest = 40) {
    this.limit = limit;
    this.longest = longest;
  }

  /** How many strings the pool holds now. */
  get size(): number {
    return this.strings.size;
  }

  /** The pool's copy of `s` (`s` itself the first time, or when it is too long to pool). */
  string(s: string): string {
    if (s.length > this.longest) return s;
    const held = this.strings.get(s);
    if (held !== undefined) return held;
    if (this.strings.size >= this.limit) this.strings = new Map();
    this.strings.set(s, s);
    return s;
  }

  /**
   * Every short string value in `value` (its objects and arrays, at any depth; never keys) replaced,
   * in place, by the pool's copy. An event's two instants, when equal, become one string (each is
   * unique to its event: pooling them would fill the pool for nothing).
   */
  pool(value: unknown): void {
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const v = value[i];
        if (typeof v === 'string') value[i] = this.string(v);
        else this.pool(v);
      }
      return;
    }
    const o = value as Record<string, unknown>;
    for (const key in o) {
      const v = o[key];
      if (typeof v === 'string') {
        if (key === 'occurredAt' || key === 'recordedAt') continue;
        o[key] = this.string(v);
      } else this.pool(v);
    }
    if (typeof o.occurredAt === 'string' && o.recordedAt === o.occurredAt) o.recordedAt = o.occurredAt;
  }
}
