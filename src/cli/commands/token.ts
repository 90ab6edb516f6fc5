import {
  isTokenRole,
  TOKEN_ROLES,
  type TokenInfo,
  TokenStore,
  tokenActorMismatch,
} from '../../store/token-store.ts';
import { type Command, jsonOption, stringFlag } from '../command.ts';
import { EXIT_OK, InputError, UsageError } from '../io.ts';
import { chooseLog, databaseOption, openStore } from '../ledger-context.ts';

function line(t: TokenInfo): string {
  const party = t.party ? ` party ${t.party}` : '';
  return `${t.id}  ${t.log}  ${t.actor}  ${t.role}${party}  ${t.createdAt}${t.revoked ? '  revoked' : ''}`;
}

export const tokenCreate: Command = {
  name: 'token create',
  summary: 'Make an API token for an actor of a log; it is printed once and only its hash is kept.',
  usage: 'truce token create --log ID --actor ACTOR --role ROLE [--party P] [--database DB] [--json]',
  options: {
    log: { type: 'string', description: 'The log the token is for (default: the only log).' },
    actor: { type: 'string', description: 'The actor id the token stands for.' },
    role: { type: 'string', description: `One of ${TOKEN_ROLES.join(', ')}.` },
    party: { type: 'string', description: 'The party a party token acts for.' },
    database: databaseOption,
    json: jsonOption,
  },
  details: '\nThe token goes to standard output only, this once: keep it. Only its SHA-256 is stored.\n',
  async run(args, io) {
    const actor = stringFlag(args, 'actor');
    const role = stringFlag(args, 'role');
    const party = stringFlag(args, 'party');
    if (!actor) throw new UsageError('--actor is required: the actor id the token stands for.');
    if (!role || !isTokenRole(role))
      throw new UsageError(`--role must be one of ${TOKEN_ROLES.join(', ')} (public needs no token).`);
    if (role === 'party' && !party) throw new UsageError('A party token needs --party.');
    const { store, database } = await openStore(args, io);
    try {
      const log = await chooseLog(store, args);
      // The server refuses a token its log does not back: say so now, not at the first request.
      const mismatch = tokenActorMismatch({ log, actor, role, party }, await store.actor(log, actor));
      if (mismatch) throw new InputError(mismatch.code, mismatch.message);
      const { token, info } = await new TokenStore(database).create({ log, actor, role, party });
      if (args.values.json) io.out(`${JSON.stringify({ ...info, token })}\n`);
      else io.out(`${token}\n`);
      io.err(`token ${info.id} created for ${actor} (${role}) in log ${log}; it will not be shown again\n`);
    } finally {
      await database.close();
    }
    return EXIT_OK;
  },
};

export const tokenList: Command = {
  name: 'token list',
  summary: 'List API tokens (never their secrets): id, log, actor, role, party, created, revoked.',
  usage: 'truce token list [--log ID] [--database DB] [--json]',
  options: {
    log: { type: 'string', description: 'Only the tokens of this log.' },
    database: databaseOption,
    json: jsonOption,
  },
  async run(args, io) {
    const { database } = await openStore(args, io);
    try {
      const tokens = await new TokenStore(database).list(stringFlag(args, 'log'));
      if (args.values.json) io.out(`${JSON.stringify(tokens, null, 2)}\n`);
      else io.out(tokens.length ? `${tokens.map(line).join('\n')}\n` : 'no tokens\n');
    } finally {
      await database.close();
    }
    return EXIT_OK;
  },
};

export const tokenRevoke: Command = {
  name: 'token revoke',
  summary: 'Revoke an API token by its id (from truce token list).',
  usage: 'truce token revoke ID [--database DB] [--json]',
  options: { database: databaseOption, json: jsonOption },
  async run(args, io) {
    if (args.positionals.length !== 1) throw new UsageError('Give the id of one token (truce token list).');
    const id = args.positionals[0]!;
    const { database } = await openStore(args, io);
    try {
      if (!(await new TokenStore(database).revoke(id)))
        throw new InputError('token-not-found', `No token with id ${id}; see truce token list.`);
      if (args.values.json) io.out(`${JSON.stringify({ id, revoked: true })}\n`);
      else io.out(`token ${id} revoked\n`);
    } finally {
      await database.close();
    }
    return EXIT_OK;
  },
};
