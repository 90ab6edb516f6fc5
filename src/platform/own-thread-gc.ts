import { setFlagsFromString } from 'node:v8';

/**
 * Has the young generation's collections done on the threads that run JavaScript, none of it on
 * V8's helper threads. For a task that keeps every core busy with threads of its own (verify: one
 * worker a core, and the main thread), helpers have no core to run on, and a collection that
 * waits for one waits for a time slice: on a shared machine under load, a worker's scavenges
 * spent 6 s of their 10 s of pauses over 50,000 events waiting for the helper that frees the
 * young generation's array buffers. V8 reads these two flags at each collection, so they can be
 * set while the process runs (for every thread, workers included). Marking and sweeping keep
 * their helpers: V8 must not be told otherwise once it has started (it aborts when concurrent
 * marking is turned off while a marking job exists). Where V8 refuses a flag, nothing changes.
 */
export function gcOnOwnThreads(): void {
  for (const flag of ['--no-concurrent-array-buffer-sweeping', '--no-parallel-scavenge']) {
    try {
      setFlagsFromString(flag);
    } catch {
      // This one stays as it is.
    }
  }
}
