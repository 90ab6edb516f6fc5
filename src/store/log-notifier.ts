/**
 * News that a log changed (events appended, a checkpoint stored). It is a hint to read the log
 * again, never the data itself: a listener may be told more than once, or once for many changes,
 * and must derive what is new from the log.
 */
export interface LogNotifier {
  /**
   * Calls `changed` whenever `logId` may have changed, and whenever news may have been missed (a
   * connection re-established). The function returned stops listening.
   */
  subscribe(logId: string, changed: () => void): () => void;
  /** This process changed `logId`: tell its listeners now. */
  publish(logId: string): void;
  /**
   * False while news may be missed (PostgreSQL: the listening connection lost and not yet back;
   * listeners are told when it is): what is kept of a log must not be trusted meanwhile.
   */
  readonly listening?: boolean;
  /** Stops: no listener is called any more. */
  close(): Promise<void>;
}

/** The listeners of each log, as every notifier keeps them. */
export class LogListeners {
  private readonly byLog = new Map<string, Set<() => void>>();

  add(logId: string, changed: () => void): () => void {
    const set = this.byLog.get(logId) ?? new Set<() => void>();
    this.byLog.set(logId, set);
    // Each subscription is its own entry, even if the same function subscribes twice.
    const entry = () => changed();
    set.add(entry);
    return () => {
      set.delete(entry);
      if (set.size === 0 && this.byLog.get(logId) === set) this.byLog.delete(logId);
    };
  }

  /** Calls the listeners of `logId`, or of every log when `logId` is undefined. */
  call(logId?: string): void {
    const sets = logId === undefined ? [...this.byLog.values()] : [this.byLog.get(logId) ?? new Set()];
    for (const set of sets) for (const l of [...set]) l();
  }

  get size(): number {
    return this.byLog.size;
  }

  clear(): void {
    this.byLog.clear();
  }
}
