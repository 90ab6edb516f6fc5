import { bytesEqual, type Crypto, fromHex, toHex } from '../crypto/crypto.ts';
import { canonicalBytes } from './canonical-json.ts';

/** A person's record as the access-controlled store keeps it: never in the log itself. */
export type PersonRecord = Record<string, unknown>;

function normalise(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.normalize('NFC'), normalise(v)]));
  }
  return value;
}

/**
 * A salted commitment to a record: HMAC-SHA-256 keyed with a random 32-byte salt over the RFC 8785
 * bytes of the record in Unicode NFC. Without the salt, the commitment reveals nothing, not even
 * whether two lists name the same person.
 */
export function commitToRecord(crypto: Crypto, record: PersonRecord, salt = crypto.randomBytes(32)) {
  return { commitment: toHex(crypto.hmacSha256(salt, canonicalBytes(normalise(record)))), salt };
}

/** Whether a revealed record and salt match a commitment published in the log. */
export function verifyCommitment(
  crypto: Crypto,
  record: PersonRecord,
  salt: Uint8Array,
  commitment: string,
): boolean {
  if (!/^[0-9a-f]{64}$/.test(commitment)) return false;
  return bytesEqual(crypto.hmacSha256(salt, canonicalBytes(normalise(record))), fromHex(commitment));
}
