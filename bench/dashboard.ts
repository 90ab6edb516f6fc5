/**
 * Dashboard benchmark: in Chromium (playwright-core, /usr/bin/chromium), the time from the start of
 * a navigation to the first data on screen, with the HTTP cache disabled (every run loads the app
 * as a first visit would), against a real `truce serve --demo` on localhost:
 * - home: the first agreement card showing a figure (a digit);
 * - agreement: the headline figures of the Nov 2023 pause showing a figure.
 * Baseline measured in the same run: the server's static HTML reference page (/api/docs) to its
 * first heading. Median of BENCH_RUNS runs (default 15) each. Also the public pages' JavaScript,
 * gzipped. Writes bench/RESULTS.md; exits 1 when a median is 1 s or more.
 * Run: node bench/dashboard.ts
 */
import { availableParallelism, loadavg } from 'node:os';
import { publicScriptSize } from '../test/browser/bundle-size.ts';
import { openBrowser } from '../test/browser/chromium.ts';
import { demoServer } from '../test/browser/demo-server.ts';
import { WEB_DIST } from '../test/browser/web-build.ts';
import { firstDataTimes } from './first-data.ts';
import { percentile } from './machine.ts';
import { writeSection } from './results.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const BUDGET_MS = 1000;

const TARGETS = [
  { name: 'baseline: static HTML page (/api/docs), first heading', path: '/api/docs', selector: 'h1, h2' },
  {
    name: 'home: first agreement card with a figure',
    path: '/?lang=en',
    selector: '[data-testid="agreement-card"]',
  },
  {
    name: 'agreement: headline figures of the Nov 2023 pause',
    path: '/agreements/nov-2023-pause?lang=en',
    selector: '[data-testid="headline-figures"]',
  },
];

const load = loadavg()[0] ?? 0;
const cpus = availableParallelism();
const server = await demoServer();
const browser = await openBrowser();
try {
  const version = await browser.page.evaluate(() => /Chrome\/([\d.]+)/.exec(navigator.userAgent)?.[1] ?? '?');
  const rows: { name: string; median: number; p90: number; min: number }[] = [];
  for (const t of TARGETS) {
    // One warm-up navigation (the server's first answers compile its routes), then the runs.
    const times = await firstDataTimes(browser, `${server.url}${t.path}`, t.selector, RUNS);
    rows.push({
      name: t.name,
      median: percentile(times, 50),
      p90: percentile(times, 90),
      min: Math.min(...times),
    });
  }
  const size = publicScriptSize(WEB_DIST);
  const baseline = rows[0]!.median;
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const lines = [
    `Chromium ${version} (headless, HTTP cache disabled: every run is a first visit) against \`truce serve --demo\` on 127.0.0.1; time from the start of the navigation to the first data on screen, ${RUNS} runs each after one warm-up. Baseline: the server's static HTML reference page. Budget: first data under ${BUDGET_MS} ms; public pages' JavaScript at most 250 KB gzipped. Load average (1 min) when it ran: ${load.toFixed(1)} on ${cpus} cores.`,
    '',
    '| page | median | p90 | fastest | median ÷ baseline |',
    '|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${ms(r.median)} | ${ms(r.p90)} | ${ms(r.min)} | ${(r.median / baseline).toFixed(1)}× |`,
    ),
    '',
    `Public pages' JavaScript: ${size.files} file(s), ${(size.raw / 1024).toFixed(1)} KB, ${(size.gzipped / 1024).toFixed(1)} KB gzipped.`,
  ];
  writeSection('Dashboard: first data on screen', lines);
  const over = rows.slice(1).filter((r) => r.median >= BUDGET_MS);
  if (over.length) {
    console.error(`Over the ${BUDGET_MS} ms budget: ${over.map((r) => r.name).join('; ')}`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  await server.stop();
}
