import { describe, expect, it } from 'vitest';
import type { ParseResult } from '../src/core/agreement/index.ts';
import { type LifecycleStep, WorkPool } from '../src/server/work-pool.ts';
import { manualBudget } from './helpers/manual-budget.ts';

const GATED = new URL('./workers/gated-work-worker.ts', import.meta.url);
const TEXT = 'not: [an agreement';

/**
 * Node can crash the process when a worker's isolate is created while another worker is being
 * terminated (nodejs/node#56312). Every pool in a process starts and stops its workers one at a
 * time, and stops a worker only once it has started.
 */
describe('the work pools start and stop worker threads one at a time', () => {
  it('never starts or stops a worker while another start or stop is under way, across pools', async () => {
    const gate = new Int32Array(new SharedArrayBuffer(8));
    const steps: string[] = [];
    const trace = (pool: string) => (s: LifecycleStep) => steps.push(`${pool}${s.worker} ${s.step}`);
    // Pool a's tasks run past their budget while held at the gate: each worker is stopped at once.
    const budget = manualBudget();
    const a = new WorkPool({
      workers: 2,
      script: GATED,
      workerData: { gate: gate.buffer },
      budgetClock: budget.clock,
      onLifecycle: trace('a'),
    });
    const b = new WorkPool({
      workers: 2,
      script: GATED,
      workerData: { gate: gate.buffer },
      onLifecycle: trace('b'),
    });
    const check = (pool: WorkPool) => pool.run<ParseResult>({ kind: 'check', text: TEXT, file: 'x.yaml' });
    try {
      // Two workers of each pool asked for at once; then a's replacements, asked for while the
      // workers past their budget are being stopped.
      const late = [check(a), check(a)];
      const held = [check(b), check(b)];
      await budget.running(2);
      budget.expire();
      for (const r of await Promise.allSettled(late))
        expect(r.status === 'rejected' && (r.reason as { code?: string }).code).toBe('agreement-too-complex');
      Atomics.store(gate, 0, 1);
      const next = [check(a), check(a)];
      for (const r of await Promise.all([...held, ...next])) expect(r.ok).toBe(false);
    } finally {
      Atomics.store(gate, 0, 1);
      await Promise.all([a.close(), b.close()]);
    }
    // Six workers in all, each started, then stopped: a1 and a2 past their budget, the rest at close.
    expect(steps.filter((s) => s.endsWith(' starting'))).toHaveLength(6);
    expect(steps.filter((s) => s.endsWith(' stopped'))).toHaveLength(6);
    // Each start or stop is followed at once by its end: nothing else happens in between.
    for (let i = 0; i < steps.length; i += 2) {
      const [worker, step] = steps[i]!.split(' ');
      const end = step === 'starting' ? 'started' : 'stopped';
      expect(steps[i + 1], steps.join(', ')).toBe(`${worker} ${end}`);
    }
    // A worker is stopped only after it has started.
    for (const s of steps.filter((x) => x.endsWith(' stopping'))) {
      const worker = s.split(' ')[0];
      expect(steps.indexOf(`${worker} started`)).toBeLessThan(steps.indexOf(s));
    }
  }, 60_000);
});
