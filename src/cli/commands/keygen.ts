import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  ALG_COSIGNATURE_V1,
  ALG_ED25519,
  formatSignerKey,
  formatVerifierKey,
  generateSigner,
} from '../../core/ledger/signed-note.ts';
import { nodeCrypto } from '../../platform/node-crypto.ts';
import { type Command, jsonOption, stringFlag } from '../command.ts';
import { EXIT_OK, InputError, UsageError } from '../io.ts';

export const keygen: Command = {
  name: 'keygen',
  summary: 'Make an Ed25519 key pair: the private key goes to a file (mode 600), the public key is printed.',
  usage: 'truce keygen NAME --out FILE [--witness] [--json]',
  options: {
    out: { type: 'string', description: 'Where to write the private key (refuses to overwrite).' },
    witness: {
      type: 'boolean',
      description: 'A witness key (C2SP cosignature/v1) instead of a signing key.',
    },
    json: jsonOption,
  },
  details:
    '\nThe private key is never printed. Register the printed public key with truce record actor.registered.\n',
  async run(args, io) {
    const [name] = args.positionals;
    if (!name || args.positionals.length > 1)
      throw new UsageError('Give the key one NAME, e.g. the actor id.');
    const out = stringFlag(args, 'out');
    if (!out) throw new UsageError('--out FILE is required: where to keep the private key.');
    const file = resolve(io.cwd, out);
    if (existsSync(file))
      throw new InputError('key-exists', `${out} already exists; keys are never overwritten.`);
    let signer: ReturnType<typeof generateSigner>;
    try {
      signer = generateSigner(nodeCrypto, name, args.values.witness ? ALG_COSIGNATURE_V1 : ALG_ED25519);
    } catch (e) {
      throw new InputError('key-malformed', (e as Error).message);
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${formatSignerKey(signer)}\n`, { mode: 0o600, flag: 'wx' });
    const verifierKey = formatVerifierKey(signer);
    if (args.values.json)
      io.out(`${JSON.stringify({ name, verifierKey, file: out, witness: Boolean(args.values.witness) })}\n`);
    else io.out(`${verifierKey}\n`);
    io.err(`private key written to ${out}\n`);
    return EXIT_OK;
  },
};
