import { LedgerError } from './ledger-error.ts';

/** True when a string holds a UTF-16 surrogate that is not part of a pair (not valid I-JSON). */
function hasLoneSurrogate(s: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

function fail(path: string, what: string): never {
  throw new LedgerError('json-not-canonicalizable', `Cannot canonicalize ${path}: ${what}.`);
}

function write(value: unknown, path: string, out: string[]): void {
  if (value === null || typeof value === 'boolean') {
    out.push(String(value));
  } else if (typeof value === 'number') {
    // RFC 8785 §3.2.2.3: numbers are serialised as ECMAScript's Number.prototype.toString.
    if (!Number.isFinite(value)) fail(path, `${value} is not a JSON number`);
    out.push(JSON.stringify(value));
  } else if (typeof value === 'string') {
    // RFC 8785 §3.2.2.2: the escaping of JSON.stringify (ES2019), on valid Unicode only.
    if (hasLoneSurrogate(value)) fail(path, 'a string holds a lone UTF-16 surrogate');
    out.push(JSON.stringify(value));
  } else if (Array.isArray(value)) {
    out.push('[');
    value.forEach((v, i) => {
      if (i) out.push(',');
      write(v === undefined ? null : v, `${path}[${i}]`, out);
    });
    out.push(']');
  } else if (
    (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) ||
    (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === null)
  ) {
    // RFC 8785 §3.2.3: members sorted by their names as arrays of UTF-16 code units.
    const keys = Object.keys(value as object)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort();
    out.push('{');
    keys.forEach((k, i) => {
      if (hasLoneSurrogate(k)) fail(path, 'a property name holds a lone UTF-16 surrogate');
      if (i) out.push(',');
      out.push(JSON.stringify(k), ':');
      write((value as Record<string, unknown>)[k], `${path}.${k}`, out);
    });
    out.push('}');
  } else {
    fail(
      path,
      `a ${typeof value === 'object' ? (value as object).constructor?.name : typeof value} is not JSON data`,
    );
  }
}

/** RFC 8785 (JSON Canonicalization Scheme) text of a JSON value. Undefined members are left out. */
export function canonicalize(value: unknown): string {
  const out: string[] = [];
  write(value, '$', out);
  return out.join('');
}

/** The UTF-8 bytes of the canonical text: what is hashed and signed. */
export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalize(value));
}
