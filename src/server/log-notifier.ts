import { LogListeners, type LogNotifier } from '../store/log-notifier.ts';

export type { LogNotifier } from '../store/log-notifier.ts';

/**
 * News of changes within this process: the append route publishes each log it changed. With
 * `pollMs`, every listener is also told its log may have changed that often, so that a log changed
 * by another process (the CLI on the same SQLite file) is read again without a notification.
 */
export class InProcessLogNotifier implements LogNotifier {
  private readonly listeners = new LogListeners();
  private readonly pollMs: number | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private closed = false;

  constructor(options: { pollMs?: number } = {}) {
    this.pollMs = options.pollMs;
  }

  subscribe(logId: string, changed: () => void): () => void {
    const stop = this.listeners.add(logId, changed);
    if (this.pollMs !== undefined && this.timer === undefined && !this.closed) {
      this.timer = setInterval(() => this.listeners.call(), this.pollMs);
      this.timer.unref();
    }
    return () => {
      stop();
      if (this.listeners.size === 0) this.stopPolling();
    };
  }

  publish(logId: string): void {
    if (!this.closed) this.listeners.call(logId);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopPolling();
    this.listeners.clear();
  }

  private stopPolling(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
