/**
 * A writer for the crash and concurrency tests: appends signed events to a log as fast as it can
 * and prints the leaf hash of each event once its append has returned (acknowledged).
 * Usage: node append-worker.ts DATABASE LOG COUNT BATCH TAG, with the actor key in TRUCE_TEST_KEY.
 */
import { canonicalBytes } from '../../src/core/ledger/canonical-json.ts';
import { signEvent } from '../../src/core/ledger/event-sign.ts';
import { parseSignerKey } from '../../src/core/ledger/signed-note.ts';
import { nodeCrypto } from '../../src/platform/node-crypto.ts';
import { openDatabase } from '../../src/store/database.ts';
import { LedgerStore } from '../../src/store/ledger-store.ts';

const [location, log, countText, batchText, tag] = process.argv.slice(2);
const signer = parseSignerKey(nodeCrypto, process.env.TRUCE_TEST_KEY ?? '');
const database = await openDatabase(location!);
const store = new LedgerStore(database, nodeCrypto);
const count = Number(countText);
const batch = Number(batchText);
for (let i = 0; i < count; i += batch) {
  const events = [];
  for (let j = i; j < Math.min(count, i + batch); j++) {
    const at = new Date().toISOString();
    events.push(
      canonicalBytes(
        signEvent(
          nodeCrypto,
          {
            v: 1,
            log: log!,
            kind: 'statement',
            occurredAt: at,
            recordedAt: at,
            actor: signer.name,
            body: { text: `${tag} ${j}` },
          },
          signer,
        ),
      ),
    );
  }
  const results = await store.append(log!, events);
  process.stdout.write(results.map((r) => `${r.leafHash}\n`).join(''));
}
await database.close();
