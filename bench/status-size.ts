/**
 * The status document against the log's length: the bytes `GET /api/logs/:id/status` sends for the
 * Nov 2023 log with N more aid figures of one line (0 trucks each, so that every status reads the
 * same and only the evidence grows), and with the synthetic events of bench/million-log.ts (an
 * allegation in 10,000), as served now (each list of evidence counted, the allegations counted
 * with the latest 5 listed) and, the baseline measured in the same run, as it was served before
 * (every leaf hash and every allegation listed).
 * Run: nice node bench/status-size.ts. Writes the section "Status document size" of bench/RESULTS.md.
 */
import { loadavg } from 'node:os';
import { demoSigner } from '../examples/logs/build-nov-2023.ts';
import { novAgreement, novEvents } from '../examples/logs/nov-2023-events.ts';
import { LATEST_ALLEGATIONS } from '../src/core/compliance/allegation-summary.ts';
import { countedEvaluation } from '../src/core/compliance/counted-evaluation.ts';
import { evaluate } from '../src/core/compliance/evaluate.ts';
import { shownExplanations } from '../src/core/compliance/shown-explanations.ts';
import type { LoggedEvent } from '../src/core/compliance/types.ts';
import { toHex } from '../src/core/crypto/crypto.ts';
import { headlineFigures } from '../src/core/figures/headline-figures.ts';
import { canonicalBytes } from '../src/core/ledger/canonical-json.ts';
import type { EventEnvelope } from '../src/core/ledger/event.ts';
import { parseSignedEvent, signEvent } from '../src/core/ledger/event-sign.ts';
import { leafHash } from '../src/core/ledger/tlog.ts';
import { explainedEvaluation } from '../src/core/words/explained-evaluation.ts';
import { nodeCrypto as crypto } from '../src/platform/node-crypto.ts';
import { writeGoals } from './goal-record.ts';
import { syntheticEvent } from './million-log.ts';
import { writeSection } from './results.ts';

const SIZES = (process.env.BENCH_STATUS_SIZES ?? '1000,10000,100000').split(',').map(Number);
/** The log of bench/million-log.ts (and million.ts) at these lengths. */
/**
 * The log of bench/million-log.ts (and million.ts) at these lengths: an allegation in 10,000, so
 * that from 60,000 events on it holds more than the LATEST_ALLEGATIONS the status lists.
 */
const RECIPE_SIZES = (process.env.BENCH_STATUS_RECIPE_SIZES ?? '10000,60000,100000').split(',').map(Number);
const AT = '2023-12-01T12:00:00+02:00';

function aidFigures(n: number): LoggedEvent[] {
  const israel = demoSigner('israel');
  return Array.from({ length: n }, (_, k) => {
    const occurredAt = new Date(Date.parse('2023-11-25T06:00:00Z') + k * 1000).toISOString();
    const envelope = {
      v: 1,
      log: 'nov-2023-pause',
      kind: 'aid.delivered',
      occurredAt,
      recordedAt: occurredAt,
      actor: 'israel',
      body: { category: 'aid', date: '2023-11-25', provision: 'aid', quantity: 0, unit: 'truck' },
      source: { name: 'Israel', method: 'a bench figure' },
    } as EventEnvelope;
    const bytes = canonicalBytes(signEvent(crypto, envelope, israel));
    return { leafHash: toHex(leafHash(crypto.sha256, bytes)), event: parseSignedEvent(bytes) };
  });
}

/** The synthetic events of bench/million-log.ts: aid figures from four sources, statements, an allegation in 10,000. */
function recipe(n: number): LoggedEvent[] {
  return Array.from({ length: n }, (_, i) => {
    const bytes = syntheticEvent(i, n);
    return { leafHash: toHex(leafHash(crypto.sha256, bytes)), event: parseSignedEvent(bytes) };
  });
}

const agreement = novAgreement();
const base = novEvents();
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e6 ? 3 : 1)} MB`;
/** The document's bytes before and now, for the log of `extra` events after the demo log's. */
function measure(label: string, extra: LoggedEvent[], at: string) {
  const events = [...base, ...extra];
  const e = evaluate(agreement, events, at);
  const explained = explainedEvaluation(e, agreement, 'en');
  const headline = headlineFigures(agreement, e);
  const listed = Buffer.byteLength(JSON.stringify({ ...explained, headline }));
  const t = performance.now();
  // As the status route serves it: explanations cut to their latest allegations, worded, counted.
  const served = countedEvaluation(explainedEvaluation(shownExplanations(e), agreement, 'en'));
  const counted = Buffer.byteLength(JSON.stringify({ ...served, headline }));
  const ms = performance.now() - t;
  const row = `| ${label} | ${events.length.toLocaleString('en-US')} | ${e.allegations.length.toLocaleString('en-US')} | ${mb(listed)} | ${mb(counted)} (${counted.toLocaleString('en-US')} bytes) | ${ms.toFixed(1)} ms |`;
  console.log(row);
  return { row, events: events.length, allegations: e.allegations.length, listed, counted };
}
const aid = SIZES.map((n) => measure('one aid line, 0 trucks', aidFigures(n), AT));
// As bench/million.ts asks for it: now, after the pause.
const mix = RECIPE_SIZES.map((n) => measure('bench/million-log.ts', recipe(n), '2023-12-02T12:00:00+02:00'));
const rows = [...aid, ...mix].map((m) => m.row);
/**
 * The goal's row for one series: its largest log's document beside its smallest's, of the logs
 * that hold more allegations than the status lists (with fewer, the document is smaller by those
 * it does not have to list).
 */
const goal = (what: string, series: typeof aid) => {
  const past = series.filter((m) => m.allegations === 0 || m.allegations > LATEST_ALLEGATIONS);
  const [small, big] = [past[0] ?? series[0]!, series.at(-1)!];
  const ratio = big.counted / small.counted;
  return {
    measure: `status document size (${what}, in process)`,
    goal: 'independent of the log’s length',
    measured: `${big.counted.toLocaleString('en-US')} bytes at ${big.events.toLocaleString('en-US')} events${big.allegations ? `, ${big.allegations} allegations` : ''} (listed before: ${mb(big.listed)})`,
    baseline: `${small.counted.toLocaleString('en-US')} bytes at ${small.events.toLocaleString('en-US')} events${small.allegations ? `, ${small.allegations} allegations` : ''}`,
    ratio: `${ratio.toFixed(3)}×`,
    met: ratio <= 1.01,
  };
};
writeGoals('status-size', [
  goal('aid evidence', aid),
  goal(`the big log’s mix, allegations counted, the latest ${LATEST_ALLEGATIONS} listed`, mix),
]);
writeSection('Status document size', [
  `The Nov 2023 log (64 events) with more aid figures of one line (0 trucks each: every status reads the same, only the evidence grows), judged at ${AT}; and with the synthetic events of bench/million-log.ts (aid figures of four sources, statements, an allegation in 10,000, each unanswered), judged after the pause; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(
      ' ',
    )} when it ended (the machine is shared; run under nice). Baseline, in the same run: the document as it was served before, every list of evidence as its leaf hashes. Now: each list counted (\`evidenceCount\`, \`evidenceRef\`), its events paged by GET /api/logs/{id}/evidence; the allegations counted (per state, party and provision) with the latest ${LATEST_ALLEGATIONS} listed, all of them paged by GET /api/logs/{id}/allegations, and each explanation's list of allegations cut to its latest ${LATEST_ALLEGATIONS} ("Latest ${LATEST_ALLEGATIONS} of 10: …"). Up to ${LATEST_ALLEGATIONS} allegations, each one listed adds to the document; beyond, none does: the goal compares the logs past that (the rest of the mix's document varies a little with its aid figures). "Counting" is the time to cut the explanations, word them, count and serialise the document (before this run, the column left out the wording; once a second at most: it is remembered per evaluation and language).`,
  '',
  '| log | events | allegations | listed (before) | counted (now) | counting |',
  '|---|---|---|---|---|---|',
  ...rows,
]);
