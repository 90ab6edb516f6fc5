import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Database } from './database.ts';

/** The roles a token may carry; `public` is the anonymous reader and needs none. */
export const TOKEN_ROLES = ['operator', 'mediator', 'party', 'intermediary', 'monitor'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

/** What a token stands for: never the token itself nor its hash. */
export interface TokenInfo {
  id: string;
  log: string;
  actor: string;
  role: TokenRole;
  party: string | null;
  createdAt: string;
  revoked: boolean;
}

export interface NewToken {
  log: string;
  actor: string;
  role: TokenRole;
  party?: string | null;
  createdAt?: string;
}

export function isTokenRole(role: string): role is TokenRole {
  return (TOKEN_ROLES as readonly string[]).includes(role);
}

/** Why a token of `spec` does not stand for `registered` in the log's actor registry, or undefined. */
export function tokenActorMismatch(
  spec: { log: string; actor: string; role: string; party?: string | null },
  registered: { role: string; party?: string; revoked: boolean } | undefined,
): { code: 'actor-not-registered' | 'actor-revoked' | 'token-role-mismatch'; message: string } | undefined {
  if (!registered) {
    return {
      code: 'actor-not-registered',
      message: `The actor "${spec.actor}" is not registered in the log "${spec.log}": the operator registers it first (truce record actor.registered).`,
    };
  }
  if (registered.revoked) {
    return {
      code: 'actor-revoked',
      message: `The actor "${spec.actor}" was revoked in the log "${spec.log}" (actor.revoked): its tokens no longer work.`,
    };
  }
  if (registered.role !== spec.role || (registered.party ?? null) !== (spec.party ?? null)) {
    const as = (role: string, party: string | null | undefined) => (party ? `${role} of ${party}` : role);
    return {
      code: 'token-role-mismatch',
      message: `The token says ${as(spec.role, spec.party)}, but the log registers "${spec.actor}" as ${as(registered.role, registered.party)}: make a token with the registered role.`,
    };
  }
  return undefined;
}

function hashOf(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

type Row = {
  id: string;
  log_id: string;
  actor: string;
  role: string;
  party: string | null;
  created_at: string;
  revoked: number;
};

function info(row: Row): TokenInfo {
  return {
    id: row.id,
    log: row.log_id,
    actor: row.actor,
    role: row.role as TokenRole,
    party: row.party,
    createdAt: row.created_at,
    revoked: Number(row.revoked) !== 0,
  };
}

const COLUMNS = ['id', 'log_id', 'actor', 'role', 'party', 'created_at', 'revoked'] as const;

/** API tokens: each secret is shown once, at creation; only its SHA-256 is stored. */
export class TokenStore {
  readonly #database: Database;
  constructor(database: Database) {
    this.#database = database;
  }

  /** Creates a token and returns its secret: the only time it is ever available. */
  async create(spec: NewToken): Promise<{ token: string; info: TokenInfo }> {
    if (!isTokenRole(spec.role))
      throw new Error(`Unknown role "${spec.role}": use one of ${TOKEN_ROLES.join(', ')}.`);
    if (spec.role === 'party' && !spec.party) throw new Error('A party token needs --party.');
    const token = `truce_${randomBytes(32).toString('base64url')}`;
    const row: Row = {
      id: randomUUID(),
      log_id: spec.log,
      actor: spec.actor,
      role: spec.role,
      party: spec.party ?? null,
      created_at: spec.createdAt ?? new Date().toISOString(),
      revoked: 0,
    };
    await this.#database.db
      .insertInto('truce_token')
      .values({ ...row, token_hash: hashOf(token) })
      .execute();
    return { token, info: info(row) };
  }

  /** The live token presented, compared by hash in constant time; undefined if unknown or revoked. */
  async find(presented: string): Promise<TokenInfo | undefined> {
    const wanted = Buffer.from(hashOf(presented), 'hex');
    const row = await this.#database.db
      .selectFrom('truce_token')
      .select([...COLUMNS, 'token_hash'])
      .where('token_hash', '=', wanted.toString('hex'))
      .executeTakeFirst();
    if (!row) return undefined;
    const stored = Buffer.from(row.token_hash, 'hex');
    if (stored.length !== wanted.length || !timingSafeEqual(stored, wanted)) return undefined;
    const found = info(row);
    return found.revoked ? undefined : found;
  }

  /** Revokes a token by its id; false if there is no such token. */
  async revoke(id: string): Promise<boolean> {
    const result = await this.#database.db
      .updateTable('truce_token')
      .set({ revoked: 1 })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Every token, optionally of one log, without any secret or hash. */
  async list(log?: string): Promise<TokenInfo[]> {
    let q = this.#database.db.selectFrom('truce_token').select([...COLUMNS]);
    if (log) q = q.where('log_id', '=', log);
    const rows = await q.orderBy('created_at').orderBy('id').execute();
    return rows.map(info);
  }
}
