import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliIn } from './helpers/run-cli.ts';
import { V1 } from './helpers/two-texts.ts';

/** The operator is named for readers as `log init --name` gives it, in any script, as NFC. */
describe('truce log init --name', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'truce-init-name-'));
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'test-log.yaml'), V1);
    expect((await runCliIn(dir, 'keygen', 'operator', '--out', 'keys/operator.key')).status).toBe(0);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('registers the operator under that name (NFC), and refuses an empty one with a usage error', async () => {
    const db = join(dir, 'named.db');
    // "Mediation office" in Arabic, written decomposed (alef with hamza as alef + combining hamza).
    const decomposed = 'مكتب الوساطة ا\u0654';
    const init = await runCliIn(
      dir,
      ...[
        'log',
        'init',
        'test-log.yaml',
        '--key',
        'keys/operator.key',
        '--name',
        decomposed,
        '--database',
        db,
      ],
    );
    expect(init.status, init.stderr).toBe(0);
    const shown = JSON.parse((await runCliIn(dir, 'log', 'show', '--json', '--database', db)).stdout) as {
      events: { kind: string; body?: Record<string, unknown> }[];
    };
    const registered = JSON.stringify(shown);
    expect(registered).toContain(decomposed.normalize('NFC'));
    expect(registered).not.toContain('"Operator"');
    const empty = await runCliIn(
      dir,
      ...[
        'log',
        'init',
        'test-log.yaml',
        '--key',
        'keys/operator.key',
        '--name',
        ' ',
        '--database',
        join(dir, 'x.db'),
      ],
    );
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('--name');
  });
});
