import type { ColumnType, Generated } from 'kysely';

/** One row per log: the coordination row that appends lock, holding the current tree size and root. */
export interface LogTable {
  id: string;
  origin: string;
  /** The log's verifier key, C2SP signed-note form (name+hash+base64). */
  log_key: string;
  size: number;
  root: Uint8Array;
  agreement_hash: string | null;
  created_at: string;
  /** Provenance (provenance-store.ts): 1 when rebuilt from public reporting. */
  reconstructed: Generated<number>;
  /** 1 when signed with demonstration keys. */
  demo_keys: Generated<number>;
  /** The tree's right edge at `size`, written with it (log-edge.ts, 0013); empty for an empty log. */
  edge: Generated<Uint8Array>;
}

/** Each event, signed, in canonical JSON: the leaf data of the Merkle tree. */
export interface EntryTable {
  log_id: string;
  idx: number;
  leaf_hash: Uint8Array;
  kind: string;
  actor: string;
  event: string;
  recorded_at: string;
  /** The envelope's `id`, a recorder's row id: unique in a log (0011). */
  row_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The event's occurredAt in milliseconds since the epoch, for reading a day's events (0011). */
  occurred_ms: ColumnType<number | null, number | null | undefined, number | null>;
}

/** Tree hashes in the storage order of Go's tlog (StoredHashIndex), so a proof reads O(log n) rows. */
export interface HashTable {
  log_id: string;
  id: number;
  hash: Uint8Array;
}

export interface CheckpointTable {
  log_id: string;
  size: number;
  note: string;
  created_at: string;
}

export interface CosignatureTable {
  log_id: string;
  size: number;
  witness: string;
  line: string;
  created_at: string;
}

/**
 * Each checkpoint a witness cosigned, with the cosignature line (0010): kept apart from the log's
 * tables, never rewritten by appends, so that a log cut back to an earlier size is still caught.
 */
export interface WitnessedTable {
  log_id: string;
  size: number;
  witness: string;
  note: string;
  line: string;
  created_at: string;
}

/**
 * Actors registered in a log, kept in step with its actor.registered / actor.revoked events: a cache
 * of the registry the events give, which truce verify and truce fsck recompute and check it against.
 */
export interface ActorTable {
  log_id: string;
  actor: string;
  name: string;
  role: string;
  party: string | null;
  key: string;
  revoked: number;
}

/** Personal records, apart from the log: only their salted commitments enter events. */
export interface PersonTable {
  id: Generated<number>;
  log_id: string;
  commitment: string;
  salt: Uint8Array;
  record: string;
  created_at: string;
  /** The actor that added the record, and the party it acts for (null before migration 0005). */
  added_by: string | null;
  party: string | null;
}

/** How many records an owner (`party:<id>` or `actor:<id>`) keeps in a log: its quota's count. */
export interface PersonCountTable {
  log_id: string;
  owner: string;
  n: number;
}

/** API tokens of a log's actors: only the SHA-256 hex of each token is stored. */
export interface TokenTable {
  id: string;
  log_id: string;
  actor: string;
  role: string;
  party: string | null;
  token_hash: string;
  created_at: string;
  revoked: number;
}

/** Requests counted per key and minute (minutes since the epoch), shared by every server process. */
export interface RateTable {
  key: string;
  minute: number;
  count: number;
}

/** A log this server witnesses: the last checkpoint it cosigned (C2SP tlog-witness). */
export interface WitnessTable {
  origin: string;
  /** The log's verifier key the checkpoint was verified with. */
  log_key: string;
  size: number;
  root: Uint8Array;
  /** The signed checkpoint as submitted, kept as evidence. */
  checkpoint: string;
  updated_at: string;
}

/** One uploaded version of an agreement: its source text as uploaded, never changed (0004). */
export interface AgreementVersionTable {
  agreement_id: string;
  /** 1, 2, 3… per agreement id, in the order they were stored. */
  version: number;
  status: 'adopted' | 'proposal';
  media_type: string;
  source: string;
  /** SHA-256 hex of the source's UTF-8 bytes: the bytes as uploaded. */
  sha256: string;
  size: number;
  uploaded_by: string;
  uploaded_role: string;
  uploaded_log: string | null;
  uploaded_at: string;
}

export interface Tables {
  truce_log: LogTable;
  truce_entry: EntryTable;
  truce_hash: HashTable;
  truce_checkpoint: CheckpointTable;
  truce_actor: ActorTable;
  truce_cosignature: CosignatureTable;
  truce_witnessed: WitnessedTable;
  truce_person: PersonTable;
  truce_person_count: PersonCountTable;
  truce_token: TokenTable;
  truce_agreement_version: AgreementVersionTable;
  truce_witness: WitnessTable;
  truce_rate: RateTable;
}
