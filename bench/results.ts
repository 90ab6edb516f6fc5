import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { machine } from './machine.ts';

const FILE = fileURLToPath(new URL('./RESULTS.md', import.meta.url));

/** Replaces the section `name` of bench/RESULTS.md with fresh figures, keeping the others. */
export function writeSection(name: string, lines: string[]): void {
  const header =
    '# Benchmark results\n\nEach section is rewritten by its benchmark (`npm run bench`); baselines are measured in the same run.\n';
  const text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : header;
  const section = `## ${name}\n\n${new Date().toISOString().slice(0, 10)} on ${machine()}\n\n${lines.join('\n')}\n`;
  const re = new RegExp(`## ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n[\\s\\S]*?(?=\\n## |$)`);
  const next = re.test(text) ? text.replace(re, section.trimEnd()) : `${text.trimEnd()}\n\n${section}`;
  writeFileSync(FILE, `${next.replace(/\n+## /g, '\n\n## ').trimEnd()}\n`);
  console.log(section);
}

/** One goal of an issue as measured: what, the goal, the figures, the baseline's, their ratio, whether it was met. */
export interface Goal {
  measure: string;
  goal: string;
  measured: string;
  baseline: string;
  ratio: string;
  met: boolean;
}

/** Writes bench/results/NAME.json: the date, the machine, its load, and each goal as measured. */
export function writeGoals(name: string, load: string, goals: Goal[]): void {
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const value = { date: new Date().toISOString(), machine: machine(), load, goals };
  writeFileSync(`${dir}${name}.json`, `${JSON.stringify(value, null, 2)}\n`);
}
