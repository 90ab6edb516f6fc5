/**
 * Compliance benchmark: a full evaluation of a synthetic 1,000,000-event log of the November 2023
 * pause (the real 64 events plus aid figures, statements and allegations from several sources),
 * and the time of one incremental update (apply one event, read the result). Baseline measured in
 * the same run: one pass over the same events that only sums aid quantities. Writes bench/RESULTS.md.
 * Run: node bench/compliance.ts
 */
import { readFileSync } from 'node:fs';
import { parseAgreement } from '../src/core/agreement/index.ts';
import { createEvaluator, evaluate, type LoggedEvent } from '../src/core/compliance/index.ts';
import type { SignedEvent } from '../src/core/ledger/event.ts';
import { percentile } from './machine.ts';
import { writeSection } from './results.ts';

const N = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const root = new URL('../', import.meta.url);
const parsed = parseAgreement(
  readFileSync(new URL('examples/agreements/nov-2023-pause.yaml', root), 'utf8'),
  'nov.yaml',
);
if (!parsed.ok) throw new Error('the example agreement does not parse');
const agreement = parsed.agreement;
const real: LoggedEvent[] = readFileSync(new URL('examples/logs/nov-2023-pause/events.jsonl', root), 'utf8')
  .trim()
  .split('\n')
  .map((line, i) => ({ leafHash: i.toString(16).padStart(64, '0'), event: JSON.parse(line) as SignedEvent }));

const SOURCES = ['UN 2720 mechanism', 'COGAT', 'Palestine Red Crescent', 'UNRWA'];
const start = Date.parse('2023-11-24T07:00:00+02:00');
/** The i-th synthetic event: mostly aid figures from several sources, some statements and allegations. */
function synthetic(i: number): LoggedEvent {
  // Spread evenly over the seven days of the pause, in the order they are appended.
  const offset = Math.floor((i * 7 * 86_400_000) / N);
  const at = new Date(start + offset).toISOString();
  const day = new Date(start + 2 * 3_600_000 + offset).toISOString().slice(0, 10);
  const kind = i % 10 < 7 ? 'aid.delivered' : i % 10 < 9 ? 'statement' : 'violation.alleged';
  const body =
    kind === 'aid.delivered'
      ? { provision: 'aid', date: day, quantity: 100 + (i % 150), unit: 'truck', destination: 'north' }
      : kind === 'statement'
        ? { text: `Situation update ${i}.` }
        : { against: i % 2 ? 'israel' : 'hamas', provision: 'ceasefire', description: `Report ${i}.` };
  const event = {
    event: {
      v: 1,
      log: 'nov-2023-pause',
      kind,
      occurredAt: at,
      recordedAt: at,
      actor: 'monitor',
      body,
      ...(kind === 'aid.delivered' ? { source: { name: SOURCES[i % SOURCES.length]! } } : {}),
    },
    signature: { key: 'monitor+00000000', sig: 'AAAA' },
  } as SignedEvent;
  return { leafHash: (i + 1_000_000_000).toString(16).padStart(64, 'a'), event };
}

const events = [...real, ...Array.from({ length: N - real.length }, (_, i) => synthetic(i))];
const asOf = '2023-12-01T12:00:00+02:00';

let t = performance.now();
let sum = 0;
for (const e of events)
  if (e.event.event.kind === 'aid.delivered') sum += (e.event.event.body as { quantity: number }).quantity;
const baseline = performance.now() - t;

t = performance.now();
const full = evaluate(agreement, events, asOf);
const fullMs = performance.now() - t;

const evaluator = createEvaluator(agreement);
t = performance.now();
for (const e of events) evaluator.apply(e);
const applyMs = performance.now() - t;
evaluator.result(asOf);
const updates: number[] = [];
for (let k = 0; k < 20; k++) {
  const e = synthetic(N + k);
  t = performance.now();
  evaluator.apply(e);
  evaluator.result(asOf);
  updates.push(performance.now() - t);
}
const again = evaluator.result(asOf);
if (again.events !== full.events + 20) throw new Error('incremental and full disagree on the events counted');

writeSection('Compliance evaluation', [
  `The Nov 2023 agreement evaluated as of 1 Dec 12:00 against its ${real.length} real events plus synthetic aid figures (4 sources), statements and allegations: ${N.toLocaleString('en-US')} events in all (${full.events.toLocaleString('en-US')} by then). Baseline: one pass over the same events summing aid quantities (aid total ${sum.toLocaleString('en-US')} trucks).`,
  '',
  '| full evaluation | of which: apply every event | one incremental update (apply + result), p50 | p99 | baseline pass |',
  '|---|---|---|---|---|',
  `| ${(fullMs / 1000).toFixed(2)} s | ${(applyMs / 1000).toFixed(2)} s | ${percentile(updates, 50).toFixed(0)} ms | ${percentile(updates, 99).toFixed(0)} ms | ${baseline.toFixed(0)} ms |`,
]);
