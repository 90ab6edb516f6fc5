/**
 * A health probe in a process of its own: GET /api/health ten times a second on one kept-alive
 * connection, each timed from the request to the end of its answer. Apart from the load
 * generators, so that what it times is the server's answer, not the delays of a client process
 * busy with hundreds of connections. Run directly, it is that child:
 * `node bench/health-probe.ts URL SECONDS` (it sends its latencies to the parent and exits).
 */
import { fork } from 'node:child_process';
import { Agent, get } from 'node:http';
import { fileURLToPath } from 'node:url';
import { percentile } from './machine.ts';
import type { Result } from './server-process.ts';

const PER_SECOND = 10;

interface Probe {
  latencies: number[];
  codes: Record<string, number>;
  errors: number;
}

/** In the child: probes `url` for `seconds`, then sends what it measured. */
async function probe(url: string, seconds: number): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const out: Probe = { latencies: [], codes: {}, errors: 0 };
  const once = () =>
    new Promise<void>((done) => {
      const t = performance.now();
      const req = get(`${url}/api/health`, { agent, timeout: 30_000 }, (res) => {
        res.resume();
        res.on('end', () => {
          out.latencies.push(performance.now() - t);
          const code = String(res.statusCode);
          out.codes[code] = (out.codes[code] ?? 0) + 1;
          done();
        });
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        out.errors++;
        done();
      });
    });
  const started = performance.now();
  for (let i = 0; i < seconds * PER_SECOND; i++) {
    const next = started + (i * 1000) / PER_SECOND;
    const wait = next - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    await once();
  }
  agent.destroy();
  process.send!(out, () => process.exit(0));
}

/** Probes `url`'s health for `seconds` from a child process; its answers as an autocannon-like result. */
export function healthProbe(url: string, seconds: number): Promise<Result> {
  const child = fork(fileURLToPath(import.meta.url), ['probe', url, String(seconds)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (m: Probe) => {
      const ok = Object.entries(m.codes)
        .filter(([c]) => c.startsWith('2'))
        .reduce((n, [, k]) => n + k, 0);
      const total = m.latencies.length + m.errors;
      const round = (x: number) => Math.round(x);
      resolve({
        requests: { average: total / seconds, total },
        latency: {
          p50: round(percentile(m.latencies, 50)),
          p99: round(percentile(m.latencies, 99)),
          max: round(Math.max(...m.latencies)),
          average: round(m.latencies.reduce((a, b) => a + b, 0) / Math.max(1, m.latencies.length)),
        },
        '2xx': ok,
        non2xx: m.latencies.length - ok,
        errors: m.errors,
        timeouts: 0,
        statusCodeStats: Object.fromEntries(Object.entries(m.codes).map(([c, count]) => [c, { count }])),
      });
    });
  });
}

if (import.meta.main && process.argv[2] === 'probe') await probe(process.argv[3]!, Number(process.argv[4]));
