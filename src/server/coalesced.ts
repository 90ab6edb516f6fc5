/**
 * `task`, run one at a time: a call while it runs is answered by one more run once it ends,
 * however many calls came meanwhile (each call only says there may be more to do). The promise
 * returned settles once a run that began after the call has ended; a run that fails ends the
 * series and rejects it.
 */
export function coalesced(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await task();
        } while (again);
      } finally {
        running = undefined;
        again = false;
      }
    })();
    return running;
  };
}
