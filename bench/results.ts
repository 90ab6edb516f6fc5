import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
