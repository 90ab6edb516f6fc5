import type { Io } from './io.ts';
import { CLEAR_LINE } from './terminal-text.ts';

/** A progress line on a terminal's stderr for long work; silent when the output is not a TTY. */
export function progress(io: Io, label: string, total?: number) {
  let last = 0;
  return {
    update(done: number) {
      if (!io.isTTY) return;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const pct = total ? ` ${Math.floor((100 * done) / total)}%` : '';
      io.err(`\r${label}: ${done}${total ? `/${total}` : ''}${pct}   `);
    },
    done() {
      if (io.isTTY) io.err(CLEAR_LINE);
    },
  };
}
