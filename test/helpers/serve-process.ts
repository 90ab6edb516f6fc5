import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { repoRoot } from './run-cli.ts';
import { type SseMessage, sseParser } from './sse.ts';

/** A `truce serve --json` child process, its JSON lines and standard error. */
export interface ServeProcess {
  child: ChildProcess;
  /** Where it listens, from its `listening` line. */
  base: string;
  /** The next JSON line it prints (after `listening`). */
  next(): Promise<Record<string, string>>;
  stderr(): string;
  exited: Promise<number | null>;
}

/** `truce serve ARGS… --json` as a child process: its JSON lines one at a time, its stderr, its exit. */
export function spawnServe(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['src/cli/main.ts', 'serve', ...args, '--json'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((done) => child.on('exit', done));
  const queue: Record<string, string>[] = [];
  const waiting: ((l: Record<string, string>) => void)[] = [];
  createInterface({ input: child.stdout! }).on('line', (l) => {
    const parsed = JSON.parse(l) as Record<string, string>;
    const w = waiting.shift();
    if (w) w(parsed);
    else queue.push(parsed);
  });
  /** The next JSON line; fails if the process exits first. */
  const next = () =>
    new Promise<Record<string, string>>((done, fail) => {
      const q = queue.shift();
      if (q) return done(q);
      waiting.push(done);
      exited.then((code) => fail(new Error(`truce serve exited (${code}): ${stderr}`)));
    });
  return { child, next, exited, stderr: () => stderr };
}

/** Starts `truce serve --database LOCATION --port 0 --json` and waits for its `listening` line. */
export async function startServe(location: string, env: Record<string, string> = {}): Promise<ServeProcess> {
  const s = spawnServe(['--database', location, '--port', '0'], env);
  const started = await s.next();
  if (!started.listening)
    throw new Error(`truce serve did not start: ${JSON.stringify(started)} ${s.stderr()}`);
  return { ...s, base: started.listening };
}

/** An event stream read in the background: every message and comment, as they arrive. */
export async function openStream(url: string, lastEventId?: number) {
  const controller = new AbortController();
  const r = await fetch(url, {
    signal: controller.signal,
    headers: lastEventId === undefined ? {} : { 'last-event-id': String(lastEventId) },
  });
  if (r.status !== 200) throw new Error(`${url}: ${r.status} ${await r.text()}`);
  const parser = sseParser();
  const messages: SseMessage[] = [];
  const reader = r.body!.getReader();
  const decoder = new TextDecoder();
  let ended = false;
  const reading = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        messages.push(...parser.push(decoder.decode(value, { stream: true })));
      }
    } catch {
      // aborted
    }
    ended = true;
  })();
  return {
    messages,
    comments: parser.comments,
    get ended() {
      return ended;
    },
    /** The indexes of the events received, in order. */
    indexes: () => messages.filter((m) => m.event === 'event').map((m) => Number(m.id)),
    async stop() {
      controller.abort();
      await reading;
    },
  };
}
