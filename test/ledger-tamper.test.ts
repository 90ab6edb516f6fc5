import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointLog } from '../src/cli/record-events.ts';
import { parseCheckpoint } from '../src/core/ledger/checkpoint.ts';
import { cosign } from '../src/core/ledger/cosignature.ts';
import {
  ALG_COSIGNATURE_V1,
  formatVerifierKey,
  generateSigner,
  splitNote,
} from '../src/core/ledger/signed-note.ts';
import { storedHashIndex } from '../src/core/ledger/tlog.ts';
import { type LogMaterial, type LogReport, verifyLog } from '../src/core/ledger/verify-log.ts';
import { exportMaterial, readExport, writeExport } from '../src/export/export-folder.ts';
import { storeMaterial } from '../src/export/store-material.ts';
import { VerifyPool } from '../src/platform/verify-pool.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import type { Tables } from '../src/store/schema.ts';
import { TokenStore } from '../src/store/token-store.ts';
import { WitnessStore } from '../src/store/witness-store.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { crypto, ledgerFixture } from './helpers/ledger-fixture.ts';
import { verifyLogBefore } from './helpers/verify-log-before.ts';

const CHANGES = 500;

/** A deterministic pseudo-random sequence, so that a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s >>> 8) % n;
  };
}

describe.each(DIALECTS)('tamper detection on %s', (dialect) => {
  it(`${CHANGES} random single-byte changes to events, leaves, tree hashes or checkpoints are each detected`, async () => {
    const database = await scratchDatabase(dialect);
    const pool = new VerifyPool(2);
    try {
      const f = ledgerFixture();
      const store = new LedgerStore(database, crypto);
      await f.createLog(store);
      await store.append(f.logId, f.genesis());
      for (let i = 0; i < 40; i++) {
        await store.append(f.logId, [
          f.event('monitor', 'aid.delivered', {
            date: '2023-11-25',
            quantity: 50 + i,
            unit: 'truck',
            destination: 'north',
          }),
        ]);
        if (i % 10 === 9) await checkpointLog(store, f.logId, f.keys.operator!);
      }
      expect((await verifyLog(crypto, await storeMaterial(store, f.logId))).problems).toEqual([]);
      const db = database.db;
      const rand = random(20231124);
      const seen = new Set<string>();
      for (let n = 0; n < CHANGES; n++) {
        const target = (['event', 'leaf', 'hash', 'checkpoint'] as const)[rand(4)]!;
        let restore: () => Promise<void>;
        let what: string;
        if (target === 'event' || target === 'checkpoint') {
          const rows =
            target === 'event'
              ? (await db.selectFrom('truce_entry').select(['idx as key', 'event as text']).execute()).map(
                  (r) => ({ key: Number(r.key), text: r.text }),
                )
              : (
                  await db.selectFrom('truce_checkpoint').select(['size as key', 'note as text']).execute()
                ).map((r) => ({ key: Number(r.key), text: r.text }));
          const row = rows[rand(rows.length)]!;
          const bytes = Buffer.from(row.text, 'utf8');
          const at = rand(bytes.length);
          const old = bytes[at]!;
          // Keep the text valid UTF-8 for the database: change an ASCII byte to another ASCII byte.
          if (old >= 0x80) {
            n--;
            continue;
          }
          bytes[at] = 0x20 + ((old - 0x20 + 1 + rand(94)) % 95);
          const changed = bytes.toString('utf8');
          what = `${target} ${row.key} byte ${at}`;
          if (target === 'event') {
            await db.updateTable('truce_entry').set({ event: changed }).where('idx', '=', row.key).execute();
            restore = async () =>
              void (await db
                .updateTable('truce_entry')
                .set({ event: row.text })
                .where('idx', '=', row.key)
                .execute());
          } else {
            await db
              .updateTable('truce_checkpoint')
              .set({ note: changed })
              .where('size', '=', row.key)
              .execute();
            restore = async () =>
              void (await db
                .updateTable('truce_checkpoint')
                .set({ note: row.text })
                .where('size', '=', row.key)
                .execute());
          }
        } else {
          const rows =
            target === 'leaf'
              ? await db.selectFrom('truce_entry').select(['idx as key', 'leaf_hash as hash']).execute()
              : await db.selectFrom('truce_hash').select(['id as key', 'hash']).execute();
          const row = rows[rand(rows.length)]!;
          const original = new Uint8Array(row.hash);
          const bytes = original.slice();
          const at = rand(bytes.length);
          bytes[at] = bytes[at]! ^ (1 + rand(255));
          what = `${target} ${row.key} byte ${at}`;
          const table = target === 'leaf' ? 'truce_entry' : 'truce_hash';
          const column = target === 'leaf' ? 'leaf_hash' : 'hash';
          const key = target === 'leaf' ? 'idx' : 'id';
          await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${bytes} where ${sql.ref(key)} = ${Number(row.key)}`.execute(
            db,
          );
          restore = async () =>
            void (await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${original} where ${sql.ref(key)} = ${Number(row.key)}`.execute(
              db,
            ));
        }
        const report = await verifyLog(crypto, await storeMaterial(store, f.logId));
        // Through worker threads, and by verify as it was before them: the same report, to the letter.
        expect(
          await verifyLog(crypto, await storeMaterial(store, f.logId), { check: pool.check, batch: 4 }),
        ).toEqual(report);
        expect(await verifyLogBefore(crypto, await storeMaterial(store, f.logId))).toEqual(report);
        expect(report.problems.length, `undetected: ${what}`).toBeGreaterThan(0);
        // verify names what is wrong, at the place it was changed or where the change shows.
        expect(report.problems[0]!.where).toMatch(/^(entry|entries|tree hash|checkpoint|log|cosignature)/);
        seen.add(target);
        await restore();
      }
      expect(seen).toEqual(new Set(['event', 'leaf', 'hash', 'checkpoint']));
      expect((await verifyLog(crypto, await storeMaterial(store, f.logId))).problems).toEqual([]);
    } finally {
      await pool.close();
      await database.close();
    }
  }, 600_000);
});

/** Every table verify reads, children first (deletion order); a snapshot restores them all. */
const TABLES = [
  'truce_cosignature',
  'truce_checkpoint',
  'truce_witnessed',
  'truce_actor',
  'truce_token',
  'truce_hash',
  'truce_entry',
  'truce_witness',
  'truce_log',
] as const;

type Db = Kysely<Tables>;

async function snapshot(db: Db) {
  const rows = new Map<string, Record<string, unknown>[]>();
  for (const t of TABLES) rows.set(t, (await sql`select * from ${sql.table(t)}`.execute(db)).rows as never);
  return async () => {
    for (const t of TABLES) await sql`delete from ${sql.table(t)}`.execute(db);
    for (const t of [...TABLES].reverse()) {
      const all = rows.get(t)!;
      for (let k = 0; k < all.length; k += 500)
        await db
          .insertInto(t)
          .values(all.slice(k, k + 500) as never)
          .execute();
    }
  };
}

/** Cuts the log back to `n` events so that it is consistent with itself again: entries, tree hashes, size, root, checkpoints. */
async function truncate(db: Db, store: LedgerStore, logId: string, n: number) {
  const root = await store.treeHash(logId, n);
  await db.deleteFrom('truce_entry').where('log_id', '=', logId).where('idx', '>=', n).execute();
  await db
    .deleteFrom('truce_hash')
    .where('log_id', '=', logId)
    .where('id', '>=', storedHashIndex(0, n))
    .execute();
  await db.updateTable('truce_log').set({ size: n, root }).where('id', '=', logId).execute();
  await db.deleteFrom('truce_cosignature').where('log_id', '=', logId).where('size', '>', n).execute();
  await db.deleteFrom('truce_checkpoint').where('log_id', '=', logId).where('size', '>', n).execute();
}

/** One ASCII byte of a text changed to another ASCII character. */
const flip = (text: string, at: number) =>
  text.slice(0, at) + (text[at] === 'x' ? 'y' : 'x') + text.slice(at + 1);

/** A log past one full tile (256 entries), with a cosigned checkpoint at 20 and at CUT. */
const EVENTS = 300;
const CUT = 280;

interface Kind {
  name: string;
  /** The problem code verify must report, and a part of the place it must name. */
  code: string | RegExp;
  where: string;
  /** Whatever else must hold of the report (counts in messages). */
  check?: (report: LogReport) => void;
}

interface StoreKind extends Kind {
  apply(db: Db, ctx: { store: LedgerStore; logId: string }): Promise<void>;
}

interface ExportKind extends Kind {
  apply(dir: string, ctx: { db: Db; store: LedgerStore; logId: string; full: string }): Promise<void>;
}

const STORE_KINDS: StoreKind[] = [
  {
    name: 'an event edited',
    code: 'event-bad-signature',
    where: 'entry 100',
    apply: async (db, { logId }) => {
      const r = await db
        .selectFrom('truce_entry')
        .select('event')
        .where('log_id', '=', logId)
        .where('idx', '=', 100)
        .executeTakeFirstOrThrow();
      await db
        .updateTable('truce_entry')
        .set({ event: r.event.replace('"quantity":100,', '"quantity":900,') })
        .where('idx', '=', 100)
        .execute();
    },
  },
  {
    name: 'a stored leaf hash edited',
    code: 'leaf-mismatch',
    where: 'entry 7',
    apply: async (db) => {
      await sql`update truce_entry set leaf_hash = ${new Uint8Array(32).fill(7)} where idx = 7`.execute(db);
    },
  },
  {
    name: 'a tree hash edited',
    code: 'hash-mismatch',
    where: 'tree hash 12',
    apply: async (db) => {
      await sql`update truce_hash set hash = ${new Uint8Array(32).fill(1)} where id = 12`.execute(db);
    },
  },
  {
    name: 'the root edited',
    code: 'root-mismatch',
    where: 'log',
    apply: async (db) => {
      await sql`update truce_log set root = ${new Uint8Array(32).fill(2)}`.execute(db);
    },
  },
  {
    name: 'the size edited',
    code: 'size-mismatch',
    where: 'log',
    check: (r) =>
      expect(r.problems.find((p) => p.code === 'size-mismatch')!.message).toBe(
        `The log claims ${EVENTS + 100} events; ${EVENTS} are stored.`,
      ),
    apply: async (db) => {
      await db
        .updateTable('truce_log')
        .set({ size: EVENTS + 100 })
        .execute();
    },
  },
  {
    name: 'a checkpoint edited',
    code: 'note-bad-signature',
    where: `checkpoint ${CUT}`,
    apply: async (db) => {
      const r = await db
        .selectFrom('truce_checkpoint')
        .select('note')
        .where('size', '=', CUT)
        .executeTakeFirstOrThrow();
      await db
        .updateTable('truce_checkpoint')
        .set({ note: flip(r.note, r.note.indexOf('\n') + 10) })
        .where('size', '=', CUT)
        .execute();
    },
  },
  {
    name: 'a cosignature edited',
    code: /^(cosignature-|note-)/,
    where: `cosignature of w1 on checkpoint ${CUT}`,
    apply: async (db) => {
      const r = await db
        .selectFrom('truce_cosignature')
        .select('line')
        .where('size', '=', CUT)
        .executeTakeFirstOrThrow();
      await db
        .updateTable('truce_cosignature')
        .set({ line: flip(r.line, 10) })
        .where('size', '=', CUT)
        .execute();
    },
  },
  {
    name: 'a row deleted in the middle',
    code: 'entry-gap',
    where: 'entry 150',
    check: (r) => {
      // One problem for the one missing row, whatever follows it; the count is right.
      expect(r.problems.filter((p) => p.code === 'entry-gap')).toHaveLength(1);
      expect(r.problems.find((p) => p.code === 'entry-gap')!.message).toMatch(/^Entry 150 is missing/);
      expect(r.problems.find((p) => p.code === 'size-mismatch')!.message).toBe(
        `The log claims ${EVENTS} events; ${EVENTS - 1} are stored.`,
      );
      expect(r.size).toBe(EVENTS - 1);
    },
    apply: async (db) => {
      await db.deleteFrom('truce_entry').where('idx', '=', 150).execute();
    },
  },
  {
    name: 'rows deleted at the end, the rest left as it was',
    code: 'size-mismatch',
    where: 'log',
    check: (r) =>
      expect(r.problems.find((p) => p.code === 'size-mismatch')!.message).toBe(
        `The log claims ${EVENTS} events; ${EVENTS - 3} are stored.`,
      ),
    apply: async (db) => {
      await db
        .deleteFrom('truce_entry')
        .where('idx', '>=', EVENTS - 3)
        .execute();
    },
  },
  {
    name: 'the log cut back consistently (entries, hashes, size, root, checkpoints)',
    code: 'log-truncated',
    where: 'log',
    check: (r) => {
      const p = r.problems.find((x) => x.code === 'log-truncated')!;
      expect(p.message).toContain(`holds ${CUT - 20} events`);
      expect(p.message).toContain(`checkpoint of ${CUT}`);
      expect(p.message).toContain('the last 20 events were removed');
    },
    apply: (db, { store, logId }) => truncate(db, store, logId, CUT - 20),
  },
  {
    name: 'the log cut back consistently and the witnessed table wiped (the witness state remains)',
    code: 'log-truncated',
    where: 'log',
    check: (r) =>
      expect(r.problems.find((x) => x.code === 'log-truncated')!.message).toContain(
        'this server (truce_witness)',
      ),
    apply: async (db, { store, logId }) => {
      await truncate(db, store, logId, CUT - 20);
      await db.deleteFrom('truce_witnessed').execute();
    },
  },
  {
    name: 'a revoked actor un-revoked in the actors table',
    code: 'actor-cache-mismatch',
    where: 'actor mediator',
    check: (r) => expect(r.problems[0]!.message).toContain('the log revoked it'),
    apply: async (db) => {
      await db.updateTable('truce_actor').set({ revoked: 0 }).where('actor', '=', 'mediator').execute();
    },
  },
  {
    name: "an actor's key swapped in the actors table",
    code: 'actor-cache-mismatch',
    where: 'actor party-a',
    check: (r) => expect(r.problems[0]!.message).toContain('another key'),
    apply: async (db) => {
      const other = formatVerifierKey(generateSigner(crypto, 'party-a'));
      await db.updateTable('truce_actor').set({ key: other }).where('actor', '=', 'party-a').execute();
    },
  },
  {
    name: "an actor's role raised in the actors table",
    code: 'actor-cache-mismatch',
    where: 'actor monitor',
    check: (r) =>
      expect(r.problems[0]!.message).toContain('the table says operator, the log registered monitor'),
    apply: async (db) => {
      await db.updateTable('truce_actor').set({ role: 'operator' }).where('actor', '=', 'monitor').execute();
    },
  },
  {
    name: 'an actor added to the actors table',
    code: 'actor-cache-extra',
    where: 'actor intruder',
    apply: async (db, { logId }) => {
      const key = formatVerifierKey(generateSigner(crypto, 'intruder'));
      await db
        .insertInto('truce_actor')
        .values({
          log_id: logId,
          actor: 'intruder',
          name: 'intruder',
          role: 'operator',
          party: null,
          key,
          revoked: 0,
        })
        .execute();
    },
  },
  {
    name: 'an actor deleted from the actors table',
    code: 'actor-cache-missing',
    where: 'actor icrc',
    apply: async (db) => {
      await db.deleteFrom('truce_actor').where('actor', '=', 'icrc').execute();
    },
  },
  {
    name: 'a cosigned checkpoint deleted',
    code: 'checkpoint-missing',
    where: 'checkpoint 20',
    apply: async (db) => {
      await db.deleteFrom('truce_cosignature').where('size', '=', 20).execute();
      await db.deleteFrom('truce_checkpoint').where('size', '=', 20).execute();
    },
  },
  {
    name: 'a cosignature deleted',
    code: 'cosignature-missing',
    where: `cosignature of w1 on checkpoint ${CUT}`,
    apply: async (db) => {
      await db.deleteFrom('truce_cosignature').where('size', '=', CUT).execute();
    },
  },
  {
    name: "a token's role raised in the tokens table",
    code: 'token-not-in-registry',
    where: 'token ',
    check: (r) => expect(r.problems[0]!.message).toContain('"party-a" is mediator'),
    apply: async (db) => {
      await db
        .updateTable('truce_token')
        .set({ role: 'mediator', party: null })
        .where('actor', '=', 'party-a')
        .execute();
    },
  },
  {
    name: "the witness's state given another root",
    code: 'witnessed-invalid',
    where: '(this server (truce_witness))',
    apply: async (db) => {
      const r = await db.selectFrom('truce_witness').select('checkpoint').executeTakeFirstOrThrow();
      const lines = r.checkpoint.split('\n');
      lines[2] = Buffer.alloc(32, 9).toString('base64');
      await db
        .updateTable('truce_witness')
        .set({ checkpoint: lines.join('\n') })
        .execute();
    },
  },
];

const EXPORT_KINDS: ExportKind[] = [
  {
    name: 'the served checkpoint file replaced by garbage',
    code: 'served-checkpoint-invalid',
    where: 'checkpoint file',
    apply: (dir) => writeFile(join(dir, 'checkpoint'), 'not a checkpoint\n'),
  },
  {
    name: 'the served checkpoint file deleted',
    code: 'served-checkpoint-missing',
    where: 'checkpoint file',
    apply: (dir) => rm(join(dir, 'checkpoint')),
  },
  {
    name: 'the served checkpoint file replaced by an older checkpoint',
    code: 'served-checkpoint-stale',
    where: 'checkpoint file',
    apply: async (dir) => {
      const cps = JSON.parse(await readFile(join(dir, 'checkpoints.json'), 'utf8')) as { note: string }[];
      await writeFile(join(dir, 'checkpoint'), cps[0]!.note);
    },
  },
  {
    name: 'the tile folder deleted',
    code: 'tile-missing',
    where: 'tile/',
    check: (r) =>
      expect(r.problems.find((p) => p.code === 'tile-missing')!.message).toMatch(
        /^\d+ tile files of the log are missing \(tile\//,
      ),
    apply: (dir) => rm(join(dir, 'tile'), { recursive: true }),
  },
  {
    name: 'a hash tile altered',
    code: 'tile-mismatch',
    where: 'tile/0/000',
    apply: async (dir) => {
      const b = await readFile(join(dir, 'tile/0/000'));
      b[40] = b[40]! ^ 1;
      await writeFile(join(dir, 'tile/0/000'), b);
    },
  },
  {
    name: 'an entry bundle altered',
    code: 'tile-mismatch',
    where: 'tile/entries/000',
    apply: async (dir) => {
      const b = await readFile(join(dir, 'tile/entries/000'));
      b[100] = b[100] === 0x78 ? 0x79 : 0x78;
      await writeFile(join(dir, 'tile/entries/000'), b);
    },
  },
  {
    name: 'a tile published under a second, non-canonical path',
    code: 'tile-unexpected',
    where: 'tile/0/x000/000',
    apply: async (dir) => {
      await mkdir(join(dir, 'tile/0/x000'), { recursive: true });
      await writeFile(join(dir, 'tile/0/x000/000'), await readFile(join(dir, 'tile/0/000')));
    },
  },
  {
    name: 'the export cut back consistently (events, log.json, checkpoints, checkpoint file, tiles), witnessed.json kept',
    code: 'log-truncated',
    where: 'log',
    apply: async (dir, { db, store, logId, full }) => {
      await truncate(db, store, logId, CUT - 20);
      await db.deleteFrom('truce_witnessed').execute();
      await db.deleteFrom('truce_witness').execute();
      await rm(dir, { recursive: true });
      await writeExport(store, logId, dir);
      await cp(join(full, 'witnessed.json'), join(dir, 'witnessed.json'));
    },
  },
];

describe.each(DIALECTS)('every kind of tampering, on %s', (dialect) => {
  let database: Awaited<ReturnType<typeof scratchDatabase>>;
  let store: LedgerStore;
  let restore: () => Promise<void>;
  let full: string;
  const f = ledgerFixture();
  const w = generateSigner(crypto, 'w1', ALG_COSIGNATURE_V1);
  const pool = new VerifyPool(2);
  /**
   * Verified three ways, which must agree to the letter: on this thread, through worker threads in
   * small batches (several under way at once), and by verify as it was before either (the reference).
   */
  const same = async (material: () => Promise<LogMaterial>) => {
    const report = await verifyLog(crypto, await material());
    expect(await verifyLog(crypto, await material(), { check: pool.check, batch: 7, ahead: 3 })).toEqual(
      report,
    );
    expect(await verifyLogBefore(crypto, await material())).toEqual(report);
    return report;
  };
  const verify = () => same(() => storeMaterial(store, f.logId));

  beforeAll(async () => {
    database = await scratchDatabase(dialect);
    store = new LedgerStore(database, crypto);
    await f.createLog(store);
    await store.append(f.logId, [
      ...f.genesis(),
      f.register('mediator'),
      f.event('operator', 'actor.registered', {
        actor: 'w1',
        name: 'W1',
        role: 'witness',
        key: formatVerifierKey(w),
      }),
      f.event('operator', 'actor.revoked', { actor: 'mediator' }),
    ]);
    const aid = (i: number) =>
      f.event('monitor', 'aid.delivered', {
        date: '2023-11-25',
        quantity: i,
        unit: 'truck',
        destination: 'north',
      });
    const cosigned = async () => {
      const { size, note } = await checkpointLog(store, f.logId, f.keys.operator!);
      const line = cosign(crypto, w, splitNote(note).text, 1_700_000_000 + size);
      await store.addCosignature(f.logId, size, 'w1', line, '2023-11-25T00:00:00Z');
      return { size, note };
    };
    await store.append(
      f.logId,
      Array.from({ length: 20 - 8 }, (_, i) => aid(i)),
    );
    await cosigned();
    await store.append(
      f.logId,
      Array.from({ length: CUT - 20 }, (_, i) => aid(20 + i)),
    );
    const latest = await cosigned();
    await store.append(
      f.logId,
      Array.from({ length: EVENTS - CUT }, (_, i) => aid(CUT + i)),
    );
    // This server is a witness of its own log too: what it last cosigned is in truce_witness.
    const log = await store.requireLog(f.logId);
    const cp = parseCheckpoint(splitNote(latest.note).text);
    expect(
      await new WitnessStore(database).advance(undefined, {
        origin: log.origin,
        logKey: log.logKey,
        size: cp.size,
        root: cp.root,
        checkpoint: latest.note,
      }),
    ).toBe(true);
    await new TokenStore(database).create({
      log: f.logId,
      actor: 'party-a',
      role: 'party',
      party: 'party-a',
    });
    expect((await verify()).problems).toEqual([]);
    full = await mkdtemp(join(tmpdir(), 'truce-tamper-'));
    await writeExport(store, f.logId, full);
    expect((await verifyLog(crypto, await exportMaterial(await readExport(full)))).problems).toEqual([]);
    restore = await snapshot(database.db);
  }, 120_000);
  afterAll(async () => {
    await pool.close();
    await rm(full, { recursive: true, force: true });
    await database?.close();
  });

  const named = (report: LogReport, kind: Kind) => {
    expect(report.problems.length, `undetected: ${kind.name}`).toBeGreaterThan(0);
    const found = report.problems.find((p) =>
      typeof kind.code === 'string' ? p.code === kind.code : kind.code.test(p.code),
    );
    expect(found, `${kind.name}: ${JSON.stringify(report.problems.slice(0, 5))}`).toBeDefined();
    expect(found!.where).toContain(kind.where);
    kind.check?.(report);
  };

  it('a row deleted from the first page of a log past one page (5,000 rows) is counted right', async () => {
    const big = await scratchDatabase(dialect);
    try {
      const g = ledgerFixture();
      const s = new LedgerStore(big, crypto);
      await g.createLog(s);
      const n = 5_040;
      await s.append(g.logId, [
        ...g.genesis(),
        ...Array.from({ length: n - 5 }, (_, i) => g.event('monitor', 'statement', { text: `${i}` })),
      ]);
      await big.db.deleteFrom('truce_entry').where('idx', '=', 3000).execute();
      const report = await verifyLog(crypto, await storeMaterial(s, g.logId));
      expect(report.size).toBe(n - 1);
      expect(report.problems.filter((p) => p.code === 'entry-gap').map((p) => p.where)).toEqual([
        'entry 3000',
      ]);
      expect(report.problems.find((p) => p.code === 'size-mismatch')!.message).toBe(
        `The log claims ${n} events; ${n - 1} are stored.`,
      );
    } finally {
      await big.close();
    }
  }, 120_000);

  it.each(STORE_KINDS.map((k) => [k.name, k] as const))(
    'the database: %s is caught and named',
    async (_, kind) => {
      try {
        await kind.apply(database.db, { store, logId: f.logId });
        named(await verify(), kind);
      } finally {
        await restore();
      }
      expect((await verify()).problems).toEqual([]);
    },
    60_000,
  );

  it.each(EXPORT_KINDS.map((k) => [k.name, k] as const))(
    'an export folder: %s is caught and named',
    async (_, kind) => {
      const dir = await mkdtemp(join(tmpdir(), 'truce-tamper-'));
      try {
        await cp(full, dir, { recursive: true });
        await kind.apply(dir, { db: database.db, store, logId: f.logId, full });
        named(await same(async () => exportMaterial(await readExport(dir))), kind);
      } finally {
        await restore();
        await rm(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
