/**
 * Builds examples/logs/oct-2025-ceasefire/: the October 2025 ceasefire (OCT-2025.md, "What
 * happened") as a signed log in the export format of docs/ledger.md (see demo-log-builder.ts: demo
 * keys, fixed times, deterministic signatures).
 * Run: npx node examples/logs/build-oct-2025.ts
 */
import { buildDemoLog, type LogRecipe, rebuildExample } from './demo-log-builder.ts';
import { NOTES, story } from './oct-2025-story.ts';

export const OCT_2025: LogRecipe = {
  logId: 'oct-2025-ceasefire',
  createdAt: '2025-10-09T09:00:00.000Z',
  reconstructedAt: '2026-12-01T12:00:00.000Z',
  notes: NOTES,
  story,
};

/** Writes the export of the Oct 2025 log into `outDir`. */
export function buildOct2025(outDir: string): Promise<void> {
  return buildDemoLog(OCT_2025, outDir);
}

if (import.meta.main) process.stdout.write(`wrote ${await rebuildExample(OCT_2025)}\n`);
