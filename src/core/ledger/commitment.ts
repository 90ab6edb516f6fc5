/**
 * Salted commitments to person records: the log holds HMAC-SHA-256(salt, RFC 8785 bytes of the
 * record in Unicode NFC) as hex; the record and its 32-byte salt stay in the access-controlled
 * store. Without the salt a commitment reveals nothing, not even whether two lists name the same
 * person; with both, anyone can check the record is the one committed to.
 */
import { bytesEqual, type Crypto, fromHex, toHex } from '../crypto/crypto.ts';
import { canonicalBytes } from './canonical-json.ts';
import { LedgerError } from './ledger-error.ts';

/** A person's record as the access-controlled store keeps it: never in the log itself. */
export type PersonRecord = Record<string, unknown>;

export const SALT_SIZE = 32;

/** Every string and member name in NFC, so that a name typed as NFD commits to the same bytes. */
function normalise(value: unknown, path: string): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map((v, i) => normalise(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const key = k.normalize('NFC');
      if (Object.hasOwn(out, key)) {
        throw new LedgerError(
          'commitment-malformed',
          `Two member names of ${path} are the same text in NFC; keep one of them.`,
        );
      }
      out[key] = normalise(v, `${path}.${key}`);
    }
    return out;
  }
  return value;
}

/** The bytes committed to: RFC 8785 canonical JSON of the record in NFC. */
export function commitmentBytes(record: PersonRecord): Uint8Array {
  return canonicalBytes(normalise(record, '$'));
}

/** Commits to a record under a fresh random salt (or the one given, 32 bytes). */
export function commitToRecord(
  crypto: Crypto,
  record: PersonRecord,
  salt = crypto.randomBytes(SALT_SIZE),
): { commitment: string; salt: Uint8Array } {
  if (salt.length !== SALT_SIZE) {
    throw new LedgerError('commitment-malformed', `A salt is ${SALT_SIZE} random bytes, not ${salt.length}.`);
  }
  return { commitment: toHex(crypto.hmacSha256(salt, commitmentBytes(record))), salt };
}

/**
 * Whether a revealed record and salt match a commitment published in the log. The comparison
 * takes the same time wherever the bytes differ.
 */
export function verifyCommitment(
  crypto: Crypto,
  record: PersonRecord,
  salt: Uint8Array,
  commitment: string,
): boolean {
  if (salt.length !== SALT_SIZE || !/^[0-9a-f]{64}$/.test(commitment)) return false;
  return bytesEqual(crypto.hmacSha256(salt, commitmentBytes(record)), fromHex(commitment));
}
