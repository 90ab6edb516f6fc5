import type { Crypto } from '../core/crypto/crypto.ts';
import type { Database } from '../store/database.ts';
import type { LedgerStore } from '../store/ledger-store.ts';
import type { TokenStore } from '../store/token-store.ts';
import type { AgreementCatalog } from './agreement-catalog.ts';

/** What the routes work with: the ledger's storage, the published agreements, the cryptography. */
export interface ServerContext {
  database: Database;
  store: LedgerStore;
  tokens: TokenStore;
  catalog: AgreementCatalog;
  crypto: Crypto;
}
