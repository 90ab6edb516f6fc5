/** Every way a ledger check can fail, as a code a program can branch on. */
export type LedgerErrorCode =
  | 'proof-index-out-of-range'
  | 'proof-wrong-length'
  | 'proof-bad-hash-size'
  | 'proof-root-mismatch'
  | 'proof-size-order'
  | 'proof-from-empty-tree'
  | 'proof-not-empty'
  | 'event-invalid'
  | 'event-too-large'
  | 'event-not-canonical'
  | 'event-wrong-log'
  | 'event-unknown-actor'
  | 'event-before-registration'
  | 'event-id-taken'
  | 'event-bad-signature'
  | 'event-unknown-reference'
  | 'event-not-permitted'
  | 'note-malformed'
  | 'note-bad-signature'
  | 'note-unknown-key'
  | 'key-malformed'
  | 'checkpoint-malformed'
  | 'checkpoint-wrong-origin'
  | 'cosignature-malformed'
  | 'proof-bundle-malformed'
  | 'proof-bundle-quorum'
  | 'commitment-malformed'
  | 'checkpoint-inconsistent'
  | 'json-not-canonicalizable'
  | 'log-not-found'
  | 'log-exists'
  | 'append-stale-size';

/** A failed ledger check: what failed (code) and a sentence a person can act on. */
export class LedgerError extends Error {
  readonly code: LedgerErrorCode;
  constructor(code: LedgerErrorCode, message: string) {
    super(message);
    this.name = 'LedgerError';
    this.code = code;
  }
}
