import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { commands } from '../src/cli/main.ts';
import { repoRoot, runCli } from './helpers/run-cli.ts';

const run = promisify(execFile);

describe('truce --help', () => {
  it('lists every command', async () => {
    const r = await runCli('--help');
    expect(r.status).toBe(0);
    for (const c of commands) expect(r.stdout).toContain(`  ${c.name}`);
  });

  it.each(commands.map((c) => c.name))('`truce %s --help` shows usage and options', async (name) => {
    const r = await runCli(name, '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: truce ${name}`));
    expect(r.stdout).toContain('--help');
  });

  it('every command takes --json', async () => {
    for (const c of commands) expect(Object.keys((await c.load()).options)).toContain('json');
  });

  it("the table's name and summary of each command are the command's own", async () => {
    for (const c of commands) {
      const loaded = await c.load();
      expect({ name: c.name, summary: c.summary }).toEqual({ name: loaded.name, summary: loaded.summary });
    }
  });

  it('loads only the command that runs: none for the overview, only verify.ts for `truce verify`', async () => {
    // The modules a fresh process loads, recorded by a resolve hook, for `truce ARGS`.
    const loaded = async (...argv: string[]) => {
      const script = `
        import { registerHooks } from 'node:module';
        const seen = [];
        registerHooks({ resolve(s, c, next) { const r = next(s, c); seen.push(r.url); return r; } });
        const { main } = await import('./src/cli/main.ts');
        const io = { out() {}, err() {}, cwd: process.cwd(), env: {} };
        await main(${JSON.stringify(argv)}, io);
        console.log(JSON.stringify(seen.filter((u) => u.includes('/src/cli/commands/')).map((u) => u.replace(/.*\\/commands\\//, ''))));`;
      const r = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot });
      return JSON.parse(r.stdout) as string[];
    };
    expect(await loaded('--help')).toEqual([]);
    expect(await loaded('verfy')).toEqual([]);
    expect([...new Set(await loaded('verify', '--help'))]).toEqual(['verify.ts']);
  });

  it('an unknown command exits 2', async () => {
    const r = await runCli('frobnicate');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command "frobnicate"/);
    expect(r.stderr).not.toMatch(/Did you mean/);
  });

  it('a command named by another word people use for it suggests it, in one line: check → validate', async () => {
    const r = await runCli('check', 'examples/agreements/nov-2023-pause.yaml');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'truce: unknown command "check". Did you mean `truce validate`? (`truce --help` lists the commands.)\n',
    );
  });

  it('a mistyped command or flag exits 2 and says what was meant', async () => {
    const command = await runCli('verfy');
    expect(command.status).toBe(2);
    expect(command.stderr).toMatch(/^truce: unknown command "verfy"\. Did you mean `truce verify`\?/);
    const twoWords = await runCli('log', 'shwo');
    expect(twoWords.stderr).toMatch(/^truce: unknown command "log shwo"\. Did you mean `truce log show`\?/);
    const flag = await runCli('plan', 'examples/agreements/nov-2023-pause.yaml', '--jsno');
    expect(flag.status).toBe(2);
    expect(flag.stderr).toMatch(
      /^truce plan: unknown option --jsno; did you mean --json\?\nUsage: truce plan/,
    );
    const far = await runCli('plan', 'examples/agreements/nov-2023-pause.yaml', '--zzz');
    expect(far.status).toBe(2);
    expect(far.stderr).toMatch(
      /^truce plan: unknown option --zzz \(`truce plan --help` lists the options\)\./,
    );
  });
});

describe('the truce executable', () => {
  it('runs on this Node through bin/truce.js and sets the exit status', async () => {
    const ok = await run(
      process.execPath,
      ['bin/truce.js', 'validate', 'examples/agreements/nov-2023-pause.yaml'],
      {
        cwd: repoRoot,
      },
    );
    expect(ok.stdout).toMatch(/^ok {2}examples\/agreements\/nov-2023-pause\.yaml/);
    const bad = await run(
      process.execPath,
      ['bin/truce.js', 'validate', 'test/fixtures/agreements-bad/wrong-role.yaml'],
      {
        cwd: repoRoot,
      },
    ).catch((e: { code: number; stderr: string }) => e);
    expect('code' in bad && bad.code).toBe(1);
  });

  it('`npm start` serves the demo; `truce plan` prints the day-by-day plan of the November 2023 pause', async () => {
    const pkg = (await import('../package.json', { with: { type: 'json' } })).default;
    // The dashboard is built first, then the server starts on the demo data.
    expect(pkg.scripts.start).toBe('npm run build:web && node src/cli/main.ts serve --demo');
    const r = await run(
      process.execPath,
      ['src/cli/main.ts', 'plan', 'examples/agreements/nov-2023-pause.yaml'],
      {
        cwd: repoRoot,
      },
    );
    expect(r.stdout).toMatch(/^Humanitarian pause, November 2023/);
    expect(r.stdout).toMatch(/Day 4 {2}Mon 2023-11-27/);
  });
});
