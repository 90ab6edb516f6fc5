/**
 * Builds examples/logs/nov-2023-pause/: the November 2023 pause (AGREEMENTS.md §1, "What happened")
 * as a signed log in the export format of docs/ledger.md (see demo-log-builder.ts: demo keys, fixed
 * times, deterministic signatures).
 * Run: npx node examples/logs/build-nov-2023.ts
 */
import { agreementFile, buildDemoLog, type LogRecipe, rebuildExample } from './demo-log-builder.ts';
import { NOTES, story } from './nov-2023-story.ts';

export { demoSigner } from './demo-log-builder.ts';

export const LOG_ID = 'nov-2023-pause';
export const AGREEMENT_FILE = agreementFile(LOG_ID);

export const NOV_2023: LogRecipe = {
  logId: LOG_ID,
  createdAt: '2023-11-22T00:00:00.000Z',
  reconstructedAt: '2023-12-01T12:00:00.000Z',
  notes: NOTES,
  story,
};

/** Writes the export of the Nov 2023 log into `outDir`. */
export function buildNov2023(outDir: string): Promise<void> {
  return buildDemoLog(NOV_2023, outDir);
}

if (import.meta.main) process.stdout.write(`wrote ${await rebuildExample(NOV_2023)}\n`);
