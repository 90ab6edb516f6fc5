import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import type { Crypto } from '../core/crypto/crypto.ts';
import { ALG_ED25519, parseVerifierKey } from '../core/ledger/signed-note.ts';
import type { FollowedLog } from './witness.ts';

const MAX_FOLLOW_BYTES = 1024 * 1024;

const FollowFile = z.array(
  z.strictObject({
    origin: z
      .string()
      .min(1)
      .max(1000)
      .regex(/^[^\n]+$/, 'one line'),
    logKey: z.string().min(1).max(1000),
  }),
);

/**
 * Reads `truce serve --witness-follow FILE`: the logs of other servers this witness follows, as
 * JSON `[{"origin": "…", "logKey": "name+hash+base64"}]`. Each key must be an Ed25519 verifier key.
 */
export async function loadWitnessFollow(crypto: Crypto, file: string): Promise<FollowedLog[]> {
  let text: string;
  try {
    if ((await stat(file)).size > MAX_FOLLOW_BYTES)
      throw new Error(`${file} is larger than ${MAX_FOLLOW_BYTES} bytes.`);
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new Error(
      `Cannot read the witness follow list ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  let parsed: FollowedLog[];
  try {
    parsed = FollowFile.parse(JSON.parse(text));
  } catch {
    throw new Error(`${file} must be JSON: [{"origin": "ORIGIN LINE", "logKey": "name+hash+base64"}, …].`);
  }
  const seen = new Set<string>();
  for (const [i, log] of parsed.entries()) {
    if (seen.has(log.origin))
      throw new Error(`${file}: the origin ${JSON.stringify(log.origin)} is listed twice.`);
    seen.add(log.origin);
    let alg: number;
    try {
      alg = parseVerifierKey(crypto, log.logKey).algorithm;
    } catch (e) {
      throw new Error(`${file}: entry ${i + 1}: ${(e as Error).message}`);
    }
    if (alg !== ALG_ED25519)
      throw new Error(
        `${file}: entry ${i + 1}: a log key is an Ed25519 key (algorithm 1), not a witness key.`,
      );
  }
  return parsed;
}
