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

function write(value: unknown, path: string, out: string[], seen: Set<object>): void {
  if (typeof value === 'object' && value !== null) {
    if (seen.has(value)) fail(path, 'the value contains itself (a cycle)');
    seen.add(value);
    writeContainer(value, path, out, seen);
    seen.delete(value);
  } else if (value === null || typeof value === 'boolean') {
    out.push(String(value));
  } else if (typeof value === 'number') {
    // RFC 8785 §3.2.2.3: numbers are serialised as ECMAScript's Number.prototype.toString.
    if (!Number.isFinite(value)) fail(path, `${value} is not a JSON number`);
    out.push(JSON.stringify(value));
  } else if (typeof value === 'string') {
    // RFC 8785 §3.2.2.2: the escaping of JSON.stringify (ES2019), on valid Unicode only.
    if (hasLoneSurrogate(value)) fail(path, 'a string holds a lone UTF-16 surrogate');
    out.push(JSON.stringify(value));
  } else {
    fail(path, `a ${typeof value} is not JSON data`);
  }
}

function writeContainer(value: object, path: string, out: string[], seen: Set<object>): void {
  if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      // JSON.stringify would write null for these: a hash over changed data. Refuse instead.
      if (value[i] === undefined) fail(`${path}[${i}]`, 'an array element is undefined or missing');
      if (i) out.push(',');
      write(value[i], `${path}[${i}]`, out, seen);
    }
    out.push(']');
  } else if (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null) {
    // RFC 8785 §3.2.3: members sorted by their names as arrays of UTF-16 code units.
    const keys = Object.keys(value as object)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort();
    out.push('{');
    keys.forEach((k, i) => {
      if (hasLoneSurrogate(k)) fail(path, 'a property name holds a lone UTF-16 surrogate');
      if (i) out.push(',');
      out.push(JSON.stringify(k), ':');
      write((value as Record<string, unknown>)[k], `${path}.${k}`, out, seen);
    });
    out.push('}');
  } else {
    fail(path, `a ${value.constructor?.name ?? 'object'} is not JSON data`);
  }
}

/**
 * RFC 8785 (JSON Canonicalization Scheme) text of a JSON value. A member whose value is
 * undefined is an absent member, as for TypeScript's optional properties and JSON.stringify;
 * undefined anywhere else, non-finite numbers, lone surrogates, cycles and non-JSON objects
 * (Date, Map, class instances, bigint) throw a LedgerError 'json-not-canonicalizable'.
 */
export function canonicalize(value: unknown): string {
  const out: string[] = [];
  write(value, '$', out, new Set());
  return out.join('');
}

/** The UTF-8 bytes of the canonical text: what is hashed and signed. */
export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalize(value));
}
