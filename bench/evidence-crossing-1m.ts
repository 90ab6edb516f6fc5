/**
 * The evidence of a log of a million events crossing from the judging thread each new second: the
 * whole of it packed, moved and unpacked (packEvidence, as before), against only what changed
 * (evidence-crossing.ts). Both through structured clone, the buffer moved, as a worker's answer is.
 * Usage: npx node bench/evidence-crossing-1m.ts <a copy of bench-cache/nov-2023-plus-1000000.db>
 * (never the cache itself: opening it may write to it). Writes the section "Evidence crossing at a
 * million events" of bench/RESULTS.md.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseAgreement } from '../src/core/agreement/parse-agreement.ts';
import { EvidenceReceiver, EvidenceSender } from '../src/core/compliance/evidence-crossing.ts';
import { createEvaluator } from '../src/core/compliance/index.ts';
import { packEvidence, unpackEvidence } from '../src/core/compliance/packed-evidence.ts';
import { toHex } from '../src/core/crypto/crypto.ts';
import { nodeCrypto } from '../src/platform/node-crypto.ts';
import { openDatabase } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { machine, percentile } from './machine.ts';
import { writeSection } from './results.ts';

const parsed = parseAgreement(readFileSync('examples/agreements/nov-2023-pause.yaml', 'utf8'), 'x');
if (!parsed.ok) throw new Error('The example agreement does not parse.');
const agreement = parsed.agreement;
const db = await openDatabase(process.argv[2]!);
const store = new LedgerStore(db, nodeCrypto);
const log = await store.requireLog('nov-2023-pause');
const ev = createEvaluator(agreement);
const utf8 = new TextDecoder();
console.log(
  machine(),
  'load',
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' '),
);
let t = performance.now();
for (let s = 0; s < log.size; s += 5000) {
  const page = await store.rawEntries('nov-2023-pause', s, Math.min(log.size, s + 5000));
  for (const e of page) ev.apply({ leafHash: toHex(e.leafHash), event: JSON.parse(utf8.decode(e.bytes)) });
}
console.log('applied', log.size, (performance.now() - t).toFixed(0), 'ms');
const sender = new EvidenceSender('bench');
const receiver = new EvidenceReceiver();
type Row = { pack: number; clone: number; unpack: number; bytes: number };
const before: Row[] = [];
const after: Row[] = [];
const loadAtStart = loadavg();
const cross = <T>(v: T, hashes: Uint8Array) =>
  structuredClone({ v, hashes }, { transfer: [hashes.buffer as ArrayBuffer] });
const SECONDS = 11;
for (let i = 0; i < SECONDS; i++) {
  const at = new Date(Date.UTC(2026, 11, 7, 5, 0, i)).toISOString().replace('.000Z', 'Z');
  t = performance.now();
  const res = ev.result(at);
  const t0 = performance.now();
  const old = packEvidence(res);
  const t1 = performance.now();
  const oldBytes = old.hashes.length;
  const oldCopy = cross(old.value, old.hashes);
  const t2 = performance.now();
  unpackEvidence(oldCopy.v, oldCopy.hashes);
  const t3 = performance.now();
  const sent = sender.send(res, receiver.have());
  const t4 = performance.now();
  const newBytes = sent.hashes.length;
  const copy = cross(sent, sent.hashes);
  const t5 = performance.now();
  const back = receiver.receive({ ...copy.v, hashes: copy.hashes });
  const t6 = performance.now();
  if (!back) throw new Error('refused');
  // The first second packs everything both ways; the rows are the new seconds after it.
  if (i > 0) {
    before.push({ pack: t1 - t0, clone: t2 - t1, unpack: t3 - t2, bytes: oldBytes });
    after.push({ pack: t4 - t3, clone: t5 - t4, unpack: t6 - t5, bytes: newBytes });
  }
  console.log(
    `${at} result ${(t0 - t).toFixed(0)} ms | before: pack ${(t1 - t0).toFixed(0)} clone ${(t2 - t1).toFixed(0)} unpack ${(t3 - t2).toFixed(0)} ms, ${(oldBytes / 1e6).toFixed(1)} MB | after: pack ${(t4 - t3).toFixed(0)} clone ${(t5 - t4).toFixed(0)} unpack ${(t6 - t5).toFixed(0)} ms, ${(newBytes / 1e6).toFixed(3)} MB, ${receiver.held()} lists held`,
  );
}
const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
const row = (name: string, rows: Row[]) => {
  const ms = (k: 'pack' | 'clone' | 'unpack') =>
    `${percentile(
      rows.map((r) => r[k]),
      50,
    ).toFixed(0)} ms (max ${Math.max(...rows.map((r) => r[k])).toFixed(0)})`;
  return `| ${name} | ${ms('pack')} | ${ms('clone')} | ${ms('unpack')} | ${(rows.reduce((n, r) => n + r.bytes, 0) / rows.length / 1e6).toFixed(1)} MB |`;
};
writeSection('Evidence crossing at a million events', [
  `The Nov 2023 demo log plus 1,000,000 synthetic events (${log.size.toLocaleString('en')} events), judged by one live evaluator in this process, then its result at ${SECONDS - 1} new seconds after the first (median, max), each through structured clone with its buffer moved, as the judging worker's answer crosses to the server's thread. Before: every evidence list packed each second (packEvidence, ${(before[0]!.bytes / 32).toLocaleString('en')} leaf hashes); now: only the lists the serving thread does not hold (evidence-crossing.ts; ${receiver.held()} lists held). Load average ${load(loadAtStart)} at the start, ${load(loadavg())} at the end (the machine is shared).`,
  '',
  '| evidence crossing | pack (judging thread) | structured clone | unpack (serving thread) | bytes moved a second |',
  '|---|---|---|---|---|',
  row('before: every list, each second', before),
  row('now: lists not held', after),
]);
process.exit(0);
