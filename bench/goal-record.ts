/**
 * The figures a benchmark measured against the scale goals, written as JSON to
 * bench/results/NAME.json so that bench/goals.ts can put every goal in one table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { machine } from './machine.ts';

export const goalSchema = z.object({
  measure: z.string().min(1),
  goal: z.string(),
  measured: z.string(),
  baseline: z.string(),
  ratio: z.string(),
  met: z.boolean(),
});

export const goalFileSchema = z.object({
  date: z.string(),
  machine: z.string(),
  load: z
    .union([z.string(), z.number(), z.array(z.number())])
    .transform((l) => (Array.isArray(l) ? l.map((x) => x.toFixed(1)).join(' ') : String(l))),
  goals: z.array(goalSchema),
});

export type Goal = z.infer<typeof goalSchema>;
export type GoalFile = z.infer<typeof goalFileSchema>;

/**
 * Writes bench/results/`name`.json with today's date, this machine and its load average now (or
 * `load`, when the benchmark says how the load went over its run).
 */
export function writeGoals(name: string, goals: Goal[], load?: string): void {
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file: GoalFile = {
    date: new Date().toISOString().slice(0, 10),
    machine: machine(),
    load:
      load ??
      loadavg()
        .map((l) => l.toFixed(1))
        .join(' '),
    goals,
  };
  writeFileSync(`${dir}${name}.json`, `${JSON.stringify(file, null, 2)}\n`);
}
