import type { BudgetClock } from '../../src/server/work-pool.ts';

/**
 * A WorkPool budget clock that never runs out by itself: the test ends the budgets under way when
 * it chooses, so that whether a task is "too long" never depends on the machine's speed or load.
 */
export function manualBudget() {
  const running = new Set<() => void>();
  const clock: BudgetClock = (expire) => {
    const end = () => {
      running.delete(end);
      expire();
    };
    running.add(end);
    return () => running.delete(end);
  };
  /** Ends the budget of every task under way now. */
  const expire = () => {
    for (const end of [...running]) end();
  };
  /** Resolves once `n` tasks are under way with their budget running. */
  const whenRunning = async (n: number) => {
    while (running.size < n) await new Promise((r) => setTimeout(r, 5));
  };
  return {
    clock,
    running: whenRunning,
    expire,
    /** The answer of a request whose task is held: its budget is ended once the task is under way. */
    async pastItsBudget<T>(held: Promise<T>): Promise<T> {
      await whenRunning(1);
      expire();
      return held;
    },
  };
}
