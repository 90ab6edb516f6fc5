import type { Crypto } from '../core/crypto/crypto.ts';
import type { Database } from '../store/database.ts';
import type { LedgerStore } from '../store/ledger-store.ts';
import type { TokenStore } from '../store/token-store.ts';
import type { WitnessStore } from '../store/witness-store.ts';
import type { AgreementCatalog } from './agreement-catalog.ts';
import type { Keyring } from './keyring.ts';
import type { FollowedLog } from './witness.ts';
import type { WorkPool } from './work-pool.ts';

/** What the routes work with: the ledger's storage, the published agreements, the cryptography. */
export interface ServerContext {
  database: Database;
  store: LedgerStore;
  tokens: TokenStore;
  catalog: AgreementCatalog;
  crypto: Crypto;
  /** The private keys the server holds (--keys): log keys, custodial actor keys, witness keys. */
  keyring: Keyring;
  /** What this server, as a witness, last cosigned of each log it follows. */
  witness: WitnessStore;
  /** Logs held elsewhere that the witness follows, besides the logs of its own database. */
  witnessFollow: readonly FollowedLog[];
  /** Person records one party may keep in one log (default DEFAULT_PERSONS_QUOTA). */
  personsQuota?: number;
  /** The worker threads that plan, compare and check agreements off the event loop. */
  work: WorkPool;
  /** The worker threads that judge logs against their agreements (statuses, reports). */
  judging: WorkPool;
  /** The server's clock (ms since the epoch). */
  now: () => number;
  /** How far an appended event's recordedAt may be from the server's clock, in minutes. */
  recordedAtWindowMinutes: number;
}
