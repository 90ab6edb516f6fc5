/** An event appended to a log, as the stream announces it. */
export interface AppendedEvent {
  index: number;
  leafHash: string;
  kind: string;
}

/** One listener of a log's appends: it is told each new event, and when the server stops. */
export interface LogListener {
  appended(event: AppendedEvent): void;
  /** The server is closing: end the stream. */
  closed(): void;
}

/**
 * In-process news of appends, per log: the append route publishes each event it stored, the stream
 * route listens. Appends made by another process (the CLI, another server) are not seen here.
 */
export class LogNotifier {
  private readonly listeners = new Map<string, Set<LogListener>>();

  /** Listens to the appends of `logId`; the function returned stops listening. */
  subscribe(logId: string, listener: LogListener): () => void {
    const set = this.listeners.get(logId) ?? new Set<LogListener>();
    this.listeners.set(logId, set);
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(logId) === set) this.listeners.delete(logId);
    };
  }

  /** Tells every listener of `logId` about an event just appended. */
  publish(logId: string, event: AppendedEvent): void {
    for (const l of [...(this.listeners.get(logId) ?? [])]) l.appended(event);
  }

  /** Tells every listener the server is closing. */
  close(): void {
    for (const set of [...this.listeners.values()]) for (const l of [...set]) l.closed();
    this.listeners.clear();
  }
}
