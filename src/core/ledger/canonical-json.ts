/**
 * RFC 8785 JSON Canonicalization Scheme (https://www.rfc-editor.org/rfc/rfc8785): one exact text
 * for a JSON value, so that its hash and signature do not depend on who serialised it.
 */
import { LedgerError } from './ledger-error.ts';

/** True when a string holds a UTF-16 surrogate that is not part of a pair (not valid I-JSON). */
function hasLoneSurrogate(s: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

function fail(path: string, what: string): never {
  throw new LedgerError('json-not-canonicalizable', `Cannot canonicalize ${path}: ${what}.`);
}

/**
 * Where a value is, as a list of steps from the root (a member's name, an element's index):
 * written out as a path ("$.body.list[3]") only for an error message, so that a value written
 * without fault costs no string for its path.
 */
type Steps = (string | number)[];
const pathOf = (steps: Steps) =>
  `$${steps.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('')}`;

/**
 * JSON.stringify of a string, on valid Unicode only. JSON.stringify (ES2019) writes a lone
 * surrogate as a \u escape, so a text without one has none: only then is the string searched.
 */
function quoted(s: string, steps: Steps, what: string): string {
  const j = JSON.stringify(s);
  if (j.includes('\\u') && hasLoneSurrogate(s)) fail(pathOf(steps), what);
  return j;
}

function write(value: unknown, steps: Steps, seen: Set<object>): string {
  if (typeof value === 'string') {
    // RFC 8785 §3.2.2.2: the escaping of JSON.stringify (ES2019), on valid Unicode only.
    return quoted(value, steps, 'a string holds a lone UTF-16 surrogate');
  }
  if (typeof value === 'object' && value !== null) {
    if (seen.has(value)) fail(pathOf(steps), 'the value contains itself (a cycle)');
    seen.add(value);
    const text = writeContainer(value, steps, seen);
    seen.delete(value);
    return text;
  }
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    // RFC 8785 §3.2.2.3: numbers are serialised as ECMAScript's Number.prototype.toString.
    if (!Number.isFinite(value)) fail(pathOf(steps), `${value} is not a JSON number`);
    return JSON.stringify(value);
  }
  return fail(pathOf(steps), `a ${typeof value} is not JSON data`);
}

function writeContainer(value: object, steps: Steps, seen: Set<object>): string {
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      steps.push(i);
      // JSON.stringify would write null for these: a hash over changed data. Refuse instead.
      if (value[i] === undefined) fail(pathOf(steps), 'an array element is undefined or missing');
      if (i) out += ',';
      out += write(value[i], steps, seen);
      steps.pop();
    }
    return `${out}]`;
  }
  if (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null) {
    // RFC 8785 §3.2.3: members sorted by their names as arrays of UTF-16 code units.
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    let out = '{';
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (i) out += ',';
      out += `${quoted(k, steps, 'a property name holds a lone UTF-16 surrogate')}:`;
      steps.push(k);
      out += write(record[k], steps, seen);
      steps.pop();
    }
    return `${out}}`;
  }
  return fail(pathOf(steps), `a ${value.constructor?.name ?? 'object'} is not JSON data`);
}

/**
 * RFC 8785 (JSON Canonicalization Scheme) text of a JSON value. A member whose value is
 * undefined is an absent member, as for TypeScript's optional properties and JSON.stringify;
 * undefined anywhere else, non-finite numbers, lone surrogates, cycles and non-JSON objects
 * (Date, Map, class instances, bigint) throw a LedgerError 'json-not-canonicalizable'.
 */
export function canonicalize(value: unknown): string {
  if (plainInOrder(value, 0)) {
    // JSON.stringify writes what write() would: no member to sort, nothing it would refuse, and
    // a string with a \u escape (a control character, or a lone surrogate to refuse) goes the long way.
    const text = JSON.stringify(value);
    if (!text.includes('\\u')) return text;
  }
  return write(value, [], new Set());
}

/**
 * True when JSON.stringify of `value` is its canonical text but for string escapes: JSON data
 * alone (strings, finite numbers, booleans, null, arrays without holes, plain objects), each
 * object's members already in RFC 8785 order (the order JSON.stringify writes them in: the order
 * of Object.keys), no deeper than 32 levels (so a cycle is left to write(), which names it).
 * A stored or received event is canonical already: it is then written by the engine in one call.
 */
function plainInOrder(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (depth > 32) return false;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const v = value[i];
          if (v === undefined || !plainInOrder(v, depth + 1)) return false;
        }
        return true;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      const record = value as Record<string, unknown>;
      let last: string | undefined;
      for (const k in record) {
        if (!Object.hasOwn(record, k)) return false;
        if (last !== undefined && !(last < k)) return false;
        last = k;
        const v = record[k];
        if (v !== undefined && !plainInOrder(v, depth + 1)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/** The UTF-8 bytes of the canonical text: what is hashed and signed. */
export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalize(value));
}
