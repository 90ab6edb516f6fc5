/**
 * Builds examples/logs/nov-2023-pause/: the November 2023 pause (AGREEMENTS.md §1, "What happened")
 * as a signed log in the export format of docs/ledger.md. Deterministic: DEMO KEYS derived from
 * fixed seeds (SHA-256 of "truce demo key: <actor>"), fixed times, Ed25519 signatures (deterministic).
 * Run: npx node examples/logs/build-nov-2023.ts
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toHex, utf8 } from '../../src/core/crypto/crypto.ts';
import { canonicalBytes } from '../../src/core/ledger/canonical-json.ts';
import { formatCheckpoint, signCheckpoint } from '../../src/core/ledger/checkpoint.ts';
import { cosign } from '../../src/core/ledger/cosignature.ts';
import type { EventEnvelope } from '../../src/core/ledger/event.ts';
import { signEvent } from '../../src/core/ledger/event-sign.ts';
import {
  ALG_COSIGNATURE_V1,
  ALG_ED25519,
  formatVerifierKey,
  keyHash,
  type Signer,
} from '../../src/core/ledger/note-keys.ts';
import { writeExport } from '../../src/export/export-folder.ts';
import { nodeCrypto as crypto } from '../../src/platform/node-crypto.ts';
import { openDatabase } from '../../src/store/database.ts';
import { LedgerStore } from '../../src/store/ledger-store.ts';
import { ProvenanceStore } from '../../src/store/provenance-store.ts';
import { NOTES, story, WITNESSES } from './nov-2023-story.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const LOG_ID = 'nov-2023-pause';
export const AGREEMENT_FILE = join(here, '..', 'agreements', `${LOG_ID}.yaml`);

/**
 * A DEMO key: its seed is public (SHA-256 of a fixed phrase), so it proves nothing. A witness's
 * key is a cosignature/v1 key (C2SP tlog-cosignature); every other actor's signs events.
 */
export function demoSigner(actor: string): Signer {
  const witness = WITNESSES.includes(actor);
  const seed = crypto.sha256(utf8(`truce demo ${witness ? 'witness ' : ''}key: ${actor}`));
  const publicKey = crypto.ed25519PublicKey(seed);
  const algorithm = witness ? ALG_COSIGNATURE_V1 : ALG_ED25519;
  return { name: actor, keyHash: keyHash(crypto, actor, algorithm, publicKey), algorithm, publicKey, seed };
}

/** When the demo witnesses cosign: the time the log was reconstructed, in seconds. */
const COSIGNED_AT = Date.parse('2023-12-01T12:00:00Z') / 1000;

/** Writes the export of the Nov 2023 log into `outDir`. */
export async function buildNov2023(outDir: string): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'truce-nov-2023-'));
  const database = await openDatabase(join(work, 'log.db'));
  try {
    const store = new LedgerStore(database, crypto);
    const operator = demoSigner('operator');
    const agreementBytes = await readFile(AGREEMENT_FILE);
    const sha256 = toHex(crypto.sha256(agreementBytes));
    await store.createLog({
      id: LOG_ID,
      origin: `truce.example/log/${LOG_ID}`,
      logKey: formatVerifierKey(operator),
      agreementHash: sha256,
      createdAt: '2023-11-22T00:00:00.000Z',
    });
    // Rebuilt from public reporting, signed with keys from public seeds: said in its metadata.
    await new ProvenanceStore(database).claim(LOG_ID, { reconstructed: true, demoKeys: true });
    const checkpoint = async () => {
      const log = await store.requireLog(LOG_ID);
      const body = { origin: log.origin, size: log.size, root: log.root, extensions: [] };
      const note = signCheckpoint(crypto, body, operator);
      await store.addCheckpoint(LOG_ID, log.size, note, '2023-12-01T12:00:00.000Z');
      for (const w of WITNESSES) {
        const line = cosign(crypto, demoSigner(w), formatCheckpoint(body), COSIGNED_AT);
        await store.addCosignature(LOG_ID, log.size, w, line, '2023-12-01T12:00:00.000Z');
      }
    };
    const append = async (e: {
      actor: string;
      kind: string;
      at: string;
      body: Record<string, unknown>;
      source?: EventEnvelope['source'];
    }) => {
      const envelope = {
        v: 1,
        log: LOG_ID,
        kind: e.kind,
        occurredAt: e.at,
        recordedAt: e.at,
        actor: e.actor,
        body: e.body,
        ...(e.source ? { source: e.source } : {}),
      } as EventEnvelope;
      const [r] = await store.append(
        LOG_ID,
        [canonicalBytes(signEvent(crypto, envelope, demoSigner(e.actor)))],
        {
          recordedAt: e.at,
        },
      );
      return r!.leafHash;
    };
    await story({ append, checkpoint, sha256, verifierKey: (a) => formatVerifierKey(demoSigner(a)) });
    await writeExport(store, LOG_ID, outDir);
    const logJson = JSON.parse(await readFile(join(outDir, 'log.json'), 'utf8'));
    await writeFile(join(outDir, 'log.json'), `${JSON.stringify({ ...logJson, notes: NOTES }, null, 2)}\n`);
  } finally {
    await database.close();
    await rm(work, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const out = join(here, LOG_ID);
  await rm(out, { recursive: true, force: true });
  await buildNov2023(out);
  process.stdout.write(`wrote ${out}\n`);
}
