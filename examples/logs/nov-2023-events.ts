/** Reads the committed Nov 2023 log and its agreement, each event with its leaf hash (for tests and demos). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAgreement } from '../../src/core/agreement/parse-agreement.ts';
import type { Agreement } from '../../src/core/agreement/types.ts';
import type { LoggedEvent } from '../../src/core/compliance/types.ts';
import { toHex } from '../../src/core/crypto/crypto.ts';
import { parseSignedEvent } from '../../src/core/ledger/event-sign.ts';
import { leafHash } from '../../src/core/ledger/merkle.ts';
import { nodeCrypto } from '../../src/platform/node-crypto.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const NOV_LOG = join(here, 'nov-2023-pause');

export function novAgreement(): Agreement {
  const r = parseAgreement(
    readFileSync(join(here, '..', 'agreements', 'nov-2023-pause.yaml'), 'utf8'),
    'nov-2023-pause.yaml',
  );
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.agreement;
}

export function novEvents(): LoggedEvent[] {
  const enc = new TextEncoder();
  return readFileSync(join(NOV_LOG, 'events.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const bytes = enc.encode(line);
      return { leafHash: toHex(leafHash(nodeCrypto.sha256, bytes)), event: parseSignedEvent(bytes) };
    });
}
