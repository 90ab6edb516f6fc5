import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { AgreementChecker, CHECK_TIMEOUT_MS } from '../src/server/agreement-checker.ts';
import { HttpProblem } from '../src/server/problem.ts';

const NOV = readFileSync(new URL('../examples/agreements/nov-2023-pause.yaml', import.meta.url), 'utf8');
/** The text on which the stand-in worker never answers (workers share the process's environment). */
const NEVER_DONE = '# never done';
process.env.TRUCE_NEVER_DONE = NEVER_DONE;
const neverDoneWorker = new URL('./workers/never-done-check-worker.ts', import.meta.url);

describe('AgreementChecker', () => {
  let checker: AgreementChecker | undefined;
  afterEach(async () => {
    await checker?.close();
    checker = undefined;
  });

  it('refuses a document that never finishes (422 agreement-too-complex), replaces its worker, and checks the next', async () => {
    checker = new AgreementChecker({ workerUrl: neverDoneWorker, timeoutMs: 200 });
    // The worker spins on this document forever: only the timeout can end it, whatever the machine.
    const stuck = checker.check(`${NOV}\n${NEVER_DONE}\n`, 'stuck.yaml');
    // Queued behind it: checked by the replacement worker once the first is refused.
    const queued = checker.check(NOV, 'queued.yaml');
    const refusal = await stuck.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(HttpProblem);
    expect(refusal).toMatchObject({ status: 422, code: 'agreement-too-complex' });
    expect((refusal as Error).message).toContain('more than 0.2 s');
    const result = await queued;
    expect(result.ok && result.agreement.id).toBe('nov-2023-pause');
  });

  it('reads in the default worker with the default time budget', async () => {
    checker = new AgreementChecker();
    const result = await checker.check(NOV, 'nov.yaml');
    expect(result.ok && result.agreement.id).toBe('nov-2023-pause');
    expect(CHECK_TIMEOUT_MS).toBe(5000);
  });
});
