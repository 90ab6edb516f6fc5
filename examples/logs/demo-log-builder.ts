/**
 * Builds an example log from a story of events, in the export format of docs/ledger.md.
 * Deterministic: DEMO KEYS derived from fixed seeds (SHA-256 of "truce demo key: <actor>"), the
 * times the story gives, Ed25519 signatures (deterministic). Each example log's builder
 * (build-nov-2023.ts, build-oct-2025.ts) gives its story, notes and dates.
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

const here = dirname(fileURLToPath(import.meta.url));

/** The witnesses that cosign every example log's checkpoints: one kept for the mediators, one for the monitor. */
export const DEMO_WITNESSES = ['mediators-witness', 'monitor-witness'];

/** An event as a story tells it; the builder signs it with the actor's demo key. */
export interface StoryEvent {
  actor: string;
  kind: string;
  at: string;
  body: Record<string, unknown>;
  source?: EventEnvelope['source'];
  note?: string;
}

/** What a story is given: append an event (its leaf hash back), sign a checkpoint, the agreement's hash, actors' keys. */
export interface StoryIo {
  append(e: StoryEvent): Promise<string>;
  checkpoint(): Promise<void>;
  /** The SHA-256 of examples/agreements/<id>.yaml, the agreement's latest text. */
  sha256: string;
  /** The SHA-256 of another file of examples/agreements (an earlier version of the text). */
  sha256Of(file: string): Promise<string>;
  verifierKey(actor: string): string;
}

/** An actor of a story: id, registered name, role and, when it acts for one, its party. */
export type StoryActor = [actor: string, name: string, role: string, party?: string];

/** The demo witnesses as actors: they cosign each checkpoint, one kept for the mediators, one for the monitor. */
export const DEMO_WITNESS_ACTORS: readonly StoryActor[] = [
  ['mediators-witness', 'Witness kept for the mediators (demo key)', 'witness'],
  ['monitor-witness', 'Witness kept for the monitor (demo key)', 'witness'],
];

/** Registers the operator, then each actor with its demo key, all at `at`, as the operator. */
export async function registerActors(io: StoryIo, at: string, actors: readonly StoryActor[]): Promise<void> {
  const register = (actor: string, name: string, role: string, party?: string) =>
    io.append({
      actor: 'operator',
      kind: 'actor.registered',
      at,
      body: { actor, name, role, key: io.verifierKey(actor), ...(party ? { party } : {}) },
    });
  await register('operator', 'Operator (demo key)', 'operator');
  for (const [actor, name, role, party] of actors) await register(actor, name, role, party);
}

/** An example log: its id (the agreement's too), dates, notes and story. */
export interface LogRecipe {
  logId: string;
  /** When the log was created (ISO). */
  createdAt: string;
  /** When the log was reconstructed: its checkpoints are signed and cosigned then (ISO). */
  reconstructedAt: string;
  notes: string[];
  story(io: StoryIo): Promise<void>;
}

/** The agreement file an example log is judged against: examples/agreements/<id>.yaml. */
export function agreementFile(logId: string): string {
  return join(here, '..', 'agreements', `${logId}.yaml`);
}

/**
 * A DEMO key: its seed is public (SHA-256 of a fixed phrase), so it proves nothing. A witness's
 * key is a cosignature/v1 key (C2SP tlog-cosignature); every other actor's signs events.
 */
export function demoSigner(actor: string): Signer {
  const witness = DEMO_WITNESSES.includes(actor);
  const seed = crypto.sha256(utf8(`truce demo ${witness ? 'witness ' : ''}key: ${actor}`));
  const publicKey = crypto.ed25519PublicKey(seed);
  const algorithm = witness ? ALG_COSIGNATURE_V1 : ALG_ED25519;
  return { name: actor, keyHash: keyHash(crypto, actor, algorithm, publicKey), algorithm, publicKey, seed };
}

/** Writes the export of the recipe's log into `outDir`. */
export async function buildDemoLog(recipe: LogRecipe, outDir: string): Promise<void> {
  const { logId } = recipe;
  const work = await mkdtemp(join(tmpdir(), `truce-${logId}-`));
  const database = await openDatabase(join(work, 'log.db'));
  try {
    const store = new LedgerStore(database, crypto);
    const operator = demoSigner('operator');
    const sha256 = toHex(crypto.sha256(await readFile(agreementFile(logId))));
    await store.createLog({
      id: logId,
      origin: `truce.example/log/${logId}`,
      logKey: formatVerifierKey(operator),
      agreementHash: sha256,
      createdAt: recipe.createdAt,
    });
    // Rebuilt from public reporting, signed with keys from public seeds: said in its metadata.
    await new ProvenanceStore(database).claim(logId, { reconstructed: true, demoKeys: true });
    const cosignedAt = Date.parse(recipe.reconstructedAt) / 1000;
    const checkpoint = async () => {
      const log = await store.requireLog(logId);
      const body = { origin: log.origin, size: log.size, root: log.root, extensions: [] };
      const note = signCheckpoint(crypto, body, operator);
      await store.addCheckpoint(logId, log.size, note, recipe.reconstructedAt);
      for (const w of DEMO_WITNESSES) {
        const line = cosign(crypto, demoSigner(w), formatCheckpoint(body), cosignedAt);
        await store.addCosignature(logId, log.size, w, line, recipe.reconstructedAt);
      }
    };
    const append = async (e: StoryEvent) => {
      const envelope = {
        v: 1,
        log: logId,
        kind: e.kind,
        occurredAt: e.at,
        recordedAt: e.at,
        actor: e.actor,
        body: e.body,
        ...(e.source ? { source: e.source } : {}),
        ...(e.note ? { note: e.note } : {}),
      } as EventEnvelope;
      const [r] = await store.append(
        logId,
        [canonicalBytes(signEvent(crypto, envelope, demoSigner(e.actor)))],
        { recordedAt: e.at },
      );
      return r!.leafHash;
    };
    const sha256Of = async (file: string) =>
      toHex(crypto.sha256(await readFile(join(here, '..', 'agreements', file))));
    await recipe.story({
      append,
      checkpoint,
      sha256,
      sha256Of,
      verifierKey: (a) => formatVerifierKey(demoSigner(a)),
    });
    await writeExport(store, logId, outDir);
    const logJson = JSON.parse(await readFile(join(outDir, 'log.json'), 'utf8'));
    await writeFile(
      join(outDir, 'log.json'),
      `${JSON.stringify({ ...logJson, notes: recipe.notes }, null, 2)}\n`,
    );
  } finally {
    await database.close();
    await rm(work, { recursive: true, force: true });
  }
}

/** Rebuilds examples/logs/<id>/ from its recipe (what each builder does when run). */
export async function rebuildExample(recipe: LogRecipe): Promise<string> {
  const out = join(here, recipe.logId);
  await rm(out, { recursive: true, force: true });
  await buildDemoLog(recipe, out);
  return out;
}
