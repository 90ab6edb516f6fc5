import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { AgreementChecker } from '../src/server/agreement-checker.ts';
import { HttpProblem } from '../src/server/problem.ts';
import { WORK_BUDGET_MS, WorkPool } from '../src/server/work-pool.ts';
import { manualBudget } from './helpers/manual-budget.ts';

const NOV = readFileSync(new URL('../examples/agreements/nov-2023-pause.yaml', import.meta.url), 'utf8');
/** The text on which the stand-in worker never answers (workers share the process's environment). */
const NEVER_DONE = '# never done';
process.env.TRUCE_NEVER_DONE = NEVER_DONE;
const neverDoneWorker = new URL('./workers/never-done-check-worker.ts', import.meta.url);

describe('AgreementChecker', () => {
  let pool: WorkPool | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('refuses a document that never finishes (422 agreement-too-complex), replaces its worker, and checks the next', async () => {
    // One worker, so that the next document waits for the stuck one and needs its replacement.
    const budget = manualBudget();
    pool = new WorkPool({
      workers: 1,
      script: neverDoneWorker,
      budgetMs: { check: 200 },
      budgetClock: budget.clock,
    });
    const checker = new AgreementChecker(pool);
    // The worker spins on this document forever: only the time budget can end it, whatever the machine.
    const stuck = checker.check(`${NOV}\n${NEVER_DONE}\n`, 'stuck.yaml');
    const queued = checker.check(NOV, 'queued.yaml');
    // The stuck document's budget runs out (the test says when, so that the queued one, which a
    // loaded machine may take longer than 0.2 s to check, is never "too long" by chance).
    await budget.running(1);
    budget.expire();
    const refusal = await stuck.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(HttpProblem);
    expect(refusal).toMatchObject({ status: 422, code: 'agreement-too-complex' });
    const result = await queued;
    expect(result.ok && result.agreement.id).toBe('nov-2023-pause');
  });

  it('reads in the default worker with the default time budget', async () => {
    pool = new WorkPool({ workers: 1 });
    const result = await new AgreementChecker(pool).check(NOV, 'nov.yaml');
    expect(result.ok && result.agreement.id).toBe('nov-2023-pause');
    expect(WORK_BUDGET_MS.check).toBe(5000);
  });
});
