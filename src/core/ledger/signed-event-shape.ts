import type { z } from 'zod';
import { EventEnvelope, SignedEvent } from './event.ts';
import { EventBodies, type EventKind } from './event-kinds.ts';

/**
 * A signed event's schemas (SignedEvent, then the body's of its kind) applied to a value JSON
 * gave, with the objects' rules written out: which members an object may have and must have. Each
 * member's value is still judged by its own schema (a string's length and pattern, a date, a
 * figure source), and the body by the schema of its kind; only zod's walk of the two outer
 * objects is left out, some half of the time it takes to check an event (verify checks a million).
 * It decides nothing alone: it gives the event only when the schemas would give the same data
 * (nothing dropped, nothing changed), and undefined when the value is not one it is sure of, for
 * the schemas to judge in full (and to say what is wrong).
 */
export function schemasGive(value: unknown): SignedEvent | undefined {
  if (!plainObject(value)) return undefined;
  for (const k in value) if (k !== 'event' && k !== 'signature') return undefined;
  const { event, signature } = value;
  if (!plainObject(signature)) return undefined;
  for (const k in signature) if (k !== 'key' && k !== 'sig') return undefined;
  if (!same(SIGNATURE.key, signature.key) || !same(SIGNATURE.sig, signature.sig)) return undefined;
  if (!plainObject(event)) return undefined;
  for (const k in event) {
    const schema = MEMBERS.get(k);
    // `v`, `kind` and `body` are judged below; every other member by its own schema.
    if (
      !schema ||
      (schema !== ENVELOPE.v &&
        schema !== ENVELOPE.kind &&
        schema !== ENVELOPE.body &&
        !same(schema, event[k]))
    )
      return undefined;
  }
  for (const k of REQUIRED) if (!(k in event)) return undefined;
  if (event.v !== 1 || typeof event.kind !== 'string' || !Object.hasOwn(EventBodies, event.kind))
    return undefined;
  if (!plainObject(event.body)) return undefined;
  const body = EventBodies[event.kind as EventKind].safeParse(event.body);
  if (!body.success || !sameData(body.data, event.body)) return undefined;
  // In the order the schemas give their members (what a reader of the event sees), the body as its
  // schema gives it.
  const out: Record<string, unknown> = {};
  for (const k of MEMBERS.keys()) if (k in event) out[k] = k === 'body' ? body.data : event[k];
  return {
    event: out as EventEnvelope,
    signature: { key: signature.key as string, sig: signature.sig as string },
  };
}

const ENVELOPE = EventEnvelope.shape;
const SIGNATURE = SignedEvent.shape.signature.shape;
const MEMBERS = new Map<string, z.ZodType>(Object.entries(ENVELOPE));
/** The members an envelope must have: those its schema refuses to leave out. */
const REQUIRED = [...MEMBERS].filter(([, schema]) => !schema.safeParse(undefined).success).map(([k]) => k);

/** An object as JSON gives one: not null, no array, its prototype Object's. */
function plainObject(v: unknown): v is Record<string, unknown> {
  return (
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype
  );
}

/** The schema takes `v` and gives it back as it is (a string: the same string; otherwise the same data). */
function same(schema: z.ZodType, v: unknown): boolean {
  if (v === undefined) return false;
  const r = schema.safeParse(v);
  return r.success && (r.data === v || sameData(r.data, v));
}

/** Two JSON values are the same data: the same members with the same values, whatever their order. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (!Object.hasOwn(x, k)) continue;
    if (!Object.hasOwn(y, k) || !sameData(x[k], y[k])) return false;
    n++;
  }
  for (const k in y) if (Object.hasOwn(y, k)) n--;
  return n === 0;
}
