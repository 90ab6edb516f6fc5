import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'truce-terminal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The Nov 2023 pause, its title and a party's name carrying a bidi override and escape sequences. */
const hostile = readFileSync(join(repoRoot, 'examples/agreements/nov-2023-pause.yaml'), 'utf8')
  .replace(/^title:\n( {2}.*\n)+/m, 'title: "Pause \\u202Egnp.exe\\u202C \\e[2J\\e]0;owned\\a"\n')
  .replaceAll('Press reports', 'Press \u202Estroper\u202C');

describe('terminal output of names and titles', () => {
  it('shows controls and bidi overrides of a plan as <U+XXXX>; --json keeps the text exactly', async () => {
    const file = join(dir, 'hostile.yaml');
    writeFileSync(file, hostile);
    const text = await runCli('plan', file);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('Pause <U+202E>gnp.exe<U+202C> <U+001B>[2J<U+001B>]0;owned<U+0007>');
    expect(text.stdout).toContain('Press <U+202E>stroper<U+202C>');
    expect(
      [...text.stdout].filter(
        (ch) => ch !== '\n' && ch !== '\t' && (ch < ' ' || '\u202E\u202C\u001b'.includes(ch)),
      ),
    ).toEqual([]);
    const json = await runCli('plan', file, '--json');
    expect(json.stdout).toContain('Press \u202Estroper\u202C');
  });

  it('sanitizes what an error quotes of the input, on standard error', async () => {
    const file = join(dir, 'bad\u202Eyaml.txt');
    writeFileSync(file, 'id: [');
    const r = await runCli('validate', file);
    expect(r.status).toBe(1);
    expect(r.stderr + r.stdout).toContain('bad<U+202E>yaml.txt');
    expect(r.stderr + r.stdout).not.toContain('\u202E');
  });
});
