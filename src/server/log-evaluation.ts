import type { Agreement } from '../core/agreement/types.ts';
import { EvidenceReceiver } from '../core/compliance/evidence-crossing.ts';
import { ComplianceError } from '../core/compliance/index.ts';
import type { Evaluation } from '../core/compliance/types.ts';
import { type Adoption, adoptionAt } from '../core/ledger/text-in-force.ts';
import { addDays, isoInZone, localToEpoch } from '../core/time/zoned-time.ts';
import type { LedgerStore } from '../store/ledger-store.ts';
import { adoptions } from '../store/log-adoption.ts';
import type { ServerContext } from './context.ts';
import type { EvaluateAnswer, EvaluateTask } from './evaluation-task.ts';
import { adoptedText } from './log-agreement.ts';
import { HttpProblem } from './problem.ts';
import { RememberedEvaluations } from './remembered-evaluations.ts';

/** Events read from the store a page at a time. */
const PAGE = 5000;

/** A date-time with an offset, as `?at=` takes it. */
export const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** A calendar day, as `?date=` takes it. */
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The end of `date` (midnight after it) in the agreement's time zone, with its offset. */
export function endOfDay(date: string, agreement: Agreement): string {
  return isoInZone(localToEpoch(addDays(date, 1), '00:00', agreement.timeZone), agreement.timeZone);
}

/** A name for each store and each agreement object, unique in this process: what workers key their evaluators by. */
const names = new WeakMap<object, string>();
let named = 0;
function nameOf(o: object): string {
  let name = names.get(o);
  if (name === undefined) {
    name = String(++named);
    names.set(o, name);
  }
  return name;
}

/** How far each log has been fed to the worker that holds its evaluator, as this thread last heard. */
const fed = new Map<string, { agreementKey: string; size: number }>();

/**
 * The evidence lists each log's worker sent, as this thread holds them (see evidence-crossing.ts):
 * by log, with the agreement they were judged against; at most RECEIVERS logs, the least recently
 * asked for let go first (its next answer then comes whole).
 */
const received = new Map<string, { agreementKey: string; receiver: EvidenceReceiver }>();
const RECEIVERS = 64;

/** The lists held of `log` judged against `agreementKey`, made the most recently used. */
function receiverOf(log: string, agreementKey: string): EvidenceReceiver {
  let entry = received.get(log);
  if (entry?.agreementKey !== agreementKey) entry = { agreementKey, receiver: new EvidenceReceiver() };
  received.delete(log);
  received.set(log, entry);
  if (received.size > RECEIVERS) received.delete(received.keys().next().value!);
  return entry.receiver;
}

/** The worker that holds a log's evaluator: always the same one, so that one evaluator is kept. */
function workerOf(log: string): number {
  let h = 0;
  for (let i = 0; i < log.length; i++) h = (h * 31 + log.charCodeAt(i)) >>> 0;
  return h;
}

/**
 * The log judged at `at` on a worker thread of the judging pool. The worker keeps an evaluator per log,
 * fed the events appended since the last request (a log is append-only), a page at a time so that
 * this thread only reads pages and hands them over; a new adoption (another text, by hash) starts
 * a new evaluator. A worker replaced meanwhile (its budget ran out) asks for the log from the start.
 * The answer's evidence lists that this thread holds from the log's last answer are named, not sent
 * (see receiverOf); an answer naming lists no longer held is asked for again, whole.
 */
async function evaluateOnWorker(
  ctx: ServerContext,
  logId: string,
  size: number,
  agreement: Agreement,
  at: string,
  olderText?: number,
): Promise<{ evaluation: Evaluation; size: number }> {
  // A text the log adopted before its latest is judged by an evaluator of its own, so that asking
  // of a moment before the latest adoption does not throw away the evaluator of the text in force.
  const log = `${nameOf(ctx.store)}/${logId}${olderText === undefined ? '' : `@${olderText}`}`;
  const agreementKey = nameOf(agreement);
  const worker = workerOf(log);
  const receiver = receiverOf(log, agreementKey);
  const known = fed.get(log);
  let from = known?.agreementKey === agreementKey ? Math.min(known.size, size) : 0;
  const read = (start: number) => {
    const to = Math.min(size, start + PAGE);
    const page = start < to ? ctx.store.rawEntries(logId, start, to) : Promise.resolve([]);
    // A page read ahead and then not used (the worker lost its place) must not fail unheard.
    page.catch(() => {});
    return { to, page };
  };
  // An answer that names lists this thread no longer holds (two answers crossed, or the lists were
  // let go) is asked for again, whole.
  let whole = false;
  for (let restarts = 0; restarts < 3; restarts++) {
    // The next page is read while the worker applies this one: reading and judging overlap.
    let ahead = read(from);
    for (;;) {
      const { to, page } = ahead;
      const events = await page;
      if (to < size) ahead = read(to);
      const task: EvaluateTask = {
        kind: 'evaluate',
        log,
        agreementKey,
        ...(from === 0 ? { agreement } : {}),
        from,
        events: events.map((e) => ({ leafHash: e.leafHash, bytes: e.bytes })),
        ...(to >= size ? { at } : {}),
      };
      const have = receiver.have();
      if (to >= size && have && !whole) task.have = have;
      const answer = await ctx.judging.run<EvaluateAnswer>(task, { worker });
      if ('need' in answer) {
        from = answer.need;
        fed.delete(log);
        break;
      }
      fed.set(log, { agreementKey, size: to });
      if ('evaluation' in answer) {
        const evaluation = receiver.receive(answer.evaluation);
        if (evaluation) return { evaluation, size: answer.size };
        whole = true;
        from = to;
        break;
      }
      from = to;
    }
  }
  throw new Error(`The worker judging log "${logId}" lost its place three times.`);
}

/**
 * The last evaluations of each log, by the moment they were asked for: the same log at the same
 * size judged against the same agreement at the same moment is the same evaluation. A reader
 * asking for "now" is answered to the second (see nowToTheSecond), so a busy public page costs one
 * evaluation a second, not one a request. At most 16 a log, holding at most six million leaf
 * hashes of evidence between them (packed, 32 bytes each: some 190 MB; the newest is kept whatever
 * it holds; a list shared by several, unchanged between them, is counted once): at a million
 * events, the last 16 seconds' while their lists did not change, fewer when they did.
 */
const RECENT = 16;
const RECENT_HASHES = 6_000_000;
const recent = new WeakMap<LedgerStore, Map<string, RememberedEvaluations>>();
/** The judgements being computed, by store, log, size, agreement and moment. */
const underWay = new Map<string, Promise<{ evaluation: Evaluation; size: number }>>();

/** Now, to the second, as `?at=` takes it: the moment a status "as of now" is computed for. */
export function nowToTheSecond(now = Date.now()): string {
  return new Date(Math.floor(now / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** A log judged: the agreement it adopted (by hash), that adoption, and the evaluation. */
export interface LogJudgement {
  agreement: Agreement;
  adoption: Adoption;
  evaluation: Evaluation;
}

/** The log judged, as it stood at `asOf`, against the agreement it adopted (see log-agreement.ts). */
export async function evaluateLog(
  ctx: ServerContext,
  logId: string,
  asOf: (agreement: Agreement) => string,
): Promise<LogJudgement> {
  const log = await ctx.store.requireLog(logId);
  // The moment is read in the latest text's time zone, then judged against the text in force at
  // it (a later text does not judge a moment before its adoption), read again in that text's zone.
  const adopted = await adoptions(ctx.database, log.id, log.size);
  const latest = await adoptedText(ctx, logId, adopted.at(-1));
  let at = asOf(latest.agreement);
  let inForce = latest;
  let then = adoptionAt(adopted, at);
  if (then !== adopted.at(-1)) {
    inForce = await adoptedText(ctx, logId, then);
    const again = asOf(inForce.agreement);
    if (again !== at && adoptionAt(adopted, again) !== then) {
      then = adoptionAt(adopted, again);
      inForce = await adoptedText(ctx, logId, then);
    }
    at = again;
  }
  const { agreement, adoption } = inForce;
  const older = adoption.index !== latest.adoption.index;
  const byLog = recent.get(ctx.store) ?? new Map<string, RememberedEvaluations>();
  recent.set(ctx.store, byLog);
  let seen = byLog.get(log.id);
  if (!seen) {
    seen = new RememberedEvaluations(RECENT, RECENT_HASHES);
    byLog.set(log.id, seen);
  }
  const hit = seen.find(log.size, agreement, at);
  if (hit) return { agreement, adoption, evaluation: hit };
  // Requests for the same judgement while it is computed wait for that one: at each second a busy
  // page's readers all ask for the new "now", and each had been a task of its own on the log's
  // worker (its queue filled and refused them, 503), its answer copied and serialised again.
  const key = `${nameOf(ctx.store)}/${log.id}|${log.size}|${nameOf(agreement)}|${at}`;
  let pending = underWay.get(key);
  if (!pending) {
    pending = evaluateOnWorker(
      ctx,
      log.id,
      log.size,
      agreement,
      at,
      older ? adoption.index : undefined,
    ).finally(() => underWay.delete(key));
    underWay.set(key, pending);
  }
  let judged: { evaluation: Evaluation; size: number };
  try {
    judged = await pending;
  } catch (e) {
    if (e instanceof ComplianceError) throw new HttpProblem(422, e.code, e.message);
    throw e;
  }
  const { evaluation } = judged;
  // The worker may have read past `log.size` (appends meanwhile): remember only what is exact.
  if (judged.size === log.size) seen.keep(log.size, agreement, at, evaluation);
  return { agreement, adoption, evaluation };
}

/** The log judged at `at` or, without it, now to the second: what `/status` and the status exports answer. */
export function evaluateLogAt(
  ctx: ServerContext,
  logId: string,
  at: string | undefined,
): Promise<LogJudgement> {
  return evaluateLog(ctx, logId, () => at ?? nowToTheSecond());
}
