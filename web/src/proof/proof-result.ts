import type { ActorRole } from '../../../src/core/ledger/check-event.ts';
import type { SignedEvent } from '../../../src/core/ledger/event.ts';

/**
 * Why an event's proof did not verify, as a code a program branches on (after sigstore-js's
 * VerificationError codes): each names the one check that failed.
 */
export type ProofErrorCode =
  /** No key is pinned in this build for the log: there is nothing to check the checkpoint against. */
  | 'untrusted-log'
  /** The server could not be reached, or answered something other than the API's shape. */
  | 'fetch-failed'
  | 'event-not-found'
  /** The event is in the log but no signed checkpoint covers it yet. */
  | 'not-checkpointed'
  /** The event's bytes do not hash to the leaf hash asked for. */
  | 'leaf-mismatch'
  | 'proof-malformed'
  /** The inclusion proof does not lead from the leaf to the checkpoint's root. */
  | 'inclusion-invalid'
  /** The checkpoint carries no signature by the pinned log key. */
  | 'untrusted-log-key'
  /** The checkpoint claims the pinned log key but its signature does not verify. */
  | 'checkpoint-bad-signature'
  | 'checkpoint-malformed'
  | 'checkpoint-wrong-origin'
  /** A pinned witness's cosignature is on the checkpoint but does not verify. */
  | 'cosignature-invalid'
  /** Fewer pinned witnesses cosigned the checkpoint than the quorum asks. */
  | 'cosignature-missing'
  /** The log's entries up to the checkpoint do not give the checkpoint's root. */
  | 'entries-mismatch'
  /** An actor registration before the event does not hold (not by the operator, bad signature). */
  | 'registry-invalid'
  /** The event's actor is not registered in the log before it, or was revoked. */
  | 'actor-unknown'
  /** The event's signature is not by the key its actor registered. */
  | 'actor-bad-signature'
  /** The actor's role may not record this kind of event. */
  | 'actor-not-permitted'
  /** The event is not a valid signed event of this log (schema, canonical form, log name, references). */
  | 'event-invalid';

/** The checks, in the order they run. */
export const PROOF_STEPS = [
  'event',
  'leaf',
  'checkpoint-signature',
  'inclusion',
  'cosignatures',
  'actor-signature',
] as const;
export type ProofStep = (typeof PROOF_STEPS)[number];

/** What is known of the checkpoint the event was proven under. */
export interface ProvenCheckpoint {
  origin: string;
  size: number;
  /** Root hash, hex. */
  root: string;
}

/** A key as the panel shows it: `name+keyhash` and a fingerprint of the public key. */
export interface ShownKey {
  keyId: string;
  fingerprint: string;
}

export interface ProofDetails {
  logId: string;
  leafHash: string;
  index?: number;
  event?: SignedEvent;
  checkpoint?: ProvenCheckpoint;
  operator?: ShownKey;
  /** The pinned witnesses whose cosignature verified, with when each cosigned (seconds since 1970). */
  witnesses?: (ShownKey & { time: number })[];
  /** How many witness cosignatures the pinned policy asks for. */
  quorum?: number;
  actor?: { id: string; role: ActorRole; keyId: string };
  /** The checks that passed, in order. */
  passed: ProofStep[];
}

export type ProofResult =
  | (ProofDetails & { verified: true })
  | (ProofDetails & {
      verified: false;
      /** The check that failed (absent when the proof could not be fetched or the log is not pinned). */
      failed?: ProofStep;
      code: ProofErrorCode;
      message: string;
    });
